/**
 * Fills in the list rows of rejected uploads (the errors direction). The
 * archive indexes an error message's ZIP, which contains only ANAF's error
 * document, so those rows have no partner, number or issue date, and the
 * list showed them blank. This adds ANAF's errors (their count and the first
 * one) and, when this app sent the rejected file, the partner, number and
 * issue date read from the copy of that file kept with the upload.
 */
import type {
  AnafErrorEntry,
  InvoicePage,
  InvoiceRow,
  UploadRecord,
} from '../../../../shared/domain.ts';
import type {
  InvoiceListPage,
  InvoiceListRow,
} from '../../../../shared/ipc/contract.ts';
import type { Archive } from '../../archive/index.ts';
import { detectDocument } from '../../invoice/index.ts';
import { describeError, type Logger } from '../../log/logger.ts';

/** The uploads this app sent, as far as the error rows need them. */
export interface UploadLookup {
  /** A company's uploads, newest first, at most `limit`. */
  list(filter: { cif: string; limit: number }): UploadRecord[];
  /** The exact bytes sent for an upload, or null when they are gone. */
  body(uploadId: string): Uint8Array | null;
}

/** Uploads searched for the upload index of an error row. */
const UPLOADS_SEARCHED = 1000;
/** Filled rows kept, so that scrolling back does not read the files again. */
const CACHE_SIZE = 2000;

interface InvoiceFacts {
  partnerCif: string | null;
  partnerName: string | null;
  number: string | null;
  issueDate: string | null;
}

type Extra = Partial<InvoiceFacts> &
  Pick<InvoiceListRow, 'errorCount' | 'firstError'>;

/** Returns the other party of the rejected invoice, read from the file sent. */
function factsOf(bytes: Uint8Array, cif: string): InvoiceFacts | null {
  const summary = detectDocument(bytes);
  if (!summary.ok) return null;
  const value = summary.value;
  // A self-billed invoice is filed by its buyer, so the partner is the seller.
  const sold = value.sellerCif === cif || value.buyerCif !== cif;
  return {
    partnerCif: sold
      ? (value.buyerCif ?? value.buyerVatId)
      : (value.sellerCif ?? value.sellerVatId),
    partnerName: sold ? value.buyerName : value.sellerName,
    number: value.number,
    issueDate: value.issueDate,
  };
}

export interface ErrorRowFiller {
  fill(page: InvoicePage): Promise<InvoiceListPage>;
}

export function createErrorRowFiller(
  archive: Archive,
  uploads: UploadLookup,
  logger: Logger,
): ErrorRowFiller {
  const log = logger.child('error-rows');
  const cache = new Map<string, Extra>();

  const remember = (key: string, extra: Extra): void => {
    cache.set(key, extra);
    if (cache.size > CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  };

  const documentErrors = async (
    row: InvoiceRow,
  ): Promise<AnafErrorEntry[] | null> => {
    if (row.state !== 'downloaded') return null;
    try {
      return (await archive.getDocument(row.cif, row.messageId)).errors;
    } catch (error) {
      log.warn('The error document of a rejected upload could not be read', {
        cif: row.cif,
        messageId: row.messageId,
        error: describeError(error),
      });
      return null;
    }
  };

  const extraOf = async (
    row: InvoiceRow,
    upload: UploadRecord | undefined,
  ): Promise<Extra> => {
    const body = upload ? uploads.body(upload.id) : null;
    const facts = body ? factsOf(body, row.cif) : null;
    const errors =
      upload && upload.errors.length > 0
        ? upload.errors
        : await documentErrors(row);
    const extra: Extra = facts ? { ...facts } : {};
    if (errors) {
      extra.errorCount = errors.length;
      if (errors[0]) extra.firstError = errors[0];
    }
    return extra;
  };

  return {
    async fill(page) {
      let byIndex: Map<string, UploadRecord> | null = null;
      const rows: InvoiceListRow[] = [];
      for (const row of page.rows) {
        if (row.direction !== 'errors') {
          rows.push(row);
          continue;
        }
        // The state is part of the key: a listed row gets its errors once downloaded.
        const key = `${row.cif}/${row.messageId}/${row.state}`;
        let extra = cache.get(key);
        if (!extra) {
          byIndex ??= new Map(
            uploads
              .list({ cif: row.cif, limit: UPLOADS_SEARCHED })
              .filter((upload) => upload.uploadIndex !== null)
              .map((upload) => [upload.uploadIndex ?? '', upload]),
          );
          extra = await extraOf(row, byIndex.get(row.uploadIndex));
          remember(key, extra);
        }
        rows.push({
          ...row,
          partnerCif: row.partnerCif ?? extra.partnerCif ?? null,
          partnerName: row.partnerName ?? extra.partnerName ?? null,
          number: row.number ?? extra.number ?? null,
          issueDate: row.issueDate ?? extra.issueDate ?? null,
          ...(extra.errorCount !== undefined
            ? { errorCount: extra.errorCount }
            : {}),
          ...(extra.firstError ? { firstError: extra.firstError } : {}),
        });
      }
      return { ...page, rows };
    },
  };
}
