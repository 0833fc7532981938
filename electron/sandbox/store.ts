// The sandbox's state: in memory by default, or in a folder that survives
// restarts. Records go to `state.json` (written atomically, shortly after a
// change and on close); document bytes and built ZIPs go to `blobs/`.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DailyCounters } from './limits.ts';
import type {
  EtransportRecord,
  MessageRecord,
  TokenRecord,
  UploadRecord,
} from './records.ts';

const STATE_VERSION = 1;
const SAVE_DELAY_MS = 200;

interface SavedState {
  version: number;
  clientId: string;
  clientSecret: string;
  seeded: boolean;
  /** How far the admin has moved the sandbox's clock ahead. */
  clockOffsetMs: number;
  nextUploadIndex: number;
  nextDownloadId: number;
  nextEtransportIndex: number;
  uploads: UploadRecord[];
  messages: MessageRecord[];
  etransport: EtransportRecord[];
  tokens: TokenRecord[];
  daily: Record<string, number>;
}

export interface StoreSeed {
  clientId: string;
  clientSecret: string;
  firstUploadIndex: number;
  firstDownloadId: number;
  firstEtransportIndex: number;
}

/** Bytes kept beside the records: upload bodies, error documents, ZIPs. */
interface Blobs {
  put(key: string, bytes: Buffer): void;
  get(key: string): Buffer | null;
}

function memoryBlobs(): Blobs {
  const map = new Map<string, Buffer>();
  return {
    put: (key, bytes) => void map.set(key, bytes),
    get: (key) => map.get(key) ?? null,
  };
}

function folderBlobs(dir: string): Blobs {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pathOf = (key: string): string => {
    if (!/^[\w.-]+$/.test(key)) throw new Error(`Invalid blob key "${key}"`);
    return join(dir, key);
  };
  return {
    put: (key, bytes) => writeFileSync(pathOf(key), bytes, { mode: 0o600 }),
    get: (key) => {
      const path = pathOf(key);
      return existsSync(path) ? readFileSync(path) : null;
    },
  };
}

export class SandboxStore {
  readonly daily: DailyCounters;
  private readonly state: SavedState;
  private readonly blobs: Blobs;
  private readonly statePath: string | null;
  private saveTimer: NodeJS.Timeout | null = null;
  private readonly uploadsByIndex = new Map<string, UploadRecord>();
  private readonly messagesById = new Map<string, MessageRecord>();
  private readonly tokensByHash = new Map<string, TokenRecord>();

  /** Opens the state in `dir`, or creates it there (or in memory) from `seed`. */
  constructor(dir: string | null, seed: StoreSeed) {
    this.statePath = dir ? join(dir, 'state.json') : null;
    this.blobs = dir ? folderBlobs(join(dir, 'blobs')) : memoryBlobs();
    this.state = this.load() ?? {
      version: STATE_VERSION,
      clientId: seed.clientId,
      clientSecret: seed.clientSecret,
      seeded: false,
      clockOffsetMs: 0,
      nextUploadIndex: seed.firstUploadIndex,
      nextDownloadId: seed.firstDownloadId,
      nextEtransportIndex: seed.firstEtransportIndex,
      uploads: [],
      messages: [],
      etransport: [],
      tokens: [],
      daily: {},
    };
    this.daily = new DailyCounters(this.state.daily);
    for (const upload of this.state.uploads)
      this.uploadsByIndex.set(upload.index, upload);
    for (const message of this.state.messages)
      this.messagesById.set(message.id, message);
    for (const token of this.state.tokens)
      this.tokensByHash.set(token.hash, token);
  }

  get clientId(): string {
    return this.state.clientId;
  }

  get clientSecret(): string {
    return this.state.clientSecret;
  }

  /** Replaces the stored client credentials with configured ones. */
  setClient(clientId: string, clientSecret: string): void {
    if (
      this.state.clientId === clientId &&
      this.state.clientSecret === clientSecret
    )
      return;
    this.state.clientId = clientId;
    this.state.clientSecret = clientSecret;
    this.changed();
  }

  get seeded(): boolean {
    return this.state.seeded;
  }

  get clockOffsetMs(): number {
    return this.state.clockOffsetMs;
  }

  setClockOffset(offsetMs: number): void {
    this.state.clockOffsetMs = offsetMs;
    this.changed();
  }

  markSeeded(): void {
    this.state.seeded = true;
    this.changed();
  }

  newUploadIndex(): string {
    const index = this.state.nextUploadIndex;
    this.state.nextUploadIndex += 1;
    return String(index);
  }

  newDownloadId(): string {
    const id = this.state.nextDownloadId;
    this.state.nextDownloadId += 1;
    return String(id);
  }

  newEtransportIndex(): number {
    const index = this.state.nextEtransportIndex;
    this.state.nextEtransportIndex += 1;
    return index;
  }

  addUpload(upload: UploadRecord, body: Buffer): void {
    this.state.uploads.push(upload);
    this.uploadsByIndex.set(upload.index, upload);
    this.blobs.put(`upload-${upload.index}.xml`, body);
    this.changed();
  }

  upload(index: string): UploadRecord | null {
    return this.uploadsByIndex.get(index) ?? null;
  }

  /** Returns every upload in upload order. */
  uploads(): readonly UploadRecord[] {
    return this.state.uploads;
  }

  uploadBody(index: string): Buffer | null {
    return this.blobs.get(`upload-${index}.xml`);
  }

  putDocument(uploadIndex: string, document: Buffer): void {
    this.blobs.put(`document-${uploadIndex}.xml`, document);
  }

  /** Returns the file a download contains: the error document of a `nok`, else the upload. */
  messageDocument(uploadIndex: string): Buffer | null {
    return (
      this.blobs.get(`document-${uploadIndex}.xml`) ??
      this.uploadBody(uploadIndex)
    );
  }

  zip(key: string): Buffer | null {
    return this.blobs.get(`zip-${key}.zip`);
  }

  putZip(key: string, zip: Buffer): void {
    this.blobs.put(`zip-${key}.zip`, zip);
  }

  addMessage(message: MessageRecord): void {
    this.state.messages.push(message);
    this.messagesById.set(message.id, message);
    this.changed();
  }

  message(id: string): MessageRecord | null {
    return this.messagesById.get(id) ?? null;
  }

  messages(): readonly MessageRecord[] {
    return this.state.messages;
  }

  addEtransport(record: EtransportRecord): void {
    this.state.etransport.push(record);
    this.changed();
  }

  etransport(): readonly EtransportRecord[] {
    return this.state.etransport;
  }

  addToken(token: TokenRecord): void {
    this.state.tokens.push(token);
    this.tokensByHash.set(token.hash, token);
    this.changed();
  }

  token(hash: string): TokenRecord | null {
    return this.tokensByHash.get(hash) ?? null;
  }

  /** Counts a call against a daily limit; false once the limit is reached. */
  countDaily(name: string, subject: string, limit: number, now: Date): boolean {
    const counted = this.daily.tryCount(name, subject, limit, now);
    if (counted) this.changed();
    return counted;
  }

  /** Call after changing a record in place, so that it is saved. */
  changed(): void {
    if (!this.statePath || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Writes the state now (a temporary file, then a rename). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.statePath) return;
    this.state.daily = this.daily.toJSON();
    const temporary = `${this.statePath}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state), { mode: 0o600 });
    renameSync(temporary, this.statePath);
  }

  private load(): SavedState | null {
    if (!this.statePath || !existsSync(this.statePath)) return null;
    const saved = JSON.parse(
      readFileSync(this.statePath, 'utf8'),
    ) as SavedState;
    if (saved.version !== STATE_VERSION) {
      throw new Error(
        `Unsupported sandbox state version ${saved.version} in ${this.statePath}; remove the folder to start afresh`,
      );
    }
    return saved;
  }
}
