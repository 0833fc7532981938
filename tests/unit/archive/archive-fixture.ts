/**
 * A real archive for tests: a SQLite file and an archive root in a fresh
 * temporary folder, removed by `close`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

import {
  ARCHIVE_MIGRATIONS,
  openArchive,
  type Archive,
  type ListedMessageInput,
} from '../../../electron/core/archive/index.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';

export interface TestArchive {
  archive: Archive;
  db: DatabaseSync;
  folder: string;
  databaseFile: string;
  root: string;
  lines: string[];
  /** Closes the database and opens the archive again, as a restart does. */
  reopen(): Promise<Archive>;
  close(): void;
}

export async function createTestArchive(): Promise<TestArchive> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-archive-'));
  const databaseFile = path.join(folder, 'index.sqlite');
  const root = path.join(folder, 'archive');
  const { logger, lines } = createMemoryLogger();

  const open = async () => {
    const db = openDatabase(databaseFile, ARCHIVE_MIGRATIONS);
    const archive = await openArchive({ db, defaultRoot: root, logger });
    return { db, archive };
  };

  const first = await open();
  const fixture: TestArchive = {
    archive: first.archive,
    db: first.db,
    folder,
    databaseFile,
    root,
    lines,
    reopen: async () => {
      fixture.db.close();
      const next = await open();
      fixture.db = next.db;
      fixture.archive = next.archive;
      return next.archive;
    },
    close: () => {
      if (fixture.db.isOpen) fixture.db.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** A listed message as ANAF's client returns it, with defaults. */
export function listedMessage(
  overrides: Partial<ListedMessageInput> & { downloadId: string },
): ListedMessageInput {
  return {
    uploadIndex: `50${overrides.downloadId}`,
    createdAt: new Date('2025-01-15T10:32:00Z'),
    type: 'FACTURA PRIMITA',
    direction: 'received',
    details:
      'Factura cu id_incarcare=1 emisa de cif_emitent=1 pentru cif_beneficiar=2',
    ...overrides,
  };
}
