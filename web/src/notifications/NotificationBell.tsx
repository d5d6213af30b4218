import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Flex, Grid, Popover, Typography } from 'antd';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isAbortError } from '../api/client';
import { describeError } from '../api/errorText';
import { fetchNotifications, markNotificationsRead, type AppNotification, type NotificationList } from '../api/notifications';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../procedures/format';
import { useMe } from '../session/context';
import { notificationLink, notificationText } from './notificationText';

export const NOTIFICATION_POLL_MS = 30_000;

/** The signed-in user's notifications, polled every 30 s (and reloaded when the membership changes). */
function useNotifications() {
  const me = useMe();
  const [data, setData] = useState<NotificationList>();
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController | undefined>(undefined);

  const refresh = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    try {
      setData(await fetchNotifications(current.signal));
      setError(undefined);
    } catch (caught) {
      if (!isAbortError(caught) && !current.signal.aborted) setError(caught);
    }
  }, []);

  const membershipId = me.membership?.id;
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void refresh();
    }, NOTIFICATION_POLL_MS);
    return () => {
      window.clearInterval(timer);
      controller.current?.abort();
    };
  }, [refresh, membershipId]);

  return { data, error, refresh, setData };
}

/** The bell in the header: unread count, and a panel listing the latest notifications with links. */
export function NotificationBell() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, error, refresh, setData } = useNotifications();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unread = data?.unread ?? 0;
  // Phones get a drawer: a popover anchored to the bell would run off a 375px screen.
  const phone = Grid.useBreakpoint().md !== true;

  const markRead = async (ids: string[] | 'all') => {
    if (data) {
      const marked = (n: AppNotification) => ids === 'all' || ids.includes(n.id);
      const newlyRead = data.items.filter((n) => !n.read && marked(n)).length;
      setData({
        unread: ids === 'all' ? 0 : Math.max(0, data.unread - newlyRead),
        items: data.items.map((n) => (marked(n) ? { ...n, read: true } : n)),
      });
    }
    try {
      await markNotificationsRead(ids);
    } catch (caught) {
      void message.error(describeError(caught, t, language));
    } finally {
      void refresh();
    }
  };

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) void refresh();
  };

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const openItem = (notification: AppNotification) => {
    const link = notificationLink(notification);
    if (!notification.read) void markRead([notification.id]);
    setOpen(false);
    if (link) void navigate(link);
  };

  const panel = (
    <div
      id={panelId}
      role="region"
      aria-labelledby={phone ? undefined : headingId}
      aria-label={phone ? t('notifications.title') : undefined}
      className="notification-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <Flex justify={phone ? 'flex-end' : 'space-between'} align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        {!phone && (
          <Typography.Title level={2} id={headingId} style={{ margin: 0, fontSize: 16 }}>
            {t('notifications.title')}
          </Typography.Title>
        )}
        <Button size="small" disabled={unread === 0} onClick={() => void markRead('all')}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {error !== undefined && !data && <Typography.Text type="danger">{describeError(error, t, language)}</Typography.Text>}
      {data && data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />}
      {data && data.items.length > 0 && (
        <ul className="plain-list notification-list">
          {data.items.map((notification) => {
            const textLine = notificationText(notification, language);
            const time = formatDateTime(notification.createdAt, language);
            return (
              <li key={notification.id}>
                <Button
                  type="text"
                  block
                  className={notification.read ? 'notification-item' : 'notification-item notification-unread'}
                  onClick={() => openItem(notification)}
                  style={{ height: 'auto', textAlign: 'start', whiteSpace: 'normal', padding: '6px 8px' }}
                >
                  <span style={{ display: 'block', width: '100%' }}>
                    {!notification.read && (
                      <span className="notification-dot" aria-hidden="true">
                        ●{' '}
                      </span>
                    )}
                    <span style={{ fontWeight: notification.read ? 400 : 600 }}>{textLine}</span>
                    {!notification.read && <span className="visually-hidden">{t('notifications.unreadMark')}</span>}
                    <span style={{ display: 'block', fontSize: 12, color: 'rgba(0, 0, 0, 0.62)' }}>{time}</span>
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );

  const bell = (
    <Button
      ref={buttonRef}
      aria-label={unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')}
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={phone ? () => toggle(!open) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined aria-hidden="true" style={{ fontSize: 16 }} />
        </Badge>
      }
    />
  );

  if (phone) {
    return (
      <>
        {bell}
        <Drawer title={t('notifications.title')} placement="right" size={320} open={open} onClose={() => toggle(false)}>
          {panel}
        </Drawer>
      </>
    );
  }

  return (
    <Popover
      open={open}
      onOpenChange={toggle}
      trigger="click"
      placement="bottomRight"
      content={panel}
      // Rendered right after the button, so Tab moves from the bell into the list.
      getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
      styles={{ container: { width: 360, maxHeight: '70vh', overflowY: 'auto' } }}
    >
      {bell}
    </Popover>
  );
}
