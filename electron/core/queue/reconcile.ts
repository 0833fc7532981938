/**
 * Reconciliation of an upload whose response was lost (timeout, reset, 5xx).
 * ANAF may have recorded such an upload, so it is never sent again
 * automatically. Instead the upload service lists the CIF's messages from
 * the upload time on and asks `decideReconciliation` what they show.
 *
 * Candidates are the upload indexes in the list that the app does not know
 * yet. A sent invoice carries a copy of the file, so it is downloaded and
 * matched by content (SHA-256 of the invoice inside the ZIP, which is the
 * file as uploaded), else by seller, invoice number and issue date. An error
 * entry carries no copy, so it counts only when it is the single unknown
 * candidate, and then as "probably this file". List entries appear seconds
 * to about 15 minutes late, so an empty answer means "keep listing" until
 * the deadline.
 */

export const DEFAULT_RECONCILE_DEADLINE_MS = 30 * 60_000;
/**
 * How much earlier than the upload a list entry may be dated and still be
 * a candidate: `data_creare` has minute resolution and ANAF's clock is not
 * the app's.
 */
export const DEFAULT_CLOCK_TOLERANCE_MS = 2 * 60_000;

export const OUTCOME_UNKNOWN_MESSAGE =
  'Outcome unknown: check in SPV before sending again.';

export interface InvoiceIdentity {
  /** SHA-256 of the file's bytes, lowercase hex. */
  contentHash: string;
  sellerCif: string;
  invoiceNumber: string;
  /** Issue date, `YYYY-MM-DD`. */
  issueDate: string;
}

export interface LostUpload extends InvoiceIdentity {
  /** The CIF the upload was sent for. */
  cif: string;
  /** When the upload was sent, epoch ms. */
  sentAt: number;
}

/**
 * `sent`: FACTURA TRIMISA, or a self-billed invoice this CIF transmitted.
 * `error`: ERORI FACTURA. `other`: received invoices and buyer messages.
 */
export type ListedKind = 'sent' | 'error' | 'other';

export interface ListedMessage {
  /** `id_solicitare`: the upload index. */
  uploadIndex: string;
  /** `id`: the download id. */
  downloadId: string;
  kind: ListedKind;
  /** `data_creare` as an instant, epoch ms. */
  createdAt: number;
  /** The invoice inside the downloaded ZIP, once a sent entry was downloaded. */
  invoice?: InvoiceIdentity;
}

export interface ReconcileInput {
  upload: LostUpload;
  /** The CIF's list entries, as listed since the upload. */
  entries: readonly ListedMessage[];
  /** Upload indexes the app already links to other uploads. */
  knownUploadIndexes: ReadonlySet<string>;
  now: number;
  deadlineMs?: number;
  clockToleranceMs?: number;
}

export type ReconcileDecision =
  | {
      kind: 'matched';
      uploadIndex: string;
      downloadId: string;
      by: 'contentHash' | 'invoiceFields';
    }
  /** Sent entries to download (then decide again) before anything else. */
  | { kind: 'download'; downloadIds: string[] }
  /**
   * The single unknown candidate is an error entry. A later decision may
   * differ if more entries appear, so the caller shows it with that doubt.
   */
  | { kind: 'probably'; uploadIndex: string; downloadId: string }
  | { kind: 'waiting'; deadlineAt: number; candidates: string[] }
  | { kind: 'deadlinePassed'; message: string; candidates: string[] };

/** Decides what the CIF's list entries show about a lost upload. */
export function decideReconciliation(input: ReconcileInput): ReconcileDecision {
  const deadlineAt =
    input.upload.sentAt + (input.deadlineMs ?? DEFAULT_RECONCILE_DEADLINE_MS);
  const candidates = unknownCandidates(input);

  const match = findMatch(input.upload, candidates);
  if (match) return match;

  const toDownload = candidates.filter(
    (entry) => entry.kind === 'sent' && !entry.invoice,
  );
  if (toDownload.length > 0) {
    return {
      kind: 'download',
      downloadIds: toDownload.map((entry) => entry.downloadId),
    };
  }

  // Sent entries that were downloaded and did not match are other files.
  const open = candidates.filter((entry) => entry.kind === 'error');
  const single = open.length === 1 ? open[0] : undefined;
  if (single) {
    return {
      kind: 'probably',
      uploadIndex: single.uploadIndex,
      downloadId: single.downloadId,
    };
  }

  const indexes = open.map((entry) => entry.uploadIndex);
  if (input.now >= deadlineAt) {
    return {
      kind: 'deadlinePassed',
      message: OUTCOME_UNKNOWN_MESSAGE,
      candidates: indexes,
    };
  }
  return { kind: 'waiting', deadlineAt, candidates: indexes };
}

/** Returns one entry per unknown sent or error upload index, oldest first. */
function unknownCandidates(input: ReconcileInput): ListedMessage[] {
  const earliest =
    input.upload.sentAt -
    (input.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS);
  const byIndex = new Map<string, ListedMessage>();

  for (const entry of input.entries) {
    if (entry.kind === 'other') continue;
    if (entry.createdAt < earliest) continue;
    if (input.knownUploadIndexes.has(entry.uploadIndex)) continue;

    // A sent entry wins over an error entry with the same index, and a
    // downloaded copy over one not downloaded yet.
    const seen = byIndex.get(entry.uploadIndex);
    if (!seen || rank(entry) > rank(seen))
      byIndex.set(entry.uploadIndex, entry);
  }
  return [...byIndex.values()].sort((a, b) => a.createdAt - b.createdAt);
}

function rank(entry: ListedMessage): number {
  if (entry.kind !== 'sent') return 0;
  return entry.invoice ? 2 : 1;
}

function findMatch(
  upload: LostUpload,
  candidates: readonly ListedMessage[],
): ReconcileDecision | undefined {
  const downloaded = candidates.filter(
    (entry) => entry.kind === 'sent' && entry.invoice,
  );
  const byHash = downloaded.find(
    (entry) =>
      entry.invoice?.contentHash.toLowerCase() ===
      upload.contentHash.toLowerCase(),
  );
  if (byHash) return matched(byHash, 'contentHash');

  const byFields = downloaded.find(
    (entry) => entry.invoice && sameInvoice(entry.invoice, upload),
  );
  if (byFields) return matched(byFields, 'invoiceFields');
  return undefined;
}

function matched(
  entry: ListedMessage,
  by: 'contentHash' | 'invoiceFields',
): ReconcileDecision {
  return {
    kind: 'matched',
    uploadIndex: entry.uploadIndex,
    downloadId: entry.downloadId,
    by,
  };
}

function sameInvoice(a: InvoiceIdentity, b: InvoiceIdentity): boolean {
  return (
    normalizeCif(a.sellerCif) === normalizeCif(b.sellerCif) &&
    a.invoiceNumber.trim() === b.invoiceNumber.trim() &&
    a.issueDate.trim() === b.issueDate.trim()
  );
}

/** Strips the `RO` prefix and white space: ANAF compares CIFs as digits. */
export function normalizeCif(cif: string): string {
  return cif.replace(/\s+/g, '').replace(/^RO/i, '');
}
