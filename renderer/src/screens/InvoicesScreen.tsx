import { Badge, Box, Button, EmptyState, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction, InvoiceRow } from '../../../shared/domain.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useRunSync } from '../hooks/useActivity.ts';
import { useCompanies } from '../hooks/useCompanies.ts';
import type { InvoiceListSummary } from '../hooks/useInvoiceDatasource.ts';
import { useMarkSeenOnLeave } from '../hooks/useMarkSeenOnLeave.ts';
import { EMPTY_FILTERS, toInvoiceQuery, type InvoiceFilterValues } from '../lib/invoices/filters.ts';
import { notifyError } from '../lib/notify.ts';
import { useNavigation } from '../navigation.ts';
import { queryKeys } from '../queries.ts';
import { InvoiceFilters } from './invoices/InvoiceFilters.tsx';
import { InvoiceGrid } from './invoices/InvoiceGrid.tsx';
import { InvoiceTotals } from './invoices/InvoiceTotals.tsx';
import { SelectionActions } from './invoices/SelectionActions.tsx';

const DIRECTIONS: Direction[] = ['received', 'sent', 'errors'];
const EMPTY_KEYS = {
  received: 'invoices.emptyReceived',
  sent: 'invoices.emptySent',
  errors: 'invoices.emptyErrors',
} as const;

/** Text filters wait for a pause in typing before they query main. */
const FILTER_DEBOUNCE_MS = 300;

export interface InvoicesScreenProps {
  cif?: string | undefined;
  direction?: Direction | undefined;
  /** Filters to restore, e.g. when coming back from an invoice. */
  filters?: InvoiceFilterValues | undefined;
}

export function InvoicesScreen(props: InvoicesScreenProps) {
  const { t } = useTranslation();
  const companies = useCompanies();
  const { navigate } = useNavigation();
  const client = useQueryClient();
  const sync = useRunSync();
  const [filters, setFilters] = useState<InvoiceFilterValues>(props.filters ?? EMPTY_FILTERS);
  const [debouncedFilters] = useDebouncedValue(filters, FILTER_DEBOUNCE_MS);
  const [selected, setSelected] = useState<InvoiceRow[]>([]);
  const [summary, setSummary] = useState<InvoiceListSummary | null>(null);
  const [listError, setListError] = useState<Error | null>(null);
  // Remounts the grid after a failed load, so "try again" starts from the first block.
  const [attempt, setAttempt] = useState(0);

  const list = companies.data ?? [];
  const company = list.find((item) => item.cif === props.cif) ?? list[0];
  const cif = company?.cif ?? null;
  const direction = props.direction ?? 'received';
  const query = useMemo(() => (cif ? toInvoiceQuery(cif, direction, debouncedFilters) : null), [cif, direction, debouncedFilters]);

  useMarkSeenOnLeave(cif, (company?.newReceivedCount ?? 0) > 0, () =>
    void client.invalidateQueries({ queryKey: queryKeys.companies }),
  );

  const go = (next: { cif?: string; direction?: Direction }): void => {
    setSelected([]);
    setSummary(null);
    setListError(null);
    navigate({ screen: 'invoices', cif: next.cif ?? cif ?? undefined, direction: next.direction ?? direction });
  };
  const onSummary = useCallback((next: InvoiceListSummary) => {
    setSummary(next);
    setListError(null);
  }, []);
  // Stable while only the selection changes, so the memoised grid does not re-render.
  const onOpen = useCallback(
    (row: InvoiceRow) => navigate({ screen: 'document', cif: row.cif, messageId: row.messageId, direction, filters }),
    [navigate, direction, filters],
  );
  const filtered = JSON.stringify(debouncedFilters) !== JSON.stringify(EMPTY_FILTERS);
  const empty = useMemo(
    () => ({
      title: t('invoices.emptyTitle'),
      description: filtered ? t('invoices.emptyFiltered') : t(EMPTY_KEYS[direction]),
    }),
    [t, filtered, direction],
  );

  if (companies.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (companies.error) return <ErrorAlert error={companies.error} onRetry={() => void companies.refetch()} />;
  if (!company || !query) {
    return (
      <Stack>
        <Title order={2}>{t('invoices.heading')}</Title>
        <EmptyState title={t('invoices.noCompanyTitle')} description={t('invoices.noCompanyText')}>
          <Button mt="sm" onClick={() => navigate({ screen: 'companies' })}>
            {t('nav.companies')}
          </Button>
        </EmptyState>
      </Stack>
    );
  }

  return (
    <Stack gap="xs" h="calc(100dvh - 44px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <Title order={2}>{t('invoices.heading')}</Title>
          <Select
            size="xs"
            w={280}
            aria-label={t('invoices.company')}
            value={company.cif}
            allowDeselect={false}
            searchable
            data={list.map((item) => ({ value: item.cif, label: `${item.name || item.cif} (${item.cif})` }))}
            onChange={(value) => value && go({ cif: value })}
          />
          {company.newReceivedCount > 0 ? (
            <Badge color="blue">{t('invoices.newSinceVisit', { count: company.newReceivedCount })}</Badge>
          ) : null}
        </Group>
        <Button
          size="xs"
          variant="light"
          loading={sync.isPending}
          onClick={() => sync.mutate(company.cif, { onError: (error) => notifyError(t, error) })}
        >
          {t('invoices.syncNow')}
        </Button>
      </Group>
      <Tabs value={direction} onChange={(value) => go({ direction: DIRECTIONS.find((item) => item === value) ?? 'received' })}>
        <Tabs.List aria-label={t('invoices.tabs')}>
          {DIRECTIONS.map((item) => (
            <Tabs.Tab key={item} value={item}>
              {t(`invoices.${item}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <InvoiceFilters values={filters} onChange={setFilters} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('invoices.openHint')}
        </Text>
        <SelectionActions query={query} selected={selected} />
      </Group>
      {listError ? (
        <ErrorAlert
          error={listError}
          onRetry={() => {
            setListError(null);
            setAttempt((value) => value + 1);
          }}
        />
      ) : null}
      <Box hidden={listError !== null} pos="relative" style={{ flex: 1, minHeight: 240 }} aria-label={t('invoices.grid')} role="region">
        <InvoiceGrid
          key={`${company.cif}/${direction}/${attempt}`}
          query={query}
          direction={direction}
          onOpen={onOpen}
          onSelectionChange={setSelected}
          onSummary={onSummary}
          onError={setListError}
          empty={empty}
        />
      </Box>
      {summary ? <InvoiceTotals total={summary.total} totals={summary.totals} /> : null}
    </Stack>
  );
}
