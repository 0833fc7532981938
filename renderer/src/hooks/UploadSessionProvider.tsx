/**
 * The files waiting to be sent, kept above the screens so that a drop on any
 * screen and a visit elsewhere keep the review. Reading, checking and
 * submitting go through the pure helpers in `lib/upload`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { UploadCheckResult, UploadRecord } from '../../../shared/domain.ts';
import { MAX_FILES_PER_CALL } from '../../../shared/ipc/contract.ts';
import { getApi, unwrap } from '../ipc/api.ts';
import { batchFiles, prepareFiles, toUploadInput, type PreparedFile, type ReadableFile } from '../lib/upload/files.ts';
import { matchCheckResults, planSubmission, verdictOf, type FileReview } from '../lib/upload/review.ts';
import { upsertUpload } from '../lib/upload/states.ts';
import { queryKeys } from '../queries.ts';
import { UploadSessionContext, type DropNotes, type UploadSession } from './useUploadSession.ts';

const NO_NOTES: DropNotes = { skippedInFolders: 0, unreadable: 0 };

let nextKey = 1;

function reviewsFor(prepared: PreparedFile[], rejected: Awaited<ReturnType<typeof prepareFiles>>['rejected']): FileReview[] {
  const fresh: FileReview[] = prepared.map((file) => ({
    key: `file-${nextKey++}`,
    name: file.name,
    size: file.size,
    file,
    local: null,
    check: null,
    checkError: null,
  }));
  const setAside: FileReview[] = rejected.map((item) => ({
    key: `file-${nextKey++}`,
    name: item.name,
    size: item.size,
    file: null,
    local: item.code,
    check: null,
    checkError: null,
  }));
  return [...fresh, ...setAside];
}

export function UploadSessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [cif, setCifState] = useState<string | null>(null);
  const [reviews, setReviews] = useState<FileReview[]>([]);
  const [confirmed, setConfirmedKeys] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState<DropNotes>(NO_NOTES);
  const [submitting, setSubmitting] = useState(false);
  // The CIF the latest check ran for; answers for an older CIF are dropped.
  const checkedCif = useRef<string | null>(null);
  const reviewsRef = useRef<FileReview[]>([]);
  useLayoutEffect(() => {
    reviewsRef.current = reviews;
  }, [reviews]);

  const applyChecks = useCallback((forCif: string, results: Map<string, UploadCheckResult>, failed: Map<string, Error>) => {
    if (checkedCif.current !== forCif) return;
    setReviews((current) =>
      current.map((review) => {
        const check = results.get(review.key);
        if (check) return { ...review, check, checkError: null };
        const error = failed.get(review.key);
        return error ? { ...review, checkError: error } : review;
      }),
    );
  }, []);

  const runChecks = useCallback(
    async (forCif: string, toCheck: FileReview[]) => {
      const withFiles = toCheck.filter((review): review is FileReview & { file: PreparedFile } => review.file !== null);
      const keyed = withFiles.map((review) => ({ ...review.file, key: review.key }));
      for (const batch of batchFiles(keyed, MAX_FILES_PER_CALL)) {
        try {
          const results = await unwrap(getApi().uploadsCheck({ cif: forCif, files: batch.map(toUploadInput) }));
          applyChecks(forCif, matchCheckResults(batch, results), new Map());
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          applyChecks(forCif, new Map(), new Map(batch.map((file) => [file.key, failure])));
        }
      }
    },
    [applyChecks],
  );

  const setCif = useCallback(
    (next: string | null) => {
      setCifState(next);
      checkedCif.current = next;
      // A new upload company changes every check (the seller must match it).
      setReviews((current) => current.map((review) => ({ ...review, check: null, checkError: null })));
      setConfirmedKeys(new Set());
      if (next) void runChecks(next, reviewsRef.current);
    },
    [runChecks],
  );

  const addFiles = useCallback(
    async (files: readonly ReadableFile[], dropNotes?: Partial<DropNotes>) => {
      const { prepared, rejected } = await prepareFiles(files);
      const added = reviewsFor(prepared, rejected);
      setReviews((current) => [...current, ...added]);
      setNotes((current) => ({
        skippedInFolders: current.skippedInFolders + (dropNotes?.skippedInFolders ?? 0),
        unreadable: current.unreadable + (dropNotes?.unreadable ?? 0),
      }));
      const forCif = checkedCif.current;
      if (forCif) await runChecks(forCif, added);
    },
    [runChecks],
  );

  const setConfirmed = useCallback((key: string, value: boolean) => {
    setConfirmedKeys((current) => {
      const next = new Set(current);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const confirmAll = useCallback(() => {
    setConfirmedKeys(new Set(reviewsRef.current.filter((review) => verdictOf(review) === 'confirm').map((review) => review.key)));
  }, []);

  const clear = useCallback(() => {
    setReviews([]);
    setConfirmedKeys(new Set());
    setNotes(NO_NOTES);
  }, []);

  const storeRecords = useCallback(
    (records: UploadRecord[]) => {
      for (const [key, list] of client.getQueriesData<UploadRecord[]>({ queryKey: queryKeys.uploadsAll })) {
        if (!list) continue;
        let next = list;
        for (const record of records) if (key[1] === 'all' || key[1] === record.cif) next = upsertUpload(next, record);
        client.setQueryData(key, next);
      }
    },
    [client],
  );

  const submit = useCallback(async (): Promise<number> => {
    const forCif = checkedCif.current;
    if (!forCif) return 0;
    setSubmitting(true);
    let queued = 0;
    try {
      for (const group of planSubmission(reviewsRef.current, confirmed)) {
        for (const batch of batchFiles(group.files, MAX_FILES_PER_CALL)) {
          const records = await unwrap(
            getApi().uploadsSubmit({
              cif: forCif,
              files: batch.map(toUploadInput),
              acceptWarnings: group.acceptWarnings,
              allowDuplicate: group.allowDuplicate,
            }),
          );
          storeRecords(records);
          queued += batch.length;
          const sent = new Set(batch);
          setReviews((current) => current.filter((review) => !review.file || !sent.has(review.file)));
        }
      }
    } finally {
      setSubmitting(false);
    }
    return queued;
  }, [confirmed, storeRecords]);

  const session = useMemo<UploadSession>(
    () => ({ cif, setCif, reviews, confirmed, notes, submitting, addFiles, setConfirmed, confirmAll, clear, submit }),
    [cif, setCif, reviews, confirmed, notes, submitting, addFiles, setConfirmed, confirmAll, clear, submit],
  );
  return <UploadSessionContext.Provider value={session}>{children}</UploadSessionContext.Provider>;
}
