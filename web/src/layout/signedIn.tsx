import { Drawer, Menu, type DrawerProps, type MenuProps } from 'antd';

/**
 * The parts of the layout only a signed-in user sees, in one chunk that AppLayout loads lazily: the login page (the
 * first page on a phone) does not download the menu, the drawer, the notifications and the account controls.
 */
export { NotificationBell } from '../notifications/NotificationBell';
export { AccountDropdown, AccountPanel } from './AccountMenu';
export { MembershipSwitcher } from './MembershipSwitcher';

export function NavigationMenu(props: MenuProps) {
  return <Menu {...props} />;
}

export function NavigationDrawer(props: DrawerProps) {
  return <Drawer {...props} />;
}
