import { Button, Collapse, Form, Input, Select } from 'antd';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxFilter, InboxSort } from '../../api/tasks';
import { currentLanguage } from '../../i18n';
import { chinaDate, chinaDayStart } from '../../procedures/format';
import { PROCEDURE_IDS, procedureName, taskKindName, taskKinds } from '../../procedures/names';

const SORTS: InboxSort[] = ['dueAt', '-dueAt', 'createdAt', '-createdAt'];

/**
 * The inbox filters: procedure, step, overdue, due before, text; and the order. Each change applies at once. On
 * phones (`compact`) only the search shows; the rest (and `extra`, the saved filters) fold into a panel.
 */
export function FilterBar({
  filter,
  onChange,
  compact = false,
  extra,
}: {
  filter: InboxFilter;
  onChange: (filter: InboxFilter) => void;
  compact?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);

  const set = (patch: Partial<InboxFilter>) => onChange({ ...filter, ...patch });
  // An explicit "any" choice instead of a placeholder (antd's placeholder grey misses WCAG AA contrast).
  const any = { value: '', label: t('inbox.filters.any') };
  const sortLabels: Record<InboxSort, string> = {
    dueAt: t('inbox.sort.dueAsc'),
    '-dueAt': t('inbox.sort.dueDesc'),
    createdAt: t('inbox.sort.createdAsc'),
    '-createdAt': t('inbox.sort.createdDesc'),
  };
  const hasFilters = Boolean(filter.procedure || filter.kind || filter.overdue || filter.dueBefore || filter.q || filter.status);

  const searchItem = (
    <Form.Item label={t('inbox.filters.q')} htmlFor={`${id}-q`}>
      <Input.Search
        id={`${id}-q`}
        value={text}
        allowClear
        placeholder={t('inbox.filters.qPlaceholder')}
        enterButton={t('inbox.filters.search')}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => set({ q: value.trim() || undefined })}
      />
    </Form.Item>
  );
  const otherItems = (
    <>
      <Form.Item label={t('inbox.filters.procedure')} htmlFor={`${id}-procedure`}>
        <Select
          id={`${id}-procedure`}
          value={filter.procedure ?? ''}
          onChange={(value: string) => set({ procedure: value || undefined, kind: undefined })}
          options={[any, ...PROCEDURE_IDS.map((p) => ({ value: p, label: procedureName(p, language) }))]}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label={t('inbox.filters.kind')} htmlFor={`${id}-kind`}>
        <Select
          id={`${id}-kind`}
          value={filter.kind ?? ''}
          onChange={(value: string) => set({ kind: value || undefined })}
          options={[any, ...taskKinds(filter.procedure).map((k) => ({ value: k, label: taskKindName(k, language) }))]}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label={t('inbox.filters.overdue')} htmlFor={`${id}-overdue`}>
        <Select
          id={`${id}-overdue`}
          value={filter.overdue ?? ''}
          onChange={(value: '' | 'true' | 'false') => set({ overdue: value || undefined })}
          options={[
            any,
            { value: 'true', label: t('inbox.filters.overdueOnly') },
            { value: 'false', label: t('inbox.filters.notOverdue') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('inbox.filters.dueBefore')} htmlFor={`${id}-due`}>
        <Input
          id={`${id}-due`}
          type="date"
          value={filter.dueBefore ? chinaDate(filter.dueBefore) : ''}
          onChange={(event) => set({ dueBefore: event.target.value ? chinaDayStart(event.target.value) : undefined })}
        />
      </Form.Item>
      <Form.Item label={t('inbox.filters.sort')} htmlFor={`${id}-sort`}>
        <Select
          id={`${id}-sort`}
          value={filter.sort}
          onChange={(value: InboxSort) => set({ sort: value })}
          options={SORTS.map((s) => ({ value: s, label: sortLabels[s] }))}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
    </>
  );
  const clearButton = hasFilters && (
    <Button onClick={() => onChange({ view: filter.view, sort: filter.sort })} style={{ marginBottom: 12 }}>
      {t('inbox.filters.clear')}
    </Button>
  );
  const activeCount = [filter.procedure, filter.kind, filter.overdue, filter.dueBefore, filter.status].filter(Boolean).length;

  const filters = (
    <Form layout="vertical" component="div">
      <div className="filter-bar-grid">{otherItems}</div>
      {clearButton}
    </Form>
  );

  // The saved filters (`extra`) have a form of their own, so the search and the filters are separate forms.
  return (
    <div className="filter-bar" role="search" aria-label={t('inbox.filters.label')}>
      {compact ? (
        <>
          <Form layout="vertical" component="div">
            {searchItem}
          </Form>
          <Collapse
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'more',
                label: activeCount > 0 ? t('inbox.filters.moreActive', { count: activeCount }) : t('inbox.filters.more'),
                children: (
                  <>
                    {extra}
                    {filters}
                  </>
                ),
              },
            ]}
          />
        </>
      ) : (
        <>
          {extra && <div style={{ marginBottom: 12 }}>{extra}</div>}
          <Form layout="vertical" component="div">
            <div className="filter-bar-grid">
              {searchItem}
              {otherItems}
            </div>
            {clearButton}
          </Form>
        </>
      )}
    </div>
  );
}
