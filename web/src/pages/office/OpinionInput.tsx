import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPhrase, fetchPhrases } from '../../api/office';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import type { FieldInputProps } from '../../forms/FormField';

interface OpinionInputProps extends FieldInputProps {
  value?: string | null;
  /** react-hook-form's field.onChange: takes the new text. */
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  rows?: number;
  maxLength?: number;
  disabled?: boolean;
}

/**
 * The opinion box (办理意见) with 常用意见: the caller's personal phrases and their organization's, inserted with one
 * tap (appended after what is already written), and the text written so far saved as a personal phrase.
 */
export function OpinionInput({
  value,
  onChange,
  onBlur,
  name,
  rows = 4,
  maxLength = 2000,
  disabled,
  ...input
}: OpinionInputProps) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const phrases = useAsyncData((signal) => fetchPhrases(signal), `opinion-phrases-${version}`);
  const text = value ?? '';
  const insert = (phrase: string) => onChange(text.trim() ? `${text.trimEnd()}\n${phrase}` : phrase);
  const save = async () => {
    setError(undefined);
    setSaving(true);
    try {
      await addPhrase(text.trim());
      setVersion((v) => v + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        {...input}
        name={name}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        rows={rows}
        maxLength={maxLength}
        disabled={disabled}
      />
      <Flex wrap gap={8} align="center">
        <label htmlFor={`${input.id}-phrases`}>{t('office.phrases.insert')}</label>
        <Select
          id={`${input.id}-phrases`}
          className="opinion-phrase-select"
          style={{ minWidth: 200, flex: '1 1 200px' }}
          size="large"
          value={null}
          disabled={disabled}
          loading={phrases.loading}
          notFoundContent={t('office.phrases.none')}
          options={(phrases.data ?? []).map((p) => ({
            value: p.id,
            label: p.scope === 'organization' ? `${t('office.phrases.orgPrefix')}${p.text}` : p.text,
          }))}
          onChange={(id: string) => {
            const phrase = phrases.data?.find((p) => p.id === id);
            if (phrase) insert(phrase.text);
          }}
        />
        <Button size="large" disabled={disabled || !text.trim() || saving} loading={saving} onClick={() => void save()}>
          {t('office.phrases.save')}
        </Button>
      </Flex>
      <ErrorAlert error={error ?? phrases.error} />
    </Flex>
  );
}
