import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';

/** Top-level pages shown in the main menu; the key is the route path. */
export function navigationItems(t: TFunction): NonNullable<MenuProps['items']> {
  return [{ key: '/', label: <Link to="/">{t('nav.status')}</Link> }];
}

/** The menu key for a location: the longest navigation path that prefixes it. */
export function selectedNavigationKey(pathname: string, keys: readonly string[]): string | undefined {
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .find((key) => (key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`)));
}
