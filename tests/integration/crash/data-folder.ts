/**
 * Reads a data folder after a crash and lists every way in which its parts
 * disagree: the SQLite index, the archive's ZIP files and the stored upload
 * files. The index is opened as the next start opens it, so SQLite
 * recovers its WAL first.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export interface FolderReport {
  /** `PRAGMA integrity_check` rows; `['ok']` when the database is sound. */
  integrity: string[];
  /** Rows marked downloaded whose ZIP is missing or has other bytes. */
  downloadedWithoutZip: string[];
  /** ZIP files in the archive that no downloaded row names. */
  zipsWithoutRow: string[];
  /** Temporary files under the archive and uploads folders. */
  temporaryFiles: string[];
  /** Upload rows whose stored file is missing. */
  uploadsWithoutFile: string[];
  /** Stored upload files that no row names. */
  filesWithoutUpload: string[];
}

interface ArchiveRow {
  message_id: string;
  zip_path: string;
  zip_sha256: string | null;
  state: string;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(folder, path.join(entry.parentPath, entry.name)),
    );
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function tableExists(db: DatabaseSync, name: string): boolean {
  const row = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(name);
  return row !== undefined;
}

function archiveRows(db: DatabaseSync): ArchiveRow[] {
  if (!tableExists(db, 'archive_messages')) return [];
  return db
    .prepare(
      'SELECT message_id, zip_path, zip_sha256, state FROM archive_messages',
    )
    .all() as unknown as ArchiveRow[];
}

function uploadIds(db: DatabaseSync): string[] {
  if (!tableExists(db, 'uploads')) return [];
  const rows = db.prepare('SELECT id FROM uploads').all() as Array<{
    id: string;
  }>;
  return rows.map((row) => row.id);
}

function checkZips(archiveDir: string, rows: readonly ArchiveRow[]) {
  const downloaded = rows.filter((row) => row.state === 'downloaded');
  const downloadedWithoutZip = downloaded
    .filter((row) => {
      const file = path.join(archiveDir, row.zip_path);
      if (!existsSync(file)) return true;
      return sha256Hex(readFileSync(file)) !== row.zip_sha256;
    })
    .map((row) => row.zip_path);
  const named = new Set(downloaded.map((row) => path.normalize(row.zip_path)));
  const zipsWithoutRow = filesUnder(archiveDir).filter(
    (file) => file.endsWith('.zip') && !named.has(path.normalize(file)),
  );
  return { downloadedWithoutZip, zipsWithoutRow };
}

/** Inspects `dataDir`, whose archive is in its default `archive` folder. */
export function inspectDataFolder(dataDir: string): FolderReport {
  const db = new DatabaseSync(path.join(dataDir, 'index.sqlite'));
  try {
    const integrity = (
      db.prepare('PRAGMA integrity_check').all() as Array<{
        integrity_check: string;
      }>
    ).map((row) => row.integrity_check);
    const archiveDir = path.join(dataDir, 'archive');
    const uploadsDir = path.join(dataDir, 'uploads');
    const ids = uploadIds(db);
    const stored = filesUnder(uploadsDir);
    const expectedFiles = new Set(ids.map((id) => `${id}.xml`));

    return {
      integrity,
      ...checkZips(archiveDir, archiveRows(db)),
      temporaryFiles: [
        ...filesUnder(archiveDir).map((file) => `archive/${file}`),
        ...stored.map((file) => `uploads/${file}`),
      ].filter((file) => file.endsWith('.tmp')),
      uploadsWithoutFile: ids.filter((id) => !stored.includes(`${id}.xml`)),
      filesWithoutUpload: stored.filter(
        (file) => file.endsWith('.xml') && !expectedFiles.has(file),
      ),
    };
  } finally {
    db.close();
  }
}

/** Returns each downloaded message's ZIP hash, by `<cif>/<message id>`. */
export function zipHashes(dataDir: string): Map<string, string> {
  const db = new DatabaseSync(path.join(dataDir, 'index.sqlite'));
  try {
    const rows = db
      .prepare(
        "SELECT cif, message_id, zip_sha256 FROM archive_messages WHERE state = 'downloaded'",
      )
      .all() as Array<{ cif: string; message_id: string; zip_sha256: string }>;
    return new Map(
      rows.map((row) => [`${row.cif}/${row.message_id}`, row.zip_sha256]),
    );
  } finally {
    db.close();
  }
}
