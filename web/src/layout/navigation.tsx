import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../api/session';
import type { TaskCounts } from '../api/taskCounts';
import { canAccess } from '../session/context';

/** Pages shown in the main menu for the signed-in user; the key is the route path. */
export function navigationItems(t: TFunction, me: Me | undefined, counts?: TaskCounts): NonNullable<MenuProps['items']> {
  if (!me) return [];
  const items: NonNullable<MenuProps['items']> = [{ key: '/', label: <Link to="/">{t('nav.workspace')}</Link> }];
  // The office lists (issue 20): 待办 (the inbox), 已办, 我发起, 抄送我 with their counts, and 督办 for supervisors.
  // Residents acting for themselves have no tasks: they follow the cases they started.
  const counted = (path: string, label: string, count: number | undefined) => ({
    key: path,
    label: (
      <Link to={path} className="nav-counted">
        <span>{label}</span>
        {count !== undefined && (
          <span className="nav-count" aria-label={t('office.nav.count', { count })}>
            {count}
          </span>
        )}
      </Link>
    ),
  });
  if (me.membership?.role !== 'APPLICANT') {
    items.push({
      type: 'group',
      key: 'office',
      label: t('office.nav.group'),
      children: [
        counted('/inbox', t('office.nav.todo'), counts ? counts.mine + counts.claimable : undefined),
        counted('/worklists/done', t('office.nav.done'), counts?.done),
        counted('/worklists/started', t('office.nav.started'), counts?.started),
        counted('/worklists/circulated', t('office.nav.circulated'), counts?.circulatedUnread),
        ...(canAccess(me, 'tasks.supervise')
          ? [{ key: '/supervision', label: <Link to="/supervision">{t('office.nav.supervision')}</Link> }]
          : []),
        { key: '/delegations', label: <Link to="/delegations">{t('office.nav.delegation')}</Link> },
      ],
    });
  } else {
    items.push(counted('/worklists/started', t('office.nav.started'), counts?.started));
  }
  items.push({ key: '/cases', label: <Link to="/cases">{t('cases.nav')}</Link> });
  // Residents' committee elections (domain §2): a resident applies and follows their application; officials and the
  // election committee see the elections in their scope; the county watches the overview.
  if (canAccess(me, 'elections.apply')) {
    items.push({
      key: '/elections/applications',
      label: <Link to="/elections/applications">{t('election.navApplications')}</Link>,
    });
  } else if (canAccess(me, 'elections.read')) {
    items.push({ key: '/elections', label: <Link to="/elections">{t('election.nav')}</Link> });
  }
  if (canAccess(me, 'elections.overview') && !canAccess(me, 'elections.start')) {
    items.push({ key: '/elections/overview', label: <Link to="/elections/overview">{t('election.overview.nav')}</Link> });
  }
  // The source policy's targets (issue 22): the dashboard for township, county and city offices; the profiles it is
  // computed from for them and for the residents' committees that keep them.
  if (canAccess(me, 'community-indicators.read')) {
    items.push({ key: '/dashboard', label: <Link to="/dashboard">{t('dashboard.nav')}</Link> });
  }
  if (canAccess(me, 'community-profiles.read')) {
    items.push({ key: '/community-profiles', label: <Link to="/community-profiles">{t('dashboard.navProfiles')}</Link> });
  }
  // Owners' meetings: the owners' committee, the residents' committee and the supervising offices (domain §4).
  if (canAccess(me, 'owners-meetings.read')) {
    items.push({ key: '/owners-meetings', label: <Link to="/owners-meetings">{t('ownersMeeting.nav')}</Link> });
  }
  // Admission of work items into communities (domain §3): applicants and the county; committees report; the list is public.
  if (canAccess(me, 'service-items.read')) {
    items.push({ key: '/service-items', label: <Link to="/service-items">{t('serviceAdmission.nav.items')}</Link> });
  }
  // (The report page links to the public list of admitted items.)
  if (canAccess(me, 'service-items.report')) {
    items.push({
      key: '/service-items/report',
      label: <Link to="/service-items/report">{t('serviceAdmission.nav.report')}</Link>,
    });
  }
  // 好差评 (issue 21): the county and township see the ratings of their area; a resident follows their cases on 我要查.
  if (canAccess(me, 'service-ratings.read')) {
    items.push({ key: '/service-ratings', label: <Link to="/service-ratings">{t('publicService.ratings.nav')}</Link> });
  }
  if (me.membership?.role === 'APPLICANT') {
    items.push({ key: '/track', label: <Link to="/track">{t('publicService.track.title')}</Link> });
  }
  // Administration: only roles that may manage them (SYSTEM_ADMIN), as the API enforces.
  if (canAccess(me, 'organizations.manage')) {
    items.push({ key: '/admin/organizations', label: <Link to="/admin/organizations">{t('nav.organizations')}</Link> });
  }
  if (canAccess(me, 'users.manage')) {
    items.push({ key: '/admin/users', label: <Link to="/admin/users">{t('nav.users')}</Link> });
  }
  if (canAccess(me, 'webhooks.manage')) {
    items.push({ key: '/admin/webhooks', label: <Link to="/admin/webhooks">{t('webhooks.nav')}</Link> });
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

/** The route keys of the menu, the items inside groups included. */
export function navigationKeys(items: NonNullable<MenuProps['items']>): string[] {
  return items.flatMap((item) => {
    if (!item) return [];
    const children = 'children' in item && Array.isArray(item.children) ? navigationKeys(item.children) : [];
    return typeof item.key === 'string' && !('type' in item && item.type === 'group') ? [item.key, ...children] : children;
  });
}
