import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect } from 'vitest';

import type { Result } from '../../../shared/result.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const INVOICE_FIXTURES = path.resolve(
  REPO_ROOT,
  '../shared/fixtures/invoices',
);
export const HOSTILE_FIXTURES = path.resolve(
  REPO_ROOT,
  'tests/fixtures/hostile',
);

/** Every shared invoice fixture as `folder/file.xml`. */
export function listInvoiceFixtures(): string[] {
  return readdirSync(INVOICE_FIXTURES).flatMap((folder) =>
    readdirSync(path.join(INVOICE_FIXTURES, folder))
      .filter((file) => file.endsWith('.xml'))
      .map((file) => `${folder}/${file}`),
  );
}

export function readInvoiceFixture(relativePath: string): Uint8Array {
  return readFileSync(path.join(INVOICE_FIXTURES, relativePath));
}

export function readHostileFixture(file: string): Uint8Array {
  return readFileSync(path.join(HOSTILE_FIXTURES, file));
}

/** Returns the value of a successful result, failing the test otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) {
    expect.fail(
      `expected success, got ${result.error.code}: ${result.error.message}`,
    );
  }
  return result.value;
}

/** Returns the error of a failed result, failing the test otherwise. */
export function expectFailure<T>(result: Result<T>) {
  if (result.ok) expect.fail('expected a failure, got a value');
  return result.error;
}
