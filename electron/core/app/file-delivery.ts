import path from 'node:path';
import { ensureDir } from '../data/files.ts';

/**
 * How a file the user asked for (an invoice as ZIP, XML or PDF, a CSV, a
 * period bundle, an attachment) leaves the app. Each shell decides where it
 * goes: Electron shows a native save dialog, the browser shell offers an
 * ordinary browser download, the CLI writes to the path on its command line.
 */
export interface DeliverableFile {
  /** A sanitised name suggested to the user. */
  fileName: string;
  mimeType: string;
  /** Writes the file to the path the shell chose (0600, atomically). */
  write(targetPath: string): Promise<void>;
  /** The user asked to open it (an allow-listed attachment), not just save it. */
  open?: boolean;
}

export interface DeliveredFile {
  /** The path the file was written to, or null when the user cancelled. */
  savedTo: string | null;
  /** A one-time URL the browser downloads the file from (browser shell only). */
  downloadUrl: string | null;
}

export type FileDelivery = (file: DeliverableFile) => Promise<DeliveredFile>;

/** Writes every file into one folder under its suggested name. */
export function saveInFolder(folder: string): FileDelivery {
  return async (file) => {
    ensureDir(folder);
    const target = path.join(folder, path.basename(file.fileName));
    await file.write(target);
    return { savedTo: target, downloadUrl: null };
  };
}
