/**
 * The Dropzone's `getFilesFromEvent`: expands dropped folders in the
 * renderer and keeps what it left out until `onDrop` takes it.
 */
import { expandDataTransfer, type ExpandedDrop } from './folder.ts';

type DropzoneEvent = Event | { type: string; dataTransfer?: DataTransfer | null; target?: EventTarget | null } | FileSystemFileHandle[];

/** Counts of what a drop left out: non-XML files inside folders, and entries that failed to read. */
export interface DropNotes {
  skippedInFolders: number;
  unreadable: number;
}

export interface DropReader {
  read(event: DropzoneEvent): Promise<Array<File | DataTransferItem>>;
  /** Returns what the last drop left out, and clears it. */
  takeNotes(): DropNotes;
}

export function createDropReader(): DropReader {
  let last: ExpandedDrop | null = null;
  return {
    async read(event) {
      if (Array.isArray(event)) return Promise.all(event.map((handle) => handle.getFile()));
      const transfer = 'dataTransfer' in event ? event.dataTransfer : null;
      if (transfer) {
        // While dragging, the browser hides the files; items are enough to show the overlay.
        if (event.type !== 'drop') return Array.from(transfer.items).filter((item) => item.kind === 'file');
        last = await expandDataTransfer(transfer.items);
        return last.files;
      }
      const input = event.target instanceof HTMLInputElement ? event.target : null;
      return input?.files ? Array.from(input.files) : [];
    },
    takeNotes() {
      const notes = { skippedInFolders: last?.skippedInFolders ?? 0, unreadable: last?.unreadable ?? 0 };
      last = null;
      return notes;
    },
  };
}
