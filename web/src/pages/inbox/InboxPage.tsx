import { App, Button, Flex, Grid, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isAbortError } from '../../api/client';
import { describeError } from '../../api/errorText';
import { bulkAction, listInbox, type InboxFilter, type InboxItem, type InboxView } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLanguage } from '../../i18n';
import '../../procedures/procedures.css';
import { errorMessage, isErrorCode } from '../../../../domain/errors';
import { canAccess, useMe } from '../../session/context';
import { StartConversionButton } from '../../procedures/village-conversion/StartConversionButton';
import { FilterBar } from './FilterBar';
import { filterFromSearch, searchFromFilter } from './inboxSearch';
import { SavedFilters } from './SavedFilters';
import { isClaimable, TaskList } from './TaskList';

export const INBOX_PAGE_SIZE = 20;
const VIEWS: InboxView[] = ['mine', 'unclaimed', 'organization'];

/** One page after another with the API's cursor; a new filter starts over. */
function useInbox(filter: InboxFilter) {
  const [items, setItems] = useState<InboxItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | undefined>(undefined);
  const key = JSON.stringify(filter);

  const load = useCallback(
    async (cursor: string | undefined) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      try {
        const page = await listInbox(JSON.parse(key) as InboxFilter, { cursor, limit: INBOX_PAGE_SIZE }, current.signal);
        setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setError(undefined);
      } catch (caught) {
        if (!isAbortError(caught) && !current.signal.aborted) setError(caught);
      } finally {
        if (!current.signal.aborted) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    void load(undefined);
    return () => controller.current?.abort();
  }, [load, generation]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => void load(nextCursor ?? undefined),
    reload: () => setGeneration((g) => g + 1),
  };
}

/** 待办: my tasks, those my organization may claim, and (supervision) every task of my organization's subtree. */
export function InboxPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const phone = screens.md !== true;
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  // A resident has no supervision view (本单位及下级); an address asking for it shows their own tasks.
  const supervises = canAccess(me, 'tasks.supervise');
  const views = useMemo(() => VIEWS.filter((view) => view !== 'organization' || supervises), [supervises]);
  const asked = useMemo(() => filterFromSearch(search), [search]);
  const filter = useMemo(() => (views.includes(asked.view) ? asked : { ...asked, view: 'mine' as const }), [asked, views]);
  const { items, loading, error, hasMore, loadMore, reload } = useInbox(filter);
  const [selected, setSelected] = useState<string[]>([]);
  const [claiming, setClaiming] = useState(false);

  const setFilter = (next: InboxFilter) => {
    setSelected([]);
    setSearch(searchFromFilter(next), { replace: true });
  };

  // Drop selections that are no longer in the list (after a reload).
  useEffect(() => setSelected((ids) => ids.filter((id) => items.some((item) => item.id === id && isClaimable(item)))), [items]);

  const claimSelected = async () => {
    setClaiming(true);
    try {
      const { results } = await bulkAction({ action: 'claim', taskIds: selected });
      const failed = results.filter((r) => !r.ok);
      if (failed.length === 0) void message.success(t('inbox.bulk.claimed', { count: results.length }));
      else {
        const reasons = [
          ...new Set(failed.map((r) => (r.code && isErrorCode(r.code) ? errorMessage(r.code)[language] : (r.code ?? '')))),
        ];
        void message.warning(
          t('inbox.bulk.partial', { ok: results.length - failed.length, failed: failed.length, reasons: reasons.join('；') }),
        );
      }
      setSelected([]);
      reload();
    } catch (caught) {
      void message.error(describeError(caught, t, language));
    } finally {
      setClaiming(false);
    }
  };

  const viewLabels: Record<InboxView, string> = {
    mine: t('inbox.views.mine'),
    unclaimed: t('inbox.views.unclaimed'),
    organization: t('inbox.views.organization'),
  };
  const claimableCount = items.filter(isClaimable).length;

  const content = (
    <Flex vertical gap={12}>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        compact={phone}
        extra={<SavedFilters filter={filter} onApply={setFilter} />}
      />
      {error !== undefined && <ErrorAlert error={error} title={t('inbox.loadFailed')} />}
      {claimableCount > 0 && (
        <Flex wrap gap={8} align="center" role="group" aria-label={t('inbox.bulk.label')}>
          <Button type="primary" disabled={selected.length === 0} loading={claiming} onClick={() => void claimSelected()}>
            {t('inbox.bulk.claim', { count: selected.length })}
          </Button>
          <Typography.Text type="secondary">{t('inbox.bulk.hint')}</Typography.Text>
        </Flex>
      )}
      <div role="status" aria-live="polite" className="visually-hidden">
        {loading ? t('inbox.loading') : t('inbox.count', { count: items.length })}
      </div>
      {!loading && items.length === 0 && error === undefined && phone && (
        <Typography.Paragraph>{t('inbox.empty')}</Typography.Paragraph>
      )}
      <TaskList
        items={items}
        phone={phone}
        selectable={claimableCount > 0}
        selected={selected}
        onSelect={setSelected}
        loading={loading}
      />
      {hasMore && (
        <Button onClick={loadMore} loading={loading} block={phone} style={{ alignSelf: phone ? undefined : 'center' }}>
          {t('inbox.loadMore')}
        </Button>
      )}
    </Flex>
  );

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('inbox.title')}
        </Typography.Title>
        <StartConversionButton />
      </div>
      <Tabs
        activeKey={filter.view}
        onChange={(key) => setFilter({ ...filter, view: key as InboxView })}
        items={views.map((view) => ({ key: view, label: viewLabels[view], children: view === filter.view ? content : null }))}
      />
    </section>
  );
}
