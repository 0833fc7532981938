/**
 * The files an upload command names. Folders expand to the XML files they
 * contain, and each file is read once. Each readable file gets the company
 * it is uploaded for: --cif, else the only followed company, else the
 * followed company whose CIF is the invoice's seller.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CompanySummary } from '../../../shared/domain.ts';
import { MAX_UPLOAD_BYTES } from '../../../shared/ipc/contract.ts';
import { detectDocument } from '../../core/invoice/index.ts';
import type { FileError } from './report.ts';

export interface UploadFile {
  /** The path as the user gave it (or inside a folder the user gave). */
  path: string;
  /** The name ANAF's tools and the app show: the base name. */
  name: string;
  bytes: Uint8Array | null;
  /** The problem that stops the file before any check runs. */
  problem: FileError | null;
  /** The CIF of the company it is uploaded for, once chosen. */
  cif: string | null;
}

/**
 * Expands folders into the `.xml` files below them, as the desktop app does
 * for a dropped folder. Entries are taken in name order at each level, and
 * symlinked folders are not followed, so a link loop cannot recurse forever.
 * A named path that is not a folder is kept as given.
 */
export function expandPaths(paths: readonly string[]): string[] {
  return paths.flatMap((given) => {
    let isFolder = false;
    try {
      isFolder = fs.statSync(given).isDirectory();
    } catch {
      // Missing or unreadable: reported when the file is read.
    }
    return isFolder ? folderXmlFiles(given) : [given];
  });
}

function folderXmlFiles(folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    // Kept as a path so that reading it reports the folder as unreadable.
    return [folder];
  }
  // Code-unit order, as the earlier `Array.sort` of the names gave.
  entries.sort((a, b) => compareNames(a.name, b.name));
  return entries.flatMap((entry) => {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) return folderXmlFiles(child);
    if (!entry.name.toLowerCase().endsWith('.xml')) return [];
    return isLinkToFolder(entry, child) ? [] : [child];
  });
}

function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Tells whether a symlink points at a folder (which is not followed). */
function isLinkToFolder(entry: fs.Dirent, file: string): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function readUploadFile(file: string): UploadFile {
  const entry: UploadFile = {
    path: file,
    name: path.basename(file),
    bytes: null,
    problem: null,
    cif: null,
  };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    entry.problem = {
      code: 'file.unreadable',
      message: `Cannot read ${file} (${reason}). Check the path.`,
    };
    return entry;
  }
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    entry.problem = {
      code: 'file.tooLarge',
      message: `${file} has ${bytes.byteLength} bytes, more than ANAF accepts (10 MB). Split the invoice's attachments or send it another way.`,
    };
    return entry;
  }
  entry.bytes = bytes;
  return entry;
}

/**
 * Chooses the company of each readable file. Without --cif and with several
 * followed companies, the invoice's seller CIF decides. A file whose seller
 * is not followed gets a problem that names its CIF.
 */
export function assignCompanies(
  files: readonly UploadFile[],
  companies: readonly CompanySummary[],
  requestedCif: string | null,
): void {
  const [only] = companies;
  for (const file of files) {
    if (file.problem || !file.bytes) continue;
    if (requestedCif !== null) {
      file.cif = requestedCif;
      continue;
    }
    if (only && companies.length === 1) {
      file.cif = only.cif;
      continue;
    }
    file.cif = sellerCompany(file, companies);
  }
}

function sellerCompany(
  file: UploadFile,
  companies: readonly CompanySummary[],
): string | null {
  const summary = detectDocument(file.bytes ?? new Uint8Array());
  if (!summary.ok) {
    file.problem = {
      code: 'file.notInvoice',
      message: `${file.path}: ${summary.error.message}`,
    };
    return null;
  }
  const sellerCif = summary.value.sellerCif;
  const company = companies.find((candidate) => candidate.cif === sellerCif);
  if (company) return company.cif;

  const seller =
    sellerCif === null
      ? 'names no seller CIF'
      : `has the seller CIF ${sellerCif}`;
  file.problem = {
    code: 'cif.notFollowed',
    message: `${file.path} ${seller}, and no followed company matches it. Pass --cif CIF, or follow the company with \`efactura companies add CIF\`.`,
  };
  return null;
}
