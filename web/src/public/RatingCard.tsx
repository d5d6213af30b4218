import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ownRatingBody } from '../../../api/schemas/public';
import { RATING_LABELS, RATING_LEVELS } from '../../../domain/public-service';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../forms/FormField';
import { RadioField } from '../forms/GroupField';
import { SubmitFieldset } from '../forms/SubmitFieldset';
import { submitSpinner } from '../forms/submit-spinner';
import { useServerForm } from '../forms/useServerForm';
import { currentLanguage } from '../i18n';
import { formatDay } from '../procedures/format';
import { rateCase, type CaseLookup, type CaseStatusView } from './api';

/** 好差评 on 我要查: the rating once given (and a 差评's rectification with its answer), else the form once decided. */
export function RatingCard({
  view,
  lookup,
  onRated,
}: {
  view: CaseStatusView;
  lookup: CaseLookup;
  onRated: (view: CaseStatusView) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { control, error, submitWith, formState } = useServerForm({
    schema: ownRatingBody,
    prepare: (values) => ({ ...values, comment: values.comment?.trim() || undefined }),
    defaultValues: { comment: '' },
  });
  const onSubmit = submitWith(async (values) => onRated(await rateCase(lookup, values)));
  const rating = view.rating;
  return (
    <Card title={<h3 className="card-heading">{t('publicService.rating.title')}</h3>} style={{ marginTop: 16 }}>
      {rating ? (
        <>
          <Typography.Paragraph strong>
            {t('publicService.rating.done', { label: rating.label[language], date: formatDay(rating.ratedOn, language) })}
          </Typography.Paragraph>
          {rating.comment && (
            <Typography.Paragraph className="break-anywhere">
              {t('publicService.rating.yourComment', { comment: rating.comment })}
            </Typography.Paragraph>
          )}
          {rating.rectification && (
            <Alert
              type={rating.rectification.answered ? 'success' : 'info'}
              showIcon
              title={t('publicService.rating.rectification')}
              description={
                rating.rectification.answered ? (
                  <>
                    <div>
                      {t('publicService.rating.rectificationAnswered', {
                        date: rating.rectification.answeredOn ? formatDay(rating.rectification.answeredOn, language) : '',
                      })}
                    </div>
                    <div className="break-anywhere">{rating.rectification.answer}</div>
                  </>
                ) : rating.rectification.dueOn ? (
                  t('publicService.rating.rectificationDue', { date: formatDay(rating.rectification.dueOn, language) })
                ) : (
                  t('publicService.rating.rectificationPending')
                )
              }
            />
          )}
        </>
      ) : !view.rateable ? (
        <Typography.Text type="secondary">{t('publicService.rating.notYet')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph>{t('publicService.rating.intro')}</Typography.Paragraph>
          <ErrorAlert error={error} />
          <Form layout="vertical" onFinish={() => void onSubmit()} requiredMark={false}>
            <SubmitFieldset submitting={formState.isSubmitting}>
              <RadioField
                control={control}
                name="level"
                label={t('publicService.rating.level')}
                required
                options={RATING_LEVELS.map((level) => ({ value: level, label: RATING_LABELS[level][language] }))}
              />
              <FormField control={control} name="comment" label={t('publicService.rating.comment')}>
                {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={3} maxLength={500} />}
              </FormField>
              <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
                {t('publicService.rating.submit')}
              </Button>
            </SubmitFieldset>
          </Form>
        </>
      )}
    </Card>
  );
}
