import { Alert, Button, Card, Col, Form, Row, Typography } from 'antd';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { SubmitFieldset } from '../forms/SubmitFieldset';
import { submitSpinner } from '../forms/submit-spinner';
import { useServerForm, type ServerForm, type ServerFormOptions } from '../forms/useServerForm';
import { currentLanguage, type Language } from '../i18n';
import './procedures.css';

/**
 * A public self-check (no sign-in): the form's values checked by a public endpoint, whose rule details come back in the
 * language asked for — so the last check is asked again after the language changes.
 */
export function usePublicCheck<TValues extends FieldValues, TInput extends FieldValues, TResult>(
  options: ServerFormOptions<TValues, TInput>,
  ask: (input: TInput, language: Language) => Promise<TResult>,
): { form: ServerForm<TValues, TInput>; result: TResult | undefined; onSubmit: () => Promise<void> } {
  const language = currentLanguage();
  const form = useServerForm<TValues, TInput>(options);
  const [result, setResult] = useState<TResult>();
  const lastChecked = useRef<TInput | undefined>(undefined);
  const check = async (input: TInput) => {
    setResult(await ask(input, currentLanguage()));
    lastChecked.current = input;
  };
  const { setServerError } = form;
  useEffect(() => {
    const last = lastChecked.current;
    if (!last) return;
    setServerError(undefined);
    check(last).catch(setServerError);
  }, [language]);
  return { form, result, onSubmit: form.submitWith(check) };
}

interface PublicCheckPageProps {
  /** Where the page's texts are (title, description, form, submit, result, noResult). */
  texts: 'ownersMeeting.check' | 'vc.check' | 'publicService.eligibility';
  onSubmit: () => Promise<void>;
  submitting: boolean;
  /** The form's inputs. */
  children: ReactNode;
  error: unknown;
  /** The verdict once there is a result. */
  verdict: { passed: boolean; title: string } | undefined;
  /** What the result lists (items, rules), under the verdict. */
  details: ReactNode;
}

/** The page of a public self-check: the form on one side, the verdict and the rules with their clauses on the other. */
export function PublicCheckPage(props: PublicCheckPageProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { error, verdict, texts } = props;
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
        {t(`${texts}.title`)}
      </Typography.Title>
      <Typography.Paragraph>{t(`${texts}.description`)}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={<h3 className="card-heading">{t(`${texts}.form`)}</h3>}>
            <Form layout="vertical" onFinish={() => void props.onSubmit()}>
              <SubmitFieldset submitting={props.submitting}>
                {props.children}
                <div>
                  <Button type="primary" htmlType="submit" loading={submitSpinner(props.submitting)}>
                    {t(`${texts}.submit`)}
                  </Button>
                </div>
              </SubmitFieldset>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h3 className="card-heading">{t(`${texts}.result`)}</h3>}>
            <div role="status" aria-live="polite">
              <ErrorAlert error={error} />
              {!verdict && !error && <Typography.Text type="secondary">{t(`${texts}.noResult`)}</Typography.Text>}
              {verdict && (
                <Alert
                  type={verdict.passed ? 'success' : 'warning'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={verdict.title}
                />
              )}
            </div>
            {verdict && props.details}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
