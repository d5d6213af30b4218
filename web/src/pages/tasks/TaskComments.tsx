import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseComment } from '../../api/cases';
import { taskCommentBody } from '../../api/schemas/procedures';
import { commentOnTask } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../procedures/format';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { SubmitFieldset } from '../../forms/SubmitFieldset';

export function CommentList({ comments }: { comments: CaseComment[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (comments.length === 0) return <Typography.Paragraph type="secondary">{t('comments.none')}</Typography.Paragraph>;
  return (
    <ul className="plain-list" aria-label={t('comments.listLabel')}>
      {comments.map((comment) => (
        <li key={comment.id} style={{ borderInlineStart: '3px solid #d9d9d9', paddingInlineStart: 12 }}>
          <Typography.Text strong>{comment.author}</Typography.Text>{' '}
          <Typography.Text type="secondary">{formatDateTime(comment.createdAt, language)}</Typography.Text>
          <div className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
            {comment.body}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The task's comments and a box to add one. */
export function TaskComments({ taskId, comments, onAdded }: { taskId: string; comments: CaseComment[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const { control, error, submitWith, reset, formState } = useServerForm({
    schema: taskCommentBody,
    defaultValues: { body: '' },
  });
  const onSubmit = submitWith(async ({ body }) => {
    await commentOnTask(taskId, body);
    reset();
    onAdded();
  });
  return (
    <>
      <CommentList comments={comments} />
      <Form layout="vertical" onFinish={() => void onSubmit()} style={{ marginTop: 16 }}>
        <SubmitFieldset submitting={formState.isSubmitting}>
          <ErrorAlert error={error} />
          <FormField control={control} name="body" label={t('comments.add')} required>
            {(field, input) => <Input.TextArea {...field} {...input} rows={3} maxLength={5000} />}
          </FormField>
          <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('comments.submit')}
          </Button>
        </SubmitFieldset>
      </Form>
    </>
  );
}
