import { describe, expect, it } from 'vitest';

import { createSettingsService } from '../../../electron/core/app/settings-service.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';

/** A store whose every write fails with the given errno code. */
function failingStore(code: string) {
  return {
    read: () => ({}),
    write: () => {
      throw Object.assign(new Error(`${code}: write failed`), {
        code,
        path: '/data/efactura/settings.json.tmp',
      });
    },
  };
}

describe('settings update write errors', () => {
  const cases = [
    ['EACCES', 'folderNotWritable'],
    ['EPERM', 'folderNotWritable'],
    ['EROFS', 'folderReadOnly'],
    ['ENOSPC', 'diskFull'],
  ] as const;

  for (const [code, reason] of cases) {
    it(`maps ${code} to ${reason}`, () => {
      const settings = createSettingsService(failingStore(code), createMemoryLogger().logger);
      expect(() => settings.update({ environment: 'anaf' })).toThrow(
        expect.objectContaining({
          code: 'input.invalid',
          details: { reason, folder: '/data/efactura' },
        }),
      );
    });
  }

  it('keeps the old settings after a failed write', () => {
    const settings = createSettingsService(failingStore('EACCES'), createMemoryLogger().logger);
    const before = settings.get();
    expect(() => settings.update({ environment: 'anaf' })).toThrow();
    expect(settings.get()).toBe(before);
  });
});
