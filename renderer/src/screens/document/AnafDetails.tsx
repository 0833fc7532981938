import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceDocument } from '../../../../shared/domain.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Shows where the message came from at ANAF, and what its signature file states. */
export function AnafDetails({ document }: { document: InvoiceDocument }) {
  const { t, i18n } = useTranslation();
  const { row, signature } = document;
  const digest =
    signature?.digestMatches === true ? (
      <Badge color="green" variant="light">
        {t('document.digestMatches')}
      </Badge>
    ) : signature?.digestMatches === false ? (
      <Badge color="red">{t('document.digestMismatch')}</Badge>
    ) : (
      <Badge color="gray" variant="light">
        {t('document.digestUnknown')}
      </Badge>
    );
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('document.anaf')}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={200}>{t('document.uploadIndex')}</Table.Th>
          <Table.Td ff="monospace">{row.uploadIndex}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('document.messageId')}</Table.Th>
          <Table.Td ff="monospace">{row.messageId}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('document.createdAt')}</Table.Th>
          <Table.Td>{formatDateTime(row.createdAt, i18n.language)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('document.signature')}</Table.Th>
          <Table.Td>
            {signature ? (
              <>
                {signature.shape === 'detached' ? t('document.signatureDetached') : t('document.signatureEnveloped')}
                {signature.signerSubject ? ` · ${t('document.signer')}: ${signature.signerSubject}` : ''} {digest}
              </>
            ) : (
              t('document.noSignature')
            )}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
