import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown in the layout while a page's chunk loads (the first visit to a route). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin description={t('app.loadingPage')} />
    </Flex>
  );
}
