import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../api/session';
import { canAccess } from '../session/context';

/** Pages shown in the main menu for the signed-in user; the key is the route path. */
export function navigationItems(t: TFunction, me: Me | undefined): NonNullable<MenuProps['items']> {
  if (!me) return [];
  const items: NonNullable<MenuProps['items']> = [{ key: '/', label: <Link to="/">{t('nav.workspace')}</Link> }];
  // The task inbox: every official (residents acting for themselves have no tasks).
  if (me.membership?.role !== 'APPLICANT') {
    items.push({ key: '/inbox', label: <Link to="/inbox">{t('inbox.nav')}</Link> });
  }
  items.push({ key: '/cases', label: <Link to="/cases">{t('cases.nav')}</Link> });
  // Administration: only roles that may manage them (SYSTEM_ADMIN), as the API enforces.
  if (canAccess(me, 'organizations.manage')) {
    items.push({ key: '/admin/organizations', label: <Link to="/admin/organizations">{t('nav.organizations')}</Link> });
  }
  if (canAccess(me, 'users.manage')) {
    items.push({ key: '/admin/users', label: <Link to="/admin/users">{t('nav.users')}</Link> });
  }
  // System status (readiness of PostgreSQL and Temporal) is of interest to the administrators who run the system.
  if (me.membership?.role === 'SYSTEM_ADMIN') {
    items.push({ key: '/status', label: <Link to="/status">{t('nav.status')}</Link> });
  }
  return items;
}

/** The menu key for a location: the longest navigation path that prefixes it. */
export function selectedNavigationKey(pathname: string, keys: readonly string[]): string | undefined {
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .find((key) => (key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`)));
}
