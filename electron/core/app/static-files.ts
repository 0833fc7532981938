/**
 * Resolves a request path to a file of the built renderer, for the `app://`
 * handler and the browser shell. A path that leaves the folder (`..`,
 * encoded separators, absolute paths) resolves to nothing; unknown paths
 * without an extension fall back to `index.html` for client-side routes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPES } from './csp.ts';

export interface StaticFile {
  file: string;
  contentType: string;
}

export function resolveStaticFile(root: string, requestPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  if (relative.startsWith('..')) return null;
  const base = path.resolve(root);
  let file = path.resolve(base, relative || 'index.html');
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    if (path.extname(relative) !== '') return null;
    file = path.join(base, 'index.html');
  }
  const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  return { file, contentType };
}
