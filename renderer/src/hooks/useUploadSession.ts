/** Access to the upload review that `UploadSessionProvider` keeps. */
import { createContext, useContext } from 'react';
import type { DropNotes } from '../lib/upload/drop-event.ts';
import type { ReadableFile } from '../lib/upload/files.ts';
import type { FileReview } from '../lib/upload/review.ts';

export type { DropNotes };

export interface UploadSession {
  /** The company the files are uploaded for; checks run once it is set. */
  cif: string | null;
  setCif(cif: string | null): void;
  reviews: FileReview[];
  /** Keys of files whose warnings or earlier upload the user confirmed. */
  confirmed: ReadonlySet<string>;
  notes: DropNotes;
  submitting: boolean;
  addFiles(files: readonly ReadableFile[], notes?: Partial<DropNotes>): Promise<void>;
  setConfirmed(key: string, value: boolean): void;
  confirmAll(): void;
  clear(): void;
  /** Sends every file that may go; resolves with how many were queued. */
  submit(): Promise<number>;
}

export const UploadSessionContext = createContext<UploadSession | null>(null);

export function useUploadSession(): UploadSession {
  const session = useContext(UploadSessionContext);
  if (!session) throw new Error('useUploadSession needs an UploadSessionProvider above it.');
  return session;
}
