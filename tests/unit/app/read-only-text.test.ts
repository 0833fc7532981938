import { describe, expect, it } from 'vitest';

import { i18next } from '../../../renderer/src/i18n/index.ts';
import { readOnlyText } from '../../../renderer/src/lib/read-only-text.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';

const tRo = i18next.getFixedT('ro');
const tEn = i18next.getFixedT('en');

const INFO: AppInfo = {
  name: 'e-Factura Desktop',
  version: '0.0.0-test',
  shell: 'browser',
  platform: 'linux',
  dataDir: '/data',
  readOnly: true,
  readOnlyReason: 'The data folder is in use by e-Factura browser shell.',
  readOnlyHolder: {
    program: 'e-Factura browser shell',
    pid: 17471,
    host: 'vm',
    startedAt: '2026-12-04T19:26:06.596Z',
  },
};

describe('readOnlyText', () => {
  it('shows Romania time in Romanian', () => {
    // 19:26 UTC is 21:26 in Bucharest in December (UTC+2).
    expect(readOnlyText(tRo, INFO, 'ro')).toContain('04.12.2026, 21:26');
  });

  it('hides the ISO timestamp', () => {
    expect(readOnlyText(tRo, INFO, 'ro')).not.toContain('2026-12-04T');
  });

  it('names the program in Romanian', () => {
    expect(readOnlyText(tRo, INFO, 'ro')).toContain('e-Factura pornită în browser');
  });

  it('names pid and host', () => {
    expect(readOnlyText(tRo, INFO, 'ro')).toContain('PID 17471 pe vm');
  });

  it('words it in English', () => {
    expect(readOnlyText(tEn, INFO, 'en')).toContain('in use by e-Factura running in the browser');
  });

  it('keeps an unknown program name', () => {
    const holder = { ...INFO.readOnlyHolder!, program: 'other tool' };
    const text = readOnlyText(tEn, { ...INFO, readOnlyHolder: holder }, 'en');
    expect(text).toContain('in use by other tool');
  });

  it('omits a missing start time', () => {
    const holder = { ...INFO.readOnlyHolder!, startedAt: '' };
    const text = readOnlyText(tRo, { ...INFO, readOnlyHolder: holder }, 'ro');
    expect(text).not.toContain('pornit la');
  });

  it('words an unreadable lock file', () => {
    const { readOnlyHolder: _holder, ...info } = INFO;
    expect(readOnlyText(tRo, info, 'ro')).toContain('alt proces');
  });

  it('returns null when writable', () => {
    expect(readOnlyText(tRo, { ...INFO, readOnly: false }, 'ro')).toBeNull();
  });
});
