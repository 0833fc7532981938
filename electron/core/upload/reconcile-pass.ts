/**
 * One reconciliation pass over ANAF's list for an upload whose response was lost: list the
 * CIF's messages since the upload, download the sent invoices not seen yet,
 * and let `decideReconciliation` say what the list shows.
 */
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';
import {
  decideReconciliation,
  DEFAULT_CLOCK_TOLERANCE_MS,
  type InvoiceIdentity,
  type ListedMessage,
  type LostUpload,
  type ReconcileDecision,
} from '../queue/reconcile.ts';
import type { ListedMessage as AnafListedMessage } from '../anaf/parse-lists.ts';
import {
  downloadMessage,
  listMessagesSince,
  type CompanyRoute,
} from '../gateway/queued-calls.ts';
import { readInvoiceIdentity } from './message-zip.ts';
import { listedKind } from './transitions.ts';
import type { StoredUpload } from './upload-store.ts';

export interface ReconcilePassInput {
  route: CompanyRoute;
  upload: StoredUpload;
  /** Upload indexes the app has already linked to its uploads. */
  knownUploadIndexes: ReadonlySet<string>;
  /** Invoices downloaded by earlier passes, by download id. */
  identities: Map<string, InvoiceIdentity>;
  now: number;
  deadlineMs: number;
  endMarginMs: number;
  logger: Logger;
}

/** Returns a value that no downloaded invoice carries, for a field the file lacks. */
function orUnmatchable(value: string | null, field: string): string {
  return value ?? `(no ${field} in the uploaded file)`;
}

export function lostUploadOf(upload: StoredUpload): LostUpload {
  if (upload.sentAt === null) {
    throw new Error(`The upload ${upload.id} has no sending time.`);
  }
  return {
    cif: upload.cif,
    sentAt: upload.sentAt,
    contentHash: upload.sha256,
    sellerCif: orUnmatchable(upload.sellerCif, 'seller CIF'),
    invoiceNumber: orUnmatchable(upload.invoiceNumber, 'invoice number'),
    issueDate: orUnmatchable(upload.issueDate, 'issue date'),
  };
}

export async function runReconcilePass(
  input: ReconcilePassInput,
): Promise<ReconcileDecision> {
  const lost = lostUploadOf(input.upload);
  const listed = await listSinceUpload(input, lost.sentAt);

  const decide = (): ReconcileDecision =>
    decideReconciliation({
      upload: lost,
      entries: listed.map((message) => toCandidate(message, input)),
      knownUploadIndexes: input.knownUploadIndexes,
      now: input.now,
      deadlineMs: input.deadlineMs,
    });

  const first = decide();
  if (first.kind !== 'download') return first;

  await downloadInvoices(input, first.downloadIds);
  const second = decide();
  if (second.kind !== 'download') return second;

  // A download failed; its entry is looked at again on the next pass.
  const deadlineAt = lost.sentAt + input.deadlineMs;
  return input.now >= deadlineAt
    ? decideReconciliation({
        upload: lost,
        entries: [],
        knownUploadIndexes: input.knownUploadIndexes,
        now: input.now,
        deadlineMs: input.deadlineMs,
      })
    : { kind: 'waiting', deadlineAt, candidates: [] };
}

async function listSinceUpload(
  input: ReconcilePassInput,
  sentAt: number,
): Promise<AnafListedMessage[]> {
  // data_creare has minute resolution and ANAF's clock is not ours.
  const since = new Date(sentAt - DEFAULT_CLOCK_TOLERANCE_MS);
  return listMessagesSince(input.route, since, {
    now: new Date(input.now),
    endMarginMs: input.endMarginMs,
  });
}

function toCandidate(
  message: AnafListedMessage,
  input: ReconcilePassInput,
): ListedMessage {
  const candidate: ListedMessage = {
    uploadIndex: message.uploadIndex,
    downloadId: message.downloadId,
    kind: listedKind(message, input.upload.cif),
    createdAt: message.createdAt.getTime(),
  };
  const invoice = input.identities.get(message.downloadId);
  if (invoice) candidate.invoice = invoice;
  return candidate;
}

/** Stands for a downloaded ZIP that cannot be read: it matches nothing. */
const UNREADABLE_INVOICE: InvoiceIdentity = {
  contentHash: '',
  sellerCif: '',
  invoiceNumber: '',
  issueDate: '',
};

/**
 * Downloads sent invoices and remembers what each contains. A failed
 * download is tried again on the next pass. A ZIP that cannot be read is
 * remembered as matching nothing, so its budget is not spent again.
 */
async function downloadInvoices(
  input: ReconcilePassInput,
  downloadIds: readonly string[],
): Promise<void> {
  const fields = { upload: input.upload.id, cif: input.upload.cif };
  for (const downloadId of downloadIds) {
    let zip: Uint8Array;
    try {
      zip = await downloadMessage(input.route, downloadId);
    } catch (error) {
      if (input.route.signal?.aborted) throw error;
      input.logger.warn('Downloading a sent invoice to reconcile failed', {
        ...fields,
        downloadId,
        error: describeError(error),
      });
      continue;
    }

    try {
      input.identities.set(downloadId, await readInvoiceIdentity(zip));
    } catch (error) {
      input.logger.warn(
        'A sent invoice downloaded to reconcile is unreadable',
        {
          ...fields,
          downloadId,
          error: describeError(error),
        },
      );
      input.identities.set(downloadId, UNREADABLE_INVOICE);
    }
  }
}
