import type { CustomCellRendererProps } from 'ag-grid-react';
import { memo } from 'react';
import type { InvoiceListRow } from '../../../../shared/ipc/contract.ts';

export type PartnerCellProps = CustomCellRendererProps<InvoiceListRow> & {
  newLabel: string;
};

/**
 * Shows the partner's name and CIF, with a badge for invoices received
 * since the last visit. It is made of plain elements styled in `app.css`,
 * and memoised, because the grid renders one for each row that scrolls
 * into view.
 */
export const PartnerCell = memo(function PartnerCell({
  data,
  newLabel,
}: PartnerCellProps) {
  if (!data) return null;
  const name = data.partnerName ?? data.partnerCif ?? '';
  return (
    <span className="partner-cell">
      {data.isNew && data.direction === 'received' ? (
        <span className="partner-new">{newLabel}</span>
      ) : null}
      {/* The column may cut a long name off, so the full name is the tooltip. */}
      <span className="partner-name" title={name}>
        {name}
      </span>
      {data.partnerCif && data.partnerName ? (
        <span className="partner-cif">{data.partnerCif}</span>
      ) : null}
    </span>
  );
});
