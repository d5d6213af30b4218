import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/errorText';
import { savedFilterBody } from '../../api/schemas/procedures';
import {
  deleteSavedFilter,
  listSavedFilters,
  saveFilter,
  savedFilterValues,
  type InboxFilter,
  type SavedFilter,
} from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { CheckField } from '../../forms/GroupField';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { compactFilter } from './inboxSearch';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

const saveSchema = savedFilterBody.pick({ name: true, shared: true });

function SaveFilterForm({ filter, onSaved }: { filter: InboxFilter; onSaved: (saved: SavedFilter) => void }) {
  const { t } = useTranslation();
  const { control, error, submitWith, formState } = useServerForm({
    schema: saveSchema,
    defaultValues: { name: '', shared: false },
  });
  const onSubmit = submitWith(async (values) => {
    onSaved(await saveFilter({ ...values, filter: compactFilter(filter) }));
  });
  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <FormField control={control} name="name" label={t('inbox.saved.name')} required>
        {(field, input) => <Input {...field} {...input} maxLength={100} />}
      </FormField>
      <CheckField control={control} name="shared" label={t('inbox.saved.shared')} extra={t('inbox.saved.sharedHelp')} />
      <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('inbox.saved.save')}
      </Button>
    </ServerForm>
  );
}

/** Saved filters: the user's own and those shared in the organization; apply one, save the current one, delete own. */
export function SavedFilters({ filter, onApply }: { filter: InboxFilter; onApply: (filter: InboxFilter) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const id = useId();
  const { data, error, reload } = useAsyncData(listSavedFilters, 'saved-filters');
  const [selectedId, setSelectedId] = useState<string>();
  const [saving, setSaving] = useState(false);
  const selected = data?.find((f) => f.id === selectedId);

  const apply = (savedId: string | undefined) => {
    setSelectedId(savedId);
    const saved = data?.find((f) => f.id === savedId);
    const values = saved ? savedFilterValues(saved) : undefined;
    if (saved && !values) void message.error(t('inbox.saved.unreadable'));
    if (values) onApply(values);
  };

  const remove = async (saved: SavedFilter) => {
    try {
      await deleteSavedFilter(saved.id);
      setSelectedId(undefined);
      void message.success(t('inbox.saved.deleted'));
      reload();
    } catch (caught) {
      void message.error(describeError(caught, t, language));
    }
  };

  return (
    <div>
      {error !== undefined && <ErrorAlert error={error} title={t('inbox.saved.loadFailed')} />}
      <Flex wrap gap={8} align="end">
        <Form layout="vertical" component="div" style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Form.Item label={t('inbox.saved.label')} htmlFor={`${id}-saved`} style={{ marginBottom: 0 }}>
            <Select
              id={`${id}-saved`}
              value={selectedId ?? ''}
              onChange={(value: string) => apply(value || undefined)}
              // A "none" choice instead of a placeholder (antd's placeholder grey misses WCAG AA contrast).
              options={[
                { value: '', label: data && data.length === 0 ? t('inbox.saved.none') : t('inbox.saved.choose') },
                ...(data ?? []).map((f) => ({
                  value: f.id,
                  label: [f.name, f.shared ? t('inbox.saved.sharedTag') : '', f.mine ? '' : t('inbox.saved.othersTag')]
                    .filter(Boolean)
                    .join(' · '),
                })),
              ]}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Form>
        <Button onClick={() => setSaving(true)}>{t('inbox.saved.saveCurrent')}</Button>
        {selected?.mine && (
          <Popconfirm
            title={t('inbox.saved.deleteConfirm', { name: selected.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void remove(selected)}
          >
            <Button danger>{t('inbox.saved.delete')}</Button>
          </Popconfirm>
        )}
      </Flex>
      <Modal title={t('inbox.saved.saveTitle')} open={saving} onCancel={() => setSaving(false)} footer={null} destroyOnHidden>
        <SaveFilterForm
          filter={filter}
          onSaved={(saved) => {
            setSaving(false);
            void message.success(t('inbox.saved.savedDone', { name: saved.name }));
            reload();
            setSelectedId(saved.id);
          }}
        />
      </Modal>
    </div>
  );
}
