import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Radio, Row, Typography } from 'antd';
import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { registerOwnersMeetingBody } from '../../../../domain/forms/owners-meeting';
import { FormField } from '../../forms/FormField';
import { GroupField } from '../../forms/GroupField';

type Values = z.input<typeof registerOwnersMeetingBody>;
type Output = z.output<typeof registerOwnersMeetingBody>;

/** The agenda: each item's title and whether it is a special matter (民法典 Art. 278 (六)–(八)) or an ordinary one. */
export function AgendaItemsField({ control }: { control: Control<Values, unknown, Output> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'items' });
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('ownersMeeting.register.matterHelp')}</Typography.Paragraph>
      {fields.map((row, i) => (
        <fieldset key={row.id} className="form-fieldset" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
          <legend>
            <Typography.Text strong>{t('ownersMeeting.register.item', { index: i + 1 })}</Typography.Text>
          </legend>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <FormField
                control={control}
                name={`items.${i}.title`}
                label={t('ownersMeeting.register.itemTitle', { index: i + 1 })}
                required
              >
                {(field, input) => <Input {...field} {...input} maxLength={200} />}
              </FormField>
            </Col>
            <Col xs={24} md={12}>
              <GroupField
                control={control}
                name={`items.${i}.matter`}
                label={t('ownersMeeting.register.itemMatter', { index: i + 1 })}
                required
              >
                {(field, group) => (
                  <Radio.Group
                    {...group}
                    value={field.value}
                    onChange={(event) => field.onChange(event.target.value)}
                    options={[
                      { value: 'ordinary', label: t('ownersMeeting.matters.ordinary') },
                      { value: 'special', label: t('ownersMeeting.matters.special') },
                    ]}
                  />
                )}
              </GroupField>
            </Col>
          </Row>
          {fields.length > 1 && (
            <Button icon={<DeleteOutlined aria-hidden="true" />} onClick={() => remove(i)} style={{ marginBottom: 12 }}>
              {t('ownersMeeting.register.removeItem', { index: i + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      <Button icon={<PlusOutlined aria-hidden="true" />} onClick={() => append({ title: '', matter: 'ordinary' })}>
        {t('ownersMeeting.register.addItem')}
      </Button>
    </div>
  );
}
