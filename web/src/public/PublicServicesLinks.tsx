import { Typography, theme } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/**
 * 公共服务: every page a resident may use without signing in, in one block (on the login page). A new public page
 * joins this list.
 */
export const PUBLIC_PAGES = [
  { path: '/track', label: 'publicService.block.track' },
  { path: '/check/eligibility', label: 'publicService.block.eligibility' },
  { path: '/check/village-conversion', label: 'publicService.block.villageConversion' },
  { path: '/check/owners-meeting', label: 'publicService.block.ownersMeeting' },
  { path: '/public/service-items', label: 'publicService.block.admitted' },
  { path: '/verify', label: 'publicService.block.verify' },
] as const;

export function PublicServicesLinks() {
  const { t } = useTranslation();
  const headingId = useId();
  const { token } = theme.useToken();
  // A card drawn by hand, like the login form's: antd's Card would bring its tabs, dropdown and menu onto the login
  // page's first chunk.
  return (
    <section
      style={{
        width: '100%',
        maxWidth: 400,
        padding: token.paddingLG,
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
      }}
    >
      <nav aria-labelledby={headingId}>
        <Typography.Title level={3} id={headingId} style={{ marginTop: 0 }}>
          {t('publicService.block.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('publicService.block.description')}</Typography.Paragraph>
        <ul className="plain-list">
          {PUBLIC_PAGES.map((page) => (
            <li key={page.path} style={{ padding: '6px 0' }}>
              <Link to={page.path}>{t(page.label)}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
