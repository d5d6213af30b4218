import { Button, Flex, Form, Input, Typography, theme } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { loginBody } from '../api/schemas/shared';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../forms/FormField';
import { useSession } from '../session/context';
import type { ReturnState } from '../session/RequireAuth';
import { submitSpinner } from '../forms/submit-spinner';
import { useServerForm } from '../forms/useServerForm';
import { SubmitFieldset } from '../forms/SubmitFieldset';
import { PublicServicesLinks } from '../public/PublicServicesLinks';

const schema = loginBody;

/** Only same-app paths are followed after signing in (never another origin). */
function safeReturnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const headingId = useId();
  const { state, signIn } = useSession();
  const location = useLocation();
  const { control, error, submitWith, formState } = useServerForm({
    schema,
    defaultValues: { username: '', password: '' },
  });

  if (state.status === 'signedIn') return <Navigate to={safeReturnPath(location.state)} replace />;

  const onSubmit = submitWith(async (values) => {
    await signIn(values);
  });

  return (
    <Flex vertical align="center" gap={16} style={{ paddingTop: 24 }}>
      {/* A card drawn by hand: antd's Card brings its tabs, dropdown and menu onto the first page a phone loads. */}
      <section
        aria-labelledby={headingId}
        style={{
          width: '100%',
          maxWidth: 400,
          padding: token.paddingLG,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.description')}</Typography.Paragraph>
        {state.status === 'signedOut' && state.reason === 'expired' && !error && (
          <Typography.Paragraph type="warning">{t('login.expired')}</Typography.Paragraph>
        )}
        <ErrorAlert error={error} />
        <Form layout="vertical" onFinish={() => void onSubmit()} requiredMark={false}>
          <SubmitFieldset submitting={formState.isSubmitting}>
            <FormField control={control} name="username" label={t('login.username')} required>
              {(field, input) => <Input {...field} {...input} autoComplete="username" autoCapitalize="none" spellCheck={false} />}
            </FormField>
            <FormField control={control} name="password" label={t('login.password')} required>
              {(field, input) => <Input.Password {...field} {...input} autoComplete="current-password" />}
            </FormField>
            <Button type="primary" htmlType="submit" block loading={submitSpinner(formState.isSubmitting)}>
              {t('login.submit')}
            </Button>
          </SubmitFieldset>
        </Form>
      </section>
      <PublicServicesLinks />
    </Flex>
  );
}
