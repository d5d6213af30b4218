import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../api/session';
import type { InboxItem } from '../../api/tasks';
import { DueDate } from '../../components/DeadlineTags';
import { currentLanguage } from '../../i18n';
import { roleLabel, taskKindName } from '../names';

/** Whether the signed-in membership can work on the task (offered to its organization and role, or held by the user). */
export function canWork(me: Me, item: InboxItem): boolean {
  if (item.assigneeId !== null) return item.assigneeId === me.user.id;
  return item.candidateOrgId === me.membership?.organizationId && item.candidateRole === me.membership.role;
}

/** A task of the election: a link to it for those who can work on it, else who is to do it (supervision). */
export function OpenStep({ item, me, label }: { item: InboxItem; me: Me; label?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = label ?? taskKindName(item.kind, language);
  return (
    <Flex wrap gap={8} align="center" justify="space-between">
      <span className="break-anywhere">
        {canWork(me, item) ? (
          <Link to={`/tasks/${item.id}`} className="text-link">
            {name}
          </Link>
        ) : (
          <Typography.Text strong>{name}</Typography.Text>
        )}
        <Typography.Text type="secondary">
          {' · '}
          {item.candidateOrgName} · {roleLabel(item.candidateRole, language)}
          {item.assigneeName ? ` · ${item.assigneeName}` : ''}
        </Typography.Text>
      </span>
      {item.dueAt && (
        <span>
          {t('election.detail.dueBy')} <DueDate dueAt={item.dueAt} warning={item.warning} />
        </span>
      )}
    </Flex>
  );
}

/** The election's open steps (tasks) with links for those who can act. */
export function OpenSteps({ items, me }: { items: InboxItem[]; me: Me }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t('election.detail.noOpenSteps')}</Typography.Text>;
  return (
    <ul className="plain-list" aria-label={t('election.detail.openSteps')}>
      {items.map((item) => (
        <li key={item.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
          <OpenStep item={item} me={me} />
        </li>
      ))}
    </ul>
  );
}
