import { Button, Form, Input, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** The verification code as printed (5-5, Crockford base32): spaces and dashes dropped, upper case. */
export function normalizeVerifyCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * 公文核验 without a code in the address (the public block on the login page links here): the resident types the
 * 10-character code printed under the document's QR code and is taken to its verification page.
 */
export function VerifyCodeForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = () => {
    const normalized = normalizeVerifyCode(code);
    if (!/^[0-9A-Z]{10}$/.test(normalized)) return setInvalid(true);
    void navigate(`/verify/${normalized}`);
  };
  return (
    <section aria-labelledby={headingId} style={{ maxWidth: 480 }}>
      <Typography.Title level={2} id={headingId}>
        {t('verify.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('verify.enterCodeHelp')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('verify.enterCode')}
          htmlFor={inputId}
          validateStatus={invalid ? 'error' : undefined}
          help={invalid ? t('verify.enterCodeInvalid') : undefined}
        >
          <Input
            id={inputId}
            size="large"
            value={code}
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(e) => {
              setCode(e.target.value);
              setInvalid(false);
            }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block>
          {t('verify.enterCodeSubmit')}
        </Button>
      </Form>
    </section>
  );
}
