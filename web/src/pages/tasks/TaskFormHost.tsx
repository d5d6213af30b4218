import { Alert, App, Spin, Typography } from 'antd';
import { Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseDocument, CaseRecord } from '../../api/cases';
import { ApiError } from '../../api/client';
import { completeTask, failedRules, type TaskView } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RuleResults } from '../../components/RuleResults';
import type { RuleResult } from '../../api/schemas/procedures';
import { currentLanguage } from '../../i18n';
import { serverFieldErrors, TASK_PAYLOAD_PREFIX } from '../../forms/serverErrors';
import { taskFormFor } from '../../procedures/registry';
import type { ServerFieldErrorSink } from '../../procedures/taskForm';

/**
 * The task's form (chosen by formId from procedures/registry) and what the API answers to its completion:
 * field errors go onto the form, a refused rule is listed with its clause and values, a 409 says who holds or
 * completed the task; after success the case page opens.
 */
export function TaskFormHost({
  task,
  record,
  documents,
  disabled,
}: {
  task: TaskView;
  record: CaseRecord;
  documents: CaseDocument[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [rules, setRules] = useState<RuleResult[]>([]);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const Form = taskFormFor(task.formId);

  if (!Form) return <Alert type="info" showIcon title={t('task.form.unsupported', { formId: task.formId })} />;

  const submit = async (payload: unknown, onFieldError: ServerFieldErrorSink) => {
    setError(undefined);
    setRules([]);
    try {
      await completeTask(task.id, payload);
      void message.success(t('task.form.completed'));
      void navigate(`/cases/${task.caseId}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VALIDATION_FAILED') {
        serverFieldErrors(caught, TASK_PAYLOAD_PREFIX).forEach(onFieldError);
      }
      setRules(failedRules(caught).filter((rule) => !rule.passed));
      setError(caught);
      window.setTimeout(() => outcomeRef.current?.scrollIntoView({ block: 'nearest' }), 0);
    }
  };

  return (
    <>
      {disabled && task.status === 'OPEN' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('task.form.heldByOther')} />
      )}
      <Suspense fallback={<Spin description={t('task.form.loading')} />}>
        <Form task={task} record={record} documents={documents} disabled={disabled} submit={submit} />
      </Suspense>
      <div ref={outcomeRef} style={{ marginTop: 16 }}>
        <ErrorAlert error={error} title={rules.length > 0 ? t('task.form.rulesFailed') : undefined} />
        {rules.length > 0 && (
          <>
            <Typography.Paragraph>{t('task.form.rulesFailedHelp')}</Typography.Paragraph>
            <RuleResults
              label={t('task.form.rulesFailed')}
              rules={rules.map((rule) => ({
                id: rule.id,
                passed: rule.passed,
                citation: rule.citation,
                detail: rule.detail[language],
                values: rule.values,
              }))}
            />
          </>
        )}
      </div>
    </>
  );
}
