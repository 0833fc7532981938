// The `uploads` table keeps a note's sentences beside its English text in
// a real SQLite file: the migration gives older rows no sentences, and a
// change of the text alone clears sentences that described an older note.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { noteOf } from '../../../electron/core/upload/notes.ts';
import { UPLOAD_MIGRATIONS } from '../../../electron/core/upload/schema.ts';
import {
  toUploadRecord,
  UploadStore,
} from '../../../electron/core/upload/upload-store.ts';

let dir: string;
let db: DatabaseSync;
let store: UploadStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'note-store-'));
  db = openDatabase(path.join(dir, 'index.sqlite'), UPLOAD_MIGRATIONS);
  store = new UploadStore(db, () => Date.parse('2025-07-15T10:30:00Z'));
  store.insertAll([
    {
      id: 'up-1',
      fileName: 'f.xml',
      cif: '2816464',
      standard: 'UBL',
      sha256: 'ab',
      size: 10,
      selfBilled: false,
      sellerCif: '2816464',
      invoiceNumber: 'F-1',
      issueDate: '2025-07-15',
      replaces: null,
      duplicateOf: null,
    },
  ]);
});

afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('UploadStore notes', () => {
  it('starts without sentences', () => {
    expect(store.require('up-1').noteParts).toEqual([]);
  });

  it('stores the sentences of a note', () => {
    const note = noteOf('markedSent', { markedAt: '2025-07-15T10:30:00.000Z' });
    const stored = store.update('up-1', note);

    expect(stored.note).toBe(note.note);
    expect(toUploadRecord(stored).noteParts).toEqual(note.noteParts);
  });

  it('clears sentences when only the text changes', () => {
    store.update('up-1', noteOf('markedNotSent', {}));
    const stored = store.update('up-1', { note: null });

    expect(stored.noteParts).toEqual([]);
  });

  it('keeps sentences when the note is untouched', () => {
    store.update('up-1', noteOf('markedNotSent', {}));
    const stored = store.update('up-1', { state: 'queued' });

    expect(stored.noteParts.map((part) => part.kind)).toEqual([
      'markedNotSent',
    ]);
  });

  it('drops a note with an unknown kind', () => {
    store.update('up-1', noteOf('markedNotSent', {}));
    db.prepare('UPDATE uploads SET note_parts = ?').run(
      JSON.stringify([{ kind: 'fromANewerBuild', values: {} }]),
    );

    expect(store.require('up-1').noteParts).toEqual([]);
    expect(store.require('up-1').note).not.toBeNull();
  });

  it('records the migration', () => {
    const versions = db
      .prepare("SELECT version FROM schema_migrations WHERE owner = 'uploads'")
      .all()
      .map((row) => row.version);
    expect(versions).toEqual([1, 2, 3]);
  });
});
