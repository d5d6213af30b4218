import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Radio, Row, Select, Typography } from 'antd';
import { useController, useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { registerOwnersMeetingBody } from '../../../../domain/forms/owners-meeting';
import { FormField } from '../../forms/FormField';
import { GroupField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import { ART278_ITEMS, ART278_ITEM_NUMBERS, matterOfArt278Item, type Art278Item } from '../../../../domain/rules/owners-meeting';

type Values = z.input<typeof registerOwnersMeetingBody>;
type Output = z.output<typeof registerOwnersMeetingBody>;

/**
 * The agenda: each item's title, which item of 民法典 Art. 278 para. 1 it is (when it is one), and whether it is a
 * special matter ((六)–(八), three quarters) or an ordinary one. Naming the Art. 278 item lets the law set the matter.
 */
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
              <Art278ItemField control={control} index={i} />
            </Col>
            <Col xs={24} md={12}>
              <MatterField control={control} index={i} />
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

/** Which item of 民法典 Art. 278 para. 1 the agenda item is; choosing one sets the matter the law requires. */
function Art278ItemField({ control, index }: { control: Control<Values, unknown, Output>; index: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const matter = useController({ control, name: `items.${index}.matter` });
  return (
    <FormField
      control={control}
      name={`items.${index}.art278Item`}
      label={t('ownersMeeting.register.art278Item', { index: index + 1 })}
    >
      {(field, input) => (
        <Select<Art278Item | undefined>
          {...input}
          ref={field.ref}
          value={field.value}
          allowClear
          onBlur={field.onBlur}
          onChange={(value) => {
            field.onChange(value ?? undefined);
            if (value) matter.field.onChange(matterOfArt278Item(value));
          }}
          options={ART278_ITEM_NUMBERS.map((n) => ({
            value: n,
            label: `（${ART278_ITEMS[n].numeral}）${ART278_ITEMS[n].text[language]}`,
          }))}
          style={{ width: '100%' }}
        />
      )}
    </FormField>
  );
}

/** Special or ordinary; fixed by the law once the Art. 278 item is named. */
function MatterField({ control, index }: { control: Control<Values, unknown, Output>; index: number }) {
  const { t } = useTranslation();
  const item = useWatch({ control, name: `items.${index}.art278Item` });
  return (
    <GroupField
      control={control}
      name={`items.${index}.matter`}
      label={t('ownersMeeting.register.itemMatter', { index: index + 1 })}
      required
    >
      {(field, group) => (
        <Radio.Group
          {...group}
          value={item ? matterOfArt278Item(item) : field.value}
          disabled={item !== undefined}
          onChange={(event) => field.onChange(event.target.value)}
          options={[
            { value: 'ordinary', label: t('ownersMeeting.matters.ordinary') },
            { value: 'special', label: t('ownersMeeting.matters.special') },
          ]}
        />
      )}
    </GroupField>
  );
}
