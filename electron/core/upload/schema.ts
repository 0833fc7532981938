/**
 * The `uploads` table: one row per file the user submitted, written before
 * anything is sent, so that a crash never loses an upload and a restart
 * can tell which ones were already on their way to ANAF.
 */
import type { Migration } from '../db/database.ts';

export const UPLOAD_MIGRATIONS: Migration[] = [
  {
    owner: 'uploads',
    version: 1,
    apply: (db) =>
      db.exec(`
        CREATE TABLE uploads (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          file_name TEXT NOT NULL,
          cif TEXT NOT NULL,
          standard TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          size INTEGER NOT NULL,
          self_billed INTEGER NOT NULL DEFAULT 0,
          seller_cif TEXT,
          invoice_number TEXT,
          issue_date TEXT,
          state TEXT NOT NULL,
          upload_index TEXT,
          message_id TEXT,
          errors TEXT NOT NULL DEFAULT '[]',
          duplicate_of TEXT,
          duplicate_of_index TEXT,
          replaces TEXT,
          note TEXT,
          status_checks INTEGER NOT NULL DEFAULT 0,
          sent_at INTEGER,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX uploads_by_cif ON uploads (cif, seq);
        CREATE INDEX uploads_by_state ON uploads (state, seq);
        CREATE INDEX uploads_by_hash ON uploads (sha256);
        CREATE INDEX uploads_by_index ON uploads (upload_index);
      `),
  },
  {
    // When the user marked a lost upload as filed after checking SPV. The
    // app still looks for ANAF's verdict, so the mark is not the outcome.
    owner: 'uploads',
    version: 2,
    apply: (db) =>
      db.exec('ALTER TABLE uploads ADD COLUMN marked_sent_at INTEGER'),
  },
  {
    // The note's sentences as kinds with values (JSON), which the renderer
    // words in the interface language. Older notes keep only their English
    // text, which the renderer shows as it is.
    owner: 'uploads',
    version: 3,
    apply: (db) =>
      db.exec(
        "ALTER TABLE uploads ADD COLUMN note_parts TEXT NOT NULL DEFAULT '[]'",
      ),
  },
];
