/**
 * Downloads in the browser shell: a file the user asked for is written to
 * the data folder's `downloads/` (0600) under a random single-use token, and
 * the renderer fetches `/download/<token>` as an ordinary browser download.
 * The token is the capability: 32 random bytes, valid once, for ten minutes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { DeliverableFile, DeliveredFile } from '../core/app/file-delivery.ts';
import { ensureDir } from '../core/data/files.ts';
import type { Logger } from '../core/log/logger.ts';

const TOKEN_LIFETIME_MS = 10 * 60 * 1000;
const TOKEN_PATTERN = /^\/download\/([A-Za-z0-9_-]{43})$/;

interface Offer {
  file: string;
  fileName: string;
  mimeType: string;
  expiresAt: number;
}

export class DownloadOffers {
  readonly #dir: string;
  readonly #logger: Logger;
  readonly #offers = new Map<string, Offer>();

  constructor(dir: string, logger: Logger) {
    this.#dir = dir;
    this.#logger = logger.child('downloads');
  }

  async offer(file: DeliverableFile): Promise<DeliveredFile> {
    this.#expire();
    ensureDir(this.#dir);
    const token = randomBytes(32).toString('base64url');
    const target = path.join(this.#dir, token);
    await file.write(target);
    this.#offers.set(token, {
      file: target,
      fileName: file.fileName,
      mimeType: file.mimeType,
      expiresAt: Date.now() + TOKEN_LIFETIME_MS,
    });
    this.#logger.info('Offered a download', { fileName: file.fileName });
    return { savedTo: null, downloadUrl: `/download/${token}` };
  }

  /** Serves `/download/<token>` once; returns false for any other path. */
  handle(request: http.IncomingMessage, response: http.ServerResponse, headers: Record<string, string>): boolean {
    const match = TOKEN_PATTERN.exec(request.url ?? '');
    if (!match?.[1]) return false;
    this.#expire();
    const offer = this.#offers.get(match[1]);
    if (!offer || request.method !== 'GET') {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('This download has expired; save the file again.');
      return true;
    }
    this.#offers.delete(match[1]);
    response.writeHead(200, {
      ...headers,
      'Content-Type': offer.mimeType,
      'Content-Disposition': `attachment; filename="${offer.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(offer.fileName)}`,
      'Cache-Control': 'no-store',
    });
    const stream = fs.createReadStream(offer.file);
    stream.on('error', () => response.destroy());
    stream.on('close', () => fs.rmSync(offer.file, { force: true }));
    stream.pipe(response);
    return true;
  }

  #expire(): void {
    const now = Date.now();
    for (const [token, offer] of this.#offers) {
      if (offer.expiresAt <= now) {
        this.#offers.delete(token);
        fs.rmSync(offer.file, { force: true });
      }
    }
  }

  clear(): void {
    for (const offer of this.#offers.values()) fs.rmSync(offer.file, { force: true });
    this.#offers.clear();
  }
}
