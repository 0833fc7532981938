/**
 * The upload service: checks dropped files, stores each one before anything
 * is sent, sends it through the request queue, follows it to ANAF's final
 * state, and reconciles uploads whose response was lost. It never loses a
 * file (the bytes and the row are on disk before sending) and never files
 * one twice on its own (a request that may have reached ANAF is not sent
 * again without the user's decision).
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { normalizeCif } from '../../../shared/cif.ts';
import type {
  UploadCheckResult,
  UploadFileInput,
  UploadRecord,
} from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';
import type { UploadStatus } from '../anaf/index.ts';
import { END_MARGIN_MS } from '../anaf/list-window.ts';
import { systemClock, type Clock } from '../queue/clock.ts';
import { DEFAULT_RECONCILE_DEADLINE_MS } from '../queue/reconcile.ts';
import { DEFAULT_STATUS_SCHEDULE_MS } from '../queue/status-schedule.ts';
import { uploadGate, type UploadGateEntry } from '../queue/upload-gate.ts';
import { UploadBodies } from './body-files.ts';
import { applyStatus, followUpload } from './following.ts';
import { noteOf, noteTime } from './notes.ts';
import { decisionDeadlineAt, reconcileUpload } from './reconciling.ts';
import { companyRoute, type UploadRuntime } from './runtime.ts';
import { sendUpload } from './sending.ts';
import { checkSubmission, requireSendable } from './submission.ts';
import { gateStateOf, RESOLVABLE_STATES } from './transitions.ts';
import type {
  ClientFactory,
  CompanyLookup,
  SubmitOptions,
  UnknownDecision,
  UploadListFilter,
  UploadQueue,
  UploadSettings,
} from './types.ts';
import {
  toUploadRecord,
  UploadStore,
  type NewUpload,
  type StoredUpload,
  type UploadChange,
} from './upload-store.ts';

export const DEFAULT_UPLOAD_SETTINGS: Readonly<UploadSettings> = {
  reconcileDeadlineMs: DEFAULT_RECONCILE_DEADLINE_MS,
  reconcileIntervalMs: 60_000,
  statusScheduleMs: DEFAULT_STATUS_SCHEDULE_MS,
  listEndMarginMs: END_MARGIN_MS,
  resendDelayMs: 30_000,
  tokenRetryDelaysMs: [2_000, 10_000, 30_000],
};

const DEFAULT_LIST_LIMIT = 500;

export interface UploadServiceOptions {
  /** The app's database, with `UPLOAD_MIGRATIONS` applied. */
  db: DatabaseSync;
  /** The data folder; the files are kept in its `uploads` folder. */
  dataDir: string;
  queue: UploadQueue;
  clientFor: ClientFactory;
  companies: CompanyLookup;
  logger: Logger;
  clock?: Clock;
  settings?: Partial<UploadSettings>;
}

export type UploadListener = (upload: UploadRecord) => void;

export class UploadService {
  readonly #store: UploadStore;
  readonly #bodies: UploadBodies;
  readonly #companies: CompanyLookup;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #closing = new AbortController();
  readonly #runtime: UploadRuntime;
  readonly #listeners = new Set<UploadListener>();
  /** Uploads handed to the request queue whose request has not ended. */
  readonly #handedToQueue = new Set<string>();
  /** Uploads not to send before this time (after a 429), epoch ms. */
  readonly #resendAt = new Map<string, number>();
  readonly #following = new Set<string>();
  readonly #reconciling = new Set<string>();
  readonly #tasks = new Set<Promise<void>>();
  #resumed = false;

  constructor(options: UploadServiceOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger.child('uploads');
    this.#store = new UploadStore(options.db, () => this.#clock.now());
    this.#bodies = new UploadBodies(options.dataDir);
    this.#companies = options.companies;
    this.#runtime = {
      store: this.#store,
      bodies: this.#bodies,
      queue: options.queue,
      companies: options.companies,
      clientFor: options.clientFor,
      logger: this.#logger,
      clock: this.#clock,
      settings: { ...DEFAULT_UPLOAD_SETTINGS, ...options.settings },
      signal: this.#closing.signal,
      tokenRejections: new Map(),
      change: (id, change) => this.#change(id, change),
      follow: (id) => this.#follow(id),
      reconcile: (id) => this.#reconcile(id),
      resendLater: (id, delayMs) => this.#resendLater(id, delayMs),
      pump: () => this.#pump(),
    };
  }

  /** Runs the local checks on files without storing or sending anything. */
  async check(
    cif: string,
    files: UploadFileInput[],
  ): Promise<UploadCheckResult[]> {
    await nextTurn();
    const checked = checkSubmission(cif, files, this.#companies, (hash) =>
      this.#store.earlierUploadOf(hash),
    );
    return checked.files.map((file) => file.result);
  }

  /**
   * Checks, stores and queues the files. Throws `upload.blocked` or
   * `upload.duplicate` (with every stopped file in `details.files`) when
   * any file may not be sent with these options, and then stores nothing.
   */
  async submit(
    cif: string,
    files: UploadFileInput[],
    options: SubmitOptions,
  ): Promise<UploadRecord[]> {
    this.#requireOpen();
    await nextTurn();
    const checked = checkSubmission(cif, files, this.#companies, (hash) =>
      this.#store.earlierUploadOf(hash),
    );
    const uploadCif = checked.cifCheck.cif ?? cif;
    const replaces = this.#checkReplaces(
      uploadCif,
      files.length,
      options.replaces,
    );
    requireSendable(checked.files, options);

    const firstInSubmission = new Map<string, string>();
    const uploads: NewUpload[] = checked.files.map((file) => {
      const id = randomUUID();
      const sha256 = file.result.sha256 ?? '';
      const earlier =
        file.result.earlierUpload ?? firstInSubmission.get(sha256);
      if (!firstInSubmission.has(sha256)) firstInSubmission.set(sha256, id);
      return {
        id,
        fileName: file.result.name,
        cif: uploadCif,
        standard: file.standard ?? '',
        sha256,
        size: file.bytes.length,
        selfBilled: file.selfBilled,
        sellerCif: file.summary?.sellerCif ?? null,
        invoiceNumber: file.summary?.number ?? null,
        issueDate: file.summary?.issueDate ?? null,
        replaces,
        duplicateOf: earlier ?? null,
      };
    });

    const stored = this.#persist(
      uploads,
      checked.files.map((file) => file.bytes),
    );
    this.#logger.info('Files queued for upload', {
      cif: uploadCif,
      files: stored.length,
      uploads: stored.map((upload) => upload.id),
    });
    for (const upload of stored) this.#emit(upload);
    this.#pump();
    return stored.map(toUploadRecord);
  }

  /** Newest first; at most `limit` (500 by default). */
  list(filter: UploadListFilter = {}): UploadRecord[] {
    const cif = filter.cif === undefined ? undefined : cifDigits(filter.cif);
    const limit = filter.limit ?? DEFAULT_LIST_LIMIT;
    return this.#store
      .list(cif === undefined ? { limit } : { cif, limit })
      .map(toUploadRecord);
  }

  get(id: string): UploadRecord | null {
    const upload = this.#store.get(id);
    return upload ? toUploadRecord(upload) : null;
  }

  /**
   * Applies a stareMesaj response fetched elsewhere (the command line's
   * `status`) to the upload with that index while it is still processing.
   * Returns the updated record, or null when no upload has the index. The
   * response counts as one more status check.
   */
  async applyStatus(
    uploadIndex: string,
    status: UploadStatus,
  ): Promise<UploadRecord | null> {
    this.#requireOpen();
    const upload = this.#store.findByUploadIndex(uploadIndex);
    if (!upload) return null;
    const company = this.#companies.get(upload.cif);
    if (upload.state === 'processing' && company) {
      await applyStatus(
        this.#runtime,
        companyRoute(this.#runtime, company),
        upload,
        status,
        upload.statusChecks + 1,
      );
    }
    return this.get(upload.id);
  }

  /**
   * Records the user's decision on an upload whose outcome is unknown,
   * after they checked SPV. `markSent`: ANAF has the file. The mark is
   * stored, and the app keeps looking in ANAF's list for the upload's index
   * and verdict (accepted, or rejected with every error), which decide its
   * final state. `markNotSent`: ANAF does not have it, so it is queued and
   * sent again.
   */
  resolveUnknown(id: string, decision: UnknownDecision): UploadRecord {
    this.#requireOpen();
    const upload = this.#store.get(id);
    if (!upload) {
      throw new AppFailure('input.invalid', `No upload has the id ${id}.`);
    }
    if (!RESOLVABLE_STATES.includes(upload.state)) {
      throw new AppFailure(
        'input.invalid',
        `Upload ${id} (${upload.fileName}) is ${upload.state}; only an upload whose outcome is unknown can be marked as sent or not sent.`,
        { state: upload.state },
      );
    }

    this.#logger.info('User resolved an unknown upload', {
      upload: id,
      cif: upload.cif,
      decision,
    });
    const now = this.#clock.now();
    const next =
      decision === 'markSent'
        ? this.#change(id, {
            state: 'reconciling',
            markedSentAt: now,
            ...noteOf('markedSent', { markedAt: noteTime(now) }),
          })
        : this.#change(id, {
            state: 'queued',
            sentAt: null,
            markedSentAt: null,
            ...noteOf('markedNotSent', {}),
          });
    if (decision === 'markSent') this.#reconcile(id);
    this.#pump();
    return toUploadRecord(next);
  }

  /**
   * Picks up after a start or a crash. An upload that was being sent may
   * have reached ANAF, so it is reconciled and never resent. Uploads being
   * processed are followed again, and queued ones are sent. Stored files
   * that no row refers to are deleted.
   */
  resume(): void {
    this.#requireOpen();
    if (this.#resumed) return;
    this.#resumed = true;

    const removed = this.#bodies.removeOrphans(this.#store.allIds());
    if (removed.length > 0) {
      this.#logger.info('Removed files of uploads never stored', {
        files: removed,
      });
    }
    for (const upload of this.#store.inStates(['sending'])) {
      const sentAt = upload.sentAt ?? this.#clock.now();
      const deadlineAt = decisionDeadlineAt(this.#runtime.settings, sentAt);
      this.#change(upload.id, {
        state: 'unknown',
        ...noteOf('crashWhileSending', { deadlineAt: noteTime(deadlineAt) }),
      });
    }
    for (const upload of this.#store.inStates(['unknown', 'reconciling'])) {
      this.#reconcile(upload.id);
    }
    for (const upload of this.#store.inStates(['processing'])) {
      this.#follow(upload.id);
    }
    this.#logger.info('Upload service resumed', {
      queued: this.#store.inStates(['queued']).length,
      following: this.#following.size,
      reconciling: this.#reconciling.size,
    });
    this.#pump();
  }

  /** Adds a listener for every change of an upload; returns its remover. */
  onChange(listener: UploadListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Stops sending, following and reconciling. A request in flight is
   * aborted; its upload becomes `unknown` and is reconciled after the next
   * start. Resolves once every step has stopped.
   */
  async close(): Promise<void> {
    if (!this.#closing.signal.aborted) {
      this.#logger.info('Upload service closing', {
        sending: this.#handedToQueue.size,
        following: this.#following.size,
        reconciling: this.#reconciling.size,
      });
      this.#closing.abort();
    }
    await Promise.allSettled([...this.#tasks]);
  }

  #requireOpen(): void {
    if (this.#closing.signal.aborted) {
      throw new AppFailure('internal', 'The upload service is closed.');
    }
  }

  #checkReplaces(
    cif: string,
    fileCount: number,
    replaces: string | undefined,
  ): string | null {
    if (replaces === undefined) return null;
    const earlier = this.#store.get(replaces);
    if (!earlier) {
      throw new AppFailure(
        'input.invalid',
        `No upload has the id ${replaces}, so the file cannot replace it.`,
      );
    }
    if (fileCount !== 1) {
      throw new AppFailure(
        'input.invalid',
        `A corrected file replaces one rejected upload, but ${fileCount} files were given. Send the corrected file alone.`,
      );
    }
    if (earlier.state !== 'rejected') {
      throw new AppFailure(
        'input.invalid',
        `Upload ${replaces} (${earlier.fileName}) is ${earlier.state}; only a rejected upload can be replaced by a corrected file.`,
      );
    }
    if (earlier.cif !== cif) {
      throw new AppFailure(
        'input.invalid',
        `Upload ${replaces} was sent for CIF ${earlier.cif}, not ${cif}; send the corrected file for the same company.`,
      );
    }
    return replaces;
  }

  /** Saves the files, then inserts their rows; removes the files if that fails. */
  #persist(uploads: NewUpload[], bodies: Uint8Array[]): StoredUpload[] {
    try {
      uploads.forEach((upload, i) =>
        this.#bodies.save(upload.id, bodies[i] ?? new Uint8Array()),
      );
      return this.#store.insertAll(uploads);
    } catch (error) {
      for (const upload of uploads) this.#bodies.remove(upload.id);
      this.#logger.error('Storing the files to upload failed', {
        error: describeError(error),
      });
      throw new AppFailure(
        'internal',
        `The files could not be stored in the data folder, so none was queued: ${describeError(error)}`,
      );
    }
  }

  #change(id: string, change: UploadChange): StoredUpload {
    const before = this.#store.get(id);
    const after = this.#store.update(id, change);
    if (before?.state !== after.state) {
      this.#logger.info('Upload state changed', {
        upload: id,
        cif: after.cif,
        from: before?.state,
        to: after.state,
        uploadIndex: after.uploadIndex,
      });
    }
    this.#emit(after);
    return after;
  }

  #emit(upload: StoredUpload): void {
    const record = toUploadRecord(upload);
    for (const listener of this.#listeners) {
      try {
        listener(record);
      } catch (error) {
        this.#logger.error('An upload listener failed', {
          upload: upload.id,
          error: describeError(error),
        });
      }
    }
  }

  /** Hands every queued upload the per-CIF gate lets through to the queue. */
  #pump(): void {
    if (this.#closing.signal.aborted) return;
    const now = this.#clock.now();
    const active = this.#store.inStates([
      'queued',
      'sending',
      'unknown',
      'reconciling',
    ]);
    const entries: UploadGateEntry[] = active.map((upload) => ({
      id: upload.id,
      cif: upload.cif,
      state: gateStateOf(
        upload.state,
        this.#handedToQueue.has(upload.id),
        upload.markedSentAt !== null,
      ),
    }));

    for (const [i, upload] of active.entries()) {
      if (upload.state !== 'queued' || this.#handedToQueue.has(upload.id))
        continue;
      if ((this.#resendAt.get(upload.id) ?? 0) > now) continue;

      const gate = uploadGate(upload, entries);
      if (!gate.open) {
        this.#noteWaiting(upload, gate.waitFor);
        continue;
      }
      this.#resendAt.delete(upload.id);
      this.#handedToQueue.add(upload.id);
      const entry = entries[i];
      if (entry) entry.state = 'sending';
      this.#track(
        sendUpload(this.#runtime, upload).finally(() => {
          this.#handedToQueue.delete(upload.id);
          this.#pump();
        }),
      );
    }
  }

  #noteWaiting(upload: StoredUpload, waitFor: string[]): void {
    const waiting = noteOf('waitingForUpload', { uploadIds: waitFor });
    if (upload.note !== waiting.note) this.#change(upload.id, waiting);
  }

  #follow(id: string): void {
    if (this.#following.has(id) || this.#closing.signal.aborted) return;
    this.#following.add(id);
    this.#track(
      followUpload(this.#runtime, id).finally(() => this.#following.delete(id)),
    );
  }

  #reconcile(id: string): void {
    if (this.#reconciling.has(id) || this.#closing.signal.aborted) return;
    this.#reconciling.add(id);
    const run = reconcileUpload(this.#runtime, id).then(
      () => {
        this.#reconciling.delete(id);
        // Sent again and lost again while the last pass was ending.
        const state = this.#store.get(id)?.state;
        if (state === 'unknown' || state === 'reconciling') this.#reconcile(id);
      },
      (error: unknown) => {
        this.#reconciling.delete(id);
        throw error;
      },
    );
    this.#track(run.finally(() => this.#pump()));
  }

  #resendLater(id: string, delayMs?: number): void {
    const delay = delayMs ?? this.#runtime.settings.resendDelayMs;
    const at = this.#clock.now() + delay;
    this.#resendAt.set(id, at);
    // A timer may fire a millisecond before the wall clock reaches `at`, so
    // the wait is cleared here rather than compared again in the pump.
    const due = (): void => {
      if (this.#resendAt.get(id) === at) this.#resendAt.delete(id);
      this.#pump();
    };
    this.#track(
      this.#clock.sleep(delay, this.#closing.signal).then(due, () => undefined),
    );
  }

  /** Keeps a step's promise until it settles, so `close` can wait for it. */
  #track(task: Promise<void>): void {
    const tracked = task.catch((error: unknown) => {
      this.#logger.error('An upload step failed unexpectedly', {
        error: describeError(error),
      });
    });
    this.#tasks.add(tracked);
    void tracked.finally(() => this.#tasks.delete(tracked));
  }
}

function cifDigits(cif: string): string {
  const normalized = normalizeCif(cif);
  return normalized.ok ? normalized.value : cif.trim();
}
