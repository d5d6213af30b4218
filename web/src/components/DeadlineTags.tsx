import { CalendarOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../api/tasks';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../procedures/format';
import { ToneTag } from './ToneTag';

export type Warning = InboxItem['warning'];

/** 限时办结: reminded = due soon, yellow = due, red = overdue and escalated (督办). Nothing for 'none'. */
export function WarningTag({ warning }: { warning: Warning }) {
  const { t } = useTranslation();
  switch (warning) {
    case 'reminded':
      return <ToneTag tone="warning">{t('deadline.reminded')}</ToneTag>;
    case 'yellow':
      return <ToneTag tone="warning">{t('deadline.yellow')}</ToneTag>;
    case 'red':
      return <ToneTag tone="danger">{t('deadline.red')}</ToneTag>;
    default:
      return null;
  }
}

/** The years a deadline was computed without the official holiday calendar ("calendar-unknown:2027,2028"). */
export function calendarWarningYears(warning: string | null | undefined): string | undefined {
  if (!warning) return undefined;
  const [kind, years] = warning.split(':');
  return kind === 'calendar-unknown' ? (years ?? '') : warning;
}

/** An icon saying the due date may move: the holiday calendar of its year was not known when it was computed. */
export function CalendarWarningIcon({ warning }: { warning: string | null | undefined }) {
  const { t } = useTranslation();
  const years = calendarWarningYears(warning);
  if (years === undefined) return null;
  const text = t('deadline.calendarUnknown', { years });
  return (
    <Tooltip title={text}>
      <span role="img" aria-label={text} tabIndex={0} style={{ color: '#613400', marginInlineStart: 4 }}>
        <CalendarOutlined aria-hidden="true" />
      </span>
    </Tooltip>
  );
}

const DUE_COLOURS: Record<Warning, string | undefined> = {
  none: undefined,
  reminded: '#613400',
  yellow: '#613400',
  red: '#a8071a',
};

/** Warning of a task seen outside the inbox (which computes it on the server): due has passed, or not. */
export function warningFromDue(dueAt: string | null, status: string, now = Date.now()): Warning {
  if (!dueAt || status !== 'OPEN') return 'none';
  return new Date(dueAt).getTime() <= now ? 'yellow' : 'none';
}

/** The due date in the warning's colour, with the warning tag and the calendar icon. */
export function DueDate({
  dueAt,
  warning,
  calendarWarning,
}: {
  dueAt: string | null;
  warning: Warning;
  calendarWarning?: string | null;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!dueAt) return <span>{t('deadline.none')}</span>;
  const colour = DUE_COLOURS[warning];
  return (
    <span>
      <span style={{ color: colour, fontWeight: colour ? 600 : undefined, marginInlineEnd: 8 }}>
        {formatDateTime(dueAt, language)}
      </span>
      <WarningTag warning={warning} />
      <CalendarWarningIcon warning={calendarWarning} />
    </span>
  );
}
