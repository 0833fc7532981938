import { Badge, Group, Text } from '@mantine/core';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { InvoiceRow } from '../../../../shared/domain.ts';

/** Shows the partner's name and CIF, with a badge for invoices received since the last visit. */
export function PartnerCell(props: CustomCellRendererProps<InvoiceRow> & { newLabel: string }) {
  const row = props.data;
  if (!row) return null;
  return (
    <Group gap={6} wrap="nowrap" h="100%">
      {row.isNew ? (
        <Badge size="xs" color="blue" variant="filled" style={{ flexShrink: 0 }}>
          {props.newLabel}
        </Badge>
      ) : null}
      <Text size="sm" truncate>
        {row.partnerName ?? row.partnerCif ?? ''}
      </Text>
      {row.partnerCif && row.partnerName ? (
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {row.partnerCif}
        </Text>
      ) : null}
    </Group>
  );
}
