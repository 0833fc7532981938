/**
 * The exact bytes of each submitted file, kept at `uploads/<id>.xml` in the
 * data folder (user-only, written atomically) before its row is inserted.
 * Sending reads them from here, so a restart sends what the user dropped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../data/files.ts';

export const UPLOADS_DIR = 'uploads';

/** Upload ids are UUIDs; anything else is never turned into a path. */
const ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class UploadBodies {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = path.join(dataDir, UPLOADS_DIR);
  }

  save(id: string, bytes: Uint8Array): void {
    writeFileAtomic(this.#file(id), bytes);
  }

  /** Returns the stored bytes, or null when the file is gone. */
  read(id: string): Uint8Array | null {
    try {
      return new Uint8Array(fs.readFileSync(this.#file(id)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  remove(id: string): void {
    fs.rmSync(this.#file(id), { force: true });
  }

  /**
   * Deletes files no row refers to: bodies saved by a submission that
   * crashed before its rows were inserted, and temporary files of an
   * interrupted atomic write. Returns the names deleted.
   */
  removeOrphans(knownIds: ReadonlySet<string>): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.#dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const removed: string[] = [];
    for (const name of names) {
      const id = name.endsWith('.xml') ? name.slice(0, -4) : null;
      if (id !== null && knownIds.has(id)) continue;
      if (!name.endsWith('.xml') && !name.endsWith('.tmp')) continue;
      fs.rmSync(path.join(this.#dir, name), { force: true });
      removed.push(name);
    }
    return removed;
  }

  #file(id: string): string {
    if (!ID_PATTERN.test(id)) {
      throw new TypeError(`Invalid upload id "${id}": expected a UUID.`);
    }
    return path.join(this.#dir, `${id}.xml`);
  }
}
