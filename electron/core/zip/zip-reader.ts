/**
 * Reads selected entries of a ZIP held in memory, with caps that hold even
 * when the archive lies about its sizes (zip bomb). Entry names are data
 * only: this module never writes files or builds paths from them.
 */
import { crc32 } from 'node:zlib';

import yauzl, { type Entry, type ZipFile } from 'yauzl';

import { AppFailure, fail, ok, type Result } from '../../../shared/result.ts';

import { entryNameProblem, quoteEntryName } from './entry-names.ts';
import {
  crcMismatch,
  damaged,
  entryTooLarge,
  sizeMismatch,
  totalTooLarge,
  zipFailure,
} from './zip-failures.ts';

export { zipFailure, type ZipProblem } from './zip-failures.ts';

export interface ZipLimits {
  /** Most entries the central directory may list. */
  maxEntries: number;
  /** Most bytes one selected entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all selected entries together may inflate to. */
  maxTotalBytes: number;
}

/**
 * Defaults sized for ANAF message ZIPs: two members, each an XML document
 * that passed ANAF's 10 MB upload limit, where the enveloped signature file
 * repeats the whole document.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
};

export interface ZipEntryInfo {
  /** Decoded name; display and matching only, never a path. */
  name: string;
  /** Uncompressed size the central directory declares; may be false. */
  declaredSize: number;
  compressedSize: number;
  isDirectory: boolean;
  /** Reason the name is not a plain file name (see `entryNameProblem`), or `null`. */
  nameProblem: string | null;
}

export interface ZipContents {
  /** Every entry of the archive, in central directory order. */
  entries: ZipEntryInfo[];
  /** Content of the selected entries, by name. */
  files: Map<string, Uint8Array>;
}

export interface ReadZipOptions {
  /** Chooses the entries to inflate; the others are only listed. */
  select: (entry: ZipEntryInfo) => boolean;
  limits?: Partial<ZipLimits>;
}

/**
 * Lists a ZIP and inflates the selected entries. Fails with `input.invalid`,
 * whose `details.reason` is a `ZipProblem`, for:
 * - data that is not a ZIP, or a damaged or truncated archive;
 * - too many entries, or an entry or a total over the caps, counted while
 *   inflating whatever the header declares;
 * - a size or CRC that does not match the header;
 * - encrypted or unsupported entries, and two selected entries with one name.
 */
export async function readZip(
  bytes: Uint8Array,
  options: ReadZipOptions,
): Promise<Result<ZipContents>> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  try {
    rejectNonZip(bytes);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const zipFile = await openZip(buffer);
    try {
      return ok(await readEntries(zipFile, options.select, limits));
    } finally {
      zipFile.close();
    }
  } catch (error) {
    if (error instanceof AppFailure) {
      return fail(error.code, error.message, error.details);
    }
    throw error;
  }
}

/** Tells whether bytes start with a ZIP signature (`PK\x03\x04` or empty `PK\x05\x06`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) ||
      (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

function rejectNonZip(bytes: Uint8Array): void {
  if (looksLikeZip(bytes)) return;

  const head = Buffer.from(bytes.subarray(0, 16))
    .toString('latin1')
    .trimStart();
  let hint = '';
  if (head.startsWith('{'))
    hint = ' It looks like JSON, which is how ANAF reports a failed download.';
  else if (/^<(!doctype html|html)/i.test(head))
    hint =
      ' It looks like an HTML page, such as a firewall or maintenance page.';
  else if (head.startsWith('<')) hint = ' It looks like XML.';

  throw zipFailure(
    'notZip',
    `The data is not a ZIP archive: it ${bytes.length === 0 ? 'is empty' : "does not start with the ZIP signature 'PK'"}.${hint} Download it again.`,
    { size: bytes.length },
  );
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      {
        lazyEntries: true,
        autoClose: false,
        // Names are decoded and checked here, never rejected by yauzl, so
        // that the failure names the entry and the reason.
        decodeStrings: false,
        // Sizes are counted below against min(declared size, caps).
        validateEntrySizes: false,
      },
      (error, zipFile) => {
        if (error || !zipFile) reject(damaged(error));
        else resolve(zipFile);
      },
    );
  });
}

async function readEntries(
  zipFile: ZipFile,
  select: (entry: ZipEntryInfo) => boolean,
  limits: ZipLimits,
): Promise<ZipContents> {
  if (zipFile.entryCount > limits.maxEntries) {
    throw zipFailure(
      'tooManyEntries',
      `The ZIP archive lists ${zipFile.entryCount} entries, more than the ${limits.maxEntries} accepted.`,
      { entryCount: zipFile.entryCount },
    );
  }

  const contents: ZipContents = { entries: [], files: new Map() };
  let inflatedTotal = 0;
  for (;;) {
    const entry = await nextEntry(zipFile);
    if (!entry) return contents;

    const info = describeEntry(entry);
    contents.entries.push(info);
    if (info.isDirectory || !select(info)) continue;

    checkBeforeInflating(entry, info, contents, limits, inflatedTotal);
    const data = await inflateEntry(zipFile, entry, info);
    inflatedTotal += data.length;
    contents.files.set(info.name, data);
  }
}

/** Reads the next central directory entry; `null` after the last one. */
function nextEntry(zipFile: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: Entry) => {
      removeListeners();
      resolve(entry);
    };
    const onEnd = () => {
      removeListeners();
      resolve(null);
    };
    const onError = (error: Error) => {
      removeListeners();
      reject(damaged(error));
    };
    const removeListeners = () => {
      zipFile.off('entry', onEntry);
      zipFile.off('end', onEnd);
      zipFile.off('error', onError);
    };

    zipFile.on('entry', onEntry);
    zipFile.on('end', onEnd);
    zipFile.on('error', onError);
    zipFile.readEntry();
  });
}

function describeEntry(entry: Entry): ZipEntryInfo {
  // Strict mode keeps backslashes as they are, so that they can be flagged.
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    true,
  );
  return {
    name,
    declaredSize: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    isDirectory: name.endsWith('/') && entry.uncompressedSize === 0,
    nameProblem: entryNameProblem(name),
  };
}

/** Rejects what the header already shows, before any byte is inflated. */
function checkBeforeInflating(
  entry: Entry,
  info: ZipEntryInfo,
  contents: ZipContents,
  limits: ZipLimits,
  inflatedTotal: number,
): void {
  const name = quoteEntryName(info.name);
  if (contents.files.has(info.name)) {
    throw zipFailure(
      'duplicateEntry',
      `The ZIP archive contains two entries named ${name}.`,
      { entry: info.name },
    );
  }
  if (entry.isEncrypted() || !entry.canDecodeFileData()) {
    throw zipFailure(
      'unsupportedEntry',
      `The ZIP entry ${name} is encrypted or uses an unsupported compression method (${entry.compressionMethod}).`,
      { entry: info.name },
    );
  }
  if (info.declaredSize > limits.maxEntryBytes) {
    throw entryTooLarge(info, limits);
  }
  if (info.declaredSize > limits.maxTotalBytes - inflatedTotal) {
    throw totalTooLarge(limits);
  }
}

/**
 * Inflates one entry, counting bytes as they stream. The declared size,
 * already checked against the caps, is the budget: a header that understates
 * the size stops the inflation at the first byte past it, long before a cap.
 */
function inflateEntry(
  zipFile: ZipFile,
  entry: Entry,
  info: ZipEntryInfo,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zipFile.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(damaged(error));
        return;
      }
      const chunks: Buffer[] = [];
      let count = 0;
      stream.on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (count > info.declaredSize) {
          stream.destroy();
          reject(sizeMismatch(info));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError: Error) => reject(damaged(streamError)));
      stream.on('end', () => {
        const data = Buffer.concat(chunks, count);
        if (count !== info.declaredSize) reject(sizeMismatch(info));
        else if (crc32(data) !== entry.crc32) reject(crcMismatch(info));
        else resolve(new Uint8Array(data.buffer, data.byteOffset, data.length));
      });
    });
  });
}
