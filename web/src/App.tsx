import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { currentLanguage } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatusPage } from './pages/StatusPage';

export function App() {
  // Subscribing to i18n re-renders the tree (and antd's locale) when the language changes.
  useTranslation();
  const antdLocale = currentLanguage() === 'en' ? enUS : zhCN;

  return (
    // autoInsertSpace off: antd would render two-character Chinese labels as "刷 新", which screen readers spell out.
    <ConfigProvider locale={antdLocale} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <BrowserRouter>
          <AppLayout>
            <Routes>
              <Route path="/" element={<StatusPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </AppLayout>
        </BrowserRouter>
      </AntdApp>
    </ConfigProvider>
  );
}
