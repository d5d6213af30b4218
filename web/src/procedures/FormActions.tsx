import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { submitSpinner } from '../forms/submit-spinner';

/** The submit row of a task form. */
export function FormActions({
  submitting,
  disabled,
  children,
}: {
  submitting: boolean;
  disabled: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8}>
      <Button type="primary" htmlType="submit" loading={submitSpinner(submitting)} disabled={disabled}>
        {t('task.form.submit')}
      </Button>
      {children}
    </Flex>
  );
}
