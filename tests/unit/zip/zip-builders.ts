/**
 * Test ZIPs built with yazl at test time, and byte patches for what yazl
 * refuses to write: path-traversal names, lying size fields, flags.
 */
import yazl from 'yazl';

export interface ZipMember {
  name: string;
  data: Uint8Array | string;
  /** Deflate the entry (the default) or store it as is. */
  compress?: boolean;
}

export async function buildZip(members: ZipMember[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const member of members) {
    const data =
      typeof member.data === 'string'
        ? Buffer.from(member.data, 'utf8')
        : Buffer.from(member.data);
    zip.addBuffer(data, member.name, {
      compress: member.compress ?? true,
      mtime: new Date('2025-01-15T10:00:00Z'),
    });
  }
  zip.end();

  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

interface EntryOffsets {
  centralHeader: number;
  localHeader: number;
  name: string;
}

/** Walks the central directory (no ZIP comment, no ZIP64). */
function entryOffsets(zip: Uint8Array): EntryOffsets[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  const endRecord = view.length - 22;
  if (view.readUInt32LE(endRecord) !== 0x06054b50) {
    throw new Error(
      'test ZIP has no end of central directory record at the end',
    );
  }
  const count = view.readUInt16LE(endRecord + 10);
  let offset = view.readUInt32LE(endRecord + 16);

  const entries: EntryOffsets[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const commentLength = view.readUInt16LE(offset + 32);
    entries.push({
      centralHeader: offset,
      localHeader: view.readUInt32LE(offset + 42),
      name: view.toString('latin1', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEntry(zip: Uint8Array, name: string): EntryOffsets {
  const entry = entryOffsets(zip).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`test ZIP has no entry ${name}`);
  return entry;
}

/**
 * Builds a ZIP whose entry is named `unsafeName` (which yazl refuses) by
 * writing a placeholder of the same length and patching both headers.
 */
export async function buildZipWithRawName(
  unsafeName: string,
  data: string,
  others: ZipMember[] = [],
): Promise<Uint8Array> {
  const placeholder = 'p'.repeat(Buffer.byteLength(unsafeName, 'latin1'));
  const zip = await buildZip([...others, { name: placeholder, data }]);
  const entry = findEntry(zip, placeholder);
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  view.write(unsafeName, entry.centralHeader + 46, 'latin1');
  view.write(unsafeName, entry.localHeader + 30, 'latin1');
  return zip;
}

/** Overwrites the uncompressed size that both headers declare for an entry. */
export function setDeclaredSize(
  zip: Uint8Array,
  name: string,
  size: number,
): void {
  const entry = findEntry(zip, name);
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  view.writeUInt32LE(size, entry.centralHeader + 24);
  view.writeUInt32LE(size, entry.localHeader + 22);
}

/** Sets bit 0 (encrypted) of the general purpose flags in both headers. */
export function markEncrypted(zip: Uint8Array, name: string): void {
  const entry = findEntry(zip, name);
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  view.writeUInt16LE(
    view.readUInt16LE(entry.centralHeader + 8) | 1,
    entry.centralHeader + 8,
  );
  view.writeUInt16LE(
    view.readUInt16LE(entry.localHeader + 6) | 1,
    entry.localHeader + 6,
  );
}

/** Offset of an entry's data, after its local header. */
export function dataOffset(zip: Uint8Array, name: string): number {
  const entry = findEntry(zip, name);
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
  const nameLength = view.readUInt16LE(entry.localHeader + 26);
  const extraLength = view.readUInt16LE(entry.localHeader + 28);
  return entry.localHeader + 30 + nameLength + extraLength;
}
