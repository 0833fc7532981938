import { describe, expect, test } from 'vitest';

import { i18next } from '../../../renderer/src/i18n/index.ts';
import { ApiError } from '../../../renderer/src/ipc/api.ts';
import { localizeError } from '../../../renderer/src/lib/error-text.ts';

const tRo = i18next.getFixedT('ro');
const tEn = i18next.getFixedT('en');
const REASONS = [
  'folderSpecialFileSystem',
  'folderNotDirectory',
  'folderNotWritable',
  'folderReadOnly',
  'diskFull',
];

function folderError(reason: string): ApiError {
  return new ApiError('input.invalid', 'Main wrote this in English.', {
    reason,
    folder: '/sys/nope2',
  });
}

describe('folder error text', () => {
  test.each(REASONS)('%s names the folder in Romanian', (reason) => {
    const { message } = localizeError(tRo, folderError(reason));
    expect(message).toContain('„/sys/nope2”');
  });

  test.each(REASONS)('%s names the folder in English', (reason) => {
    const { message } = localizeError(tEn, folderError(reason));
    expect(message).toContain('“/sys/nope2”');
  });
});

describe('no keychain error text', () => {
  const noKeychain = (): ApiError =>
    new ApiError('storage.unavailable', 'Main wrote this in English.', {
      reason: 'noKeychain',
    });

  test('hint names --insecure-storage in Romanian', () => {
    const { hint } = localizeError(tRo, noKeychain());
    expect(hint).toContain('--insecure-storage');
  });

  test('hint names GNOME Keyring in English', () => {
    const { hint } = localizeError(tEn, noKeychain());
    expect(hint).toContain('GNOME Keyring');
  });

  test('message names the keychain', () => {
    const { message } = localizeError(tRo, noKeychain());
    expect(message).toContain('keychain');
  });
});
