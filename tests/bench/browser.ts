/**
 * What the browser benchmarks share: the repository root and how to start
 * Debian's Chromium, with the flags the end-to-end tests use.
 */
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Same flags as playwright.config.ts; Playwright's own browser is never used. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}
