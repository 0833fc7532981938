/**
 * Expands what the user dropped into files: plain files stay as they are,
 * folders are walked through `DataTransferItem.webkitGetAsEntry` (which
 * Chromium and Electron support) and contribute only their XML files.
 */
import { isXmlFileName } from './files.ts';

/** The subset of the File and Directory Entries API this module uses. */
export interface EntryLike {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
}

export interface FileEntryLike extends EntryLike {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}

export interface DirectoryEntryLike extends EntryLike {
  createReader(): {
    readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void;
  };
}

export interface ExpandedDrop {
  files: File[];
  /** Files inside dropped folders that were left out because they are not XML. */
  skippedInFolders: number;
  /** Entries that could not be read (permissions, removed while reading). */
  unreadable: number;
}

function isFileEntry(entry: EntryLike): entry is FileEntryLike {
  return entry.isFile;
}

function isDirectoryEntry(entry: EntryLike): entry is DirectoryEntryLike {
  return entry.isDirectory;
}

function readFile(entry: FileEntryLike): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/**
 * Lists a folder's children. `readEntries` returns at most about 100 entries
 * per call in Chromium, so it is called until it returns an empty batch.
 */
async function readChildren(entry: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = entry.createReader();
  const children: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return children;
    children.push(...batch);
  }
}

async function walk(entry: EntryLike, insideFolder: boolean, result: ExpandedDrop): Promise<void> {
  if (isDirectoryEntry(entry)) {
    let children: EntryLike[];
    try {
      children = await readChildren(entry);
    } catch {
      result.unreadable += 1;
      return;
    }
    for (const child of children) await walk(child, true, result);
    return;
  }
  if (!isFileEntry(entry)) return;
  if (insideFolder && !isXmlFileName(entry.name)) {
    result.skippedInFolders += 1;
    return;
  }
  try {
    result.files.push(await readFile(entry));
  } catch {
    result.unreadable += 1;
  }
}

/**
 * Expands dropped entries in drop order. Files dropped directly are kept
 * whatever their type, so the upload screen can say why one is not sent.
 */
export async function expandEntries(entries: readonly EntryLike[]): Promise<ExpandedDrop> {
  const result: ExpandedDrop = { files: [], skippedInFolders: 0, unreadable: 0 };
  for (const entry of entries) await walk(entry, false, result);
  return result;
}

/**
 * Reads a drop's items. Entries must be taken synchronously inside the drop
 * event, because the browser empties the `DataTransfer` once the handler
 * returns; items without an entry fall back to `getAsFile`.
 */
export async function expandDataTransfer(items: DataTransferItemList): Promise<ExpandedDrop> {
  const entries: EntryLike[] = [];
  const plainFiles: File[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) plainFiles.push(file);
    }
  }
  const expanded = await expandEntries(entries);
  expanded.files.push(...plainFiles);
  return expanded;
}

/**
 * Keeps the XML files of a folder chosen in the picker (an input with
 * `webkitdirectory`, which lists every file below the folder).
 */
export function filterPickedFolder<T extends { name: string }>(files: readonly T[]): { files: T[]; skippedInFolders: number } {
  const xml = files.filter((file) => isXmlFileName(file.name));
  return { files: xml, skippedInFolders: files.length - xml.length };
}
