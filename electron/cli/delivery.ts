/**
 * Where files the core delivers (exports, saved invoices) go on the command
 * line: to the path given on the command line, else into the data folder's
 * `exports/` under the suggested name.
 */
import path from 'node:path';
import { saveInFolder, type FileDelivery } from '../core/app/file-delivery.ts';

export interface CliDelivery {
  deliver: FileDelivery;
  /** Sends the next delivered file to `target` instead of `exports/`. */
  saveNextTo(target: string): void;
}

export function createCliDelivery(dataDir: string): CliDelivery {
  const fallback = saveInFolder(path.join(dataDir, 'exports'));
  let next: string | null = null;
  return {
    deliver: async (file) => {
      const target = next;
      next = null;
      if (target === null) return fallback(file);
      await file.write(target);
      return { savedTo: target, downloadUrl: null };
    },
    saveNextTo(target) {
      next = target;
    },
  };
}
