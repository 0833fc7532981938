/**
 * Turns dropped or picked files into what `uploads.check` and
 * `uploads.submit` accept: XML files only, each at most ANAF's 10 MB, read as
 * bytes and encoded as base64. Runs in the renderer, before anything is sent.
 */
import type { UploadFileInput } from '../../../../shared/domain.ts';
import { MAX_UPLOAD_BYTES } from '../../../../shared/ipc/contract.ts';

/** Why a file was set aside before anything was sent to main. */
export type LocalProblemCode = 'notXml' | 'tooLarge' | 'empty' | 'unreadable';

export interface LocalRejection {
  name: string;
  size: number;
  code: LocalProblemCode;
}

/** A file read into memory and ready to be checked by main. */
export interface PreparedFile extends UploadFileInput {
  size: number;
}

/** The part of `File` this module reads, so tests can pass plain objects. */
export interface ReadableFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function isXmlFileName(name: string): boolean {
  return /\.xml$/i.test(name.trim());
}

/** Returns the reason a file cannot be sent, or null when it may be read. */
export function screenFile(file: { name: string; size: number }): LocalProblemCode | null {
  if (!isXmlFileName(file.name)) return 'notXml';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
}

/** Chunk size for `String.fromCharCode`, which takes its bytes as arguments. */
const CHARCODE_CHUNK = 0x8000;

/** Encodes bytes as standard base64 (with padding), without Node's Buffer. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHARCODE_CHUNK) {
    const chunk = bytes.subarray(start, start + CHARCODE_CHUNK);
    binary += String.fromCharCode(...chunk);
  }
  return btoa(binary);
}

/**
 * Screens and reads the files. The size is checked before reading, so a file
 * over the cap is never loaded into memory.
 */
export async function prepareFiles(
  files: readonly ReadableFile[],
): Promise<{ prepared: PreparedFile[]; rejected: LocalRejection[] }> {
  const prepared: PreparedFile[] = [];
  const rejected: LocalRejection[] = [];
  for (const file of files) {
    const problem = screenFile(file);
    if (problem) {
      rejected.push({ name: file.name, size: file.size, code: problem });
      continue;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      prepared.push({ name: file.name, size: bytes.length, base64: bytesToBase64(bytes) });
    } catch {
      rejected.push({ name: file.name, size: file.size, code: 'unreadable' });
    }
  }
  return { prepared, rejected };
}

/**
 * Base64 characters per call. The browser shell accepts WebSocket messages up
 * to 16 MiB, so one call carries at most about 12 MiB of base64 plus its JSON
 * envelope. A single file of 10 MB (about 13.4 MiB of base64) still goes
 * alone in its own call.
 */
export const MAX_BASE64_PER_CALL = 12 * 1024 * 1024;

/** Splits files into calls that respect both the per-call size and file count. */
export function batchFiles<T extends UploadFileInput>(
  files: readonly T[],
  maxFiles: number,
  maxBase64: number = MAX_BASE64_PER_CALL,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let currentSize = 0;
  for (const file of files) {
    const size = file.base64.length;
    const full = current.length >= maxFiles || (current.length > 0 && currentSize + size > maxBase64);
    if (full) {
      batches.push(current);
      current = [];
      currentSize = 0;
    }
    current.push(file);
    currentSize += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Strips a `PreparedFile` down to the contract's input. */
export function toUploadInput(file: PreparedFile): UploadFileInput {
  return { name: file.name, base64: file.base64 };
}
