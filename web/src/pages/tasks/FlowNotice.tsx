import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../api/tasks';
import { currentLanguage } from '../../i18n';
import { taskKindName } from '../../procedures/names';

interface Returned {
  from?: unknown;
  reason?: unknown;
  by?: unknown;
}

/** Why an open task is here again: the file was sent back to it (退回, with who, from which step and why), or taken back (取回). */
export function FlowNotice({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (task.status !== 'OPEN') return null;
  const returned = task.context.returned as Returned | undefined;
  if (returned && typeof returned.reason === 'string') {
    return (
      <Alert
        type="warning"
        showIcon
        className="flow-notice"
        title={t('flow.returnedNotice')}
        description={t('flow.returnedFrom', {
          by: typeof returned.by === 'string' ? returned.by : '—',
          from: typeof returned.from === 'string' ? taskKindName(returned.from, language) : '—',
          reason: returned.reason,
        })}
        style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }}
      />
    );
  }
  if (task.context.takenBack) {
    return <Alert type="info" showIcon className="flow-notice" title={t('flow.takenBackNotice')} style={{ marginBottom: 16 }} />;
  }
  return null;
}
