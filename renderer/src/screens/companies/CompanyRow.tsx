import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, CompanySummary } from '../../../../shared/domain.ts';
import { useReadOnly } from '../../hooks/useReadOnly.ts';
import { formatDateTime } from '../../lib/format.ts';
import { companyName } from '../../lib/company-label.ts';

export interface CompanyRowProps {
  company: CompanySummary;
  account: AccountSummary | undefined;
  syncing: boolean;
  /** True in a read-only window, which cannot start a sync. */
  syncDisabled: boolean;
  /** The reason the company's last sync failed, with the next step, or null. */
  syncFailure: string | null;
  onOpen: () => void;
  onSync: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

export function CompanyRow({ company, account, syncing, syncDisabled, syncFailure, onOpen, onSync, onEdit, onRemove }: CompanyRowProps) {
  const { t, i18n } = useTranslation();
  const name = companyName(company);
  // Main rejects companies.update and companies.remove in a read-only window.
  const readOnly = useReadOnly();
  return (
    <Table.Tr>
      <Table.Td miw={180}>
        <Text size="sm" fw={500}>
          {name}
        </Text>
        {name.includes(company.cif) ? null : (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('companies.cif')} {company.cif}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{account?.certificateSubject ?? company.accountId}</Text>
        <Text size="xs" c="dimmed">
          {account?.provider === 'anaf'
            ? `${t('accounts.providerAnaf')} · ${company.api === 'prod' ? t('companies.apiProd') : t('companies.apiTest')}`
            : t('accounts.providerSandbox')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{company.lastSyncAt ? formatDateTime(company.lastSyncAt, i18n.language) : t('common.never')}</Text>
        {syncFailure ? (
          <Text size="xs" c="red" maw={320}>
            {syncFailure}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td ta="right">
        {company.newReceivedCount > 0 ? <Badge color="blue">{company.newReceivedCount}</Badge> : <Text size="sm">0</Text>}
      </Table.Td>
      <Table.Td ta="right">
        {company.rejectedUploadCount > 0 ? (
          <Badge color="red">{company.rejectedUploadCount}</Badge>
        ) : (
          <Text size="sm">0</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <Button size="xs" onClick={onOpen} aria-label={t('companies.openLabel', { name })}>
            {t('companies.open')}
          </Button>
          <Button size="xs" variant="light" loading={syncing} disabled={syncDisabled} onClick={onSync} aria-label={t('companies.syncLabel', { name })}>
            {t('companies.sync')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={t('common.actionsFor', { name })} title={t('companies.actions')}>
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={onEdit} disabled={readOnly}>{t('companies.rename')}</Menu.Item>
              <Menu.Item color="red" onClick={onRemove} disabled={readOnly}>
                {t('companies.removeLabel', { name })}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
