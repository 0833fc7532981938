// The external-link opener as the renderer reaches it: the
// `shell.openExternal` channel of the contract, through the dispatcher, to
// the platform's opener. Only https links may reach the operating system,
// and a refused link is logged without its query string.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { createTestCore } from '../../helpers/app-core.ts';
import { codeOf } from './result-code.ts';

function setUp() {
  const test = createTestCore();
  const memory = createMemoryLogger();
  const dispatch = createDispatcher(test.core.handlers, memory.logger);
  const open = (url: unknown) =>
    dispatch(
      'shell.openExternal',
      { url },
      { shell: 'browser', sender: 'test' },
    );
  return { open, opened: test.opened, coreLines: test.lines };
}

describe('external links through the contract', () => {
  it('opens an https link', async () => {
    const { open, opened } = setUp();
    const result = await open('https://www.anaf.ro/anaf/internet/ANAF/');
    expect(result.ok).toBe(true);
    expect(opened).toEqual(['https://www.anaf.ro/anaf/internet/ANAF/']);
  });

  it.each([
    'http://www.anaf.ro/',
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://server/share/payload.exe',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=invoice',
    'app://efactura/index.html',
    'chrome://settings',
    'https://user:secret@www.anaf.ro/',
    '//www.anaf.ro/',
    '/relative/path',
    ' javascript:alert(1)',
    '',
  ])('refuses %j', async (url) => {
    const { open, opened } = setUp();
    const result = await open(url);
    expect(codeOf(result)).toBe('input.invalid');
    expect(opened).toEqual([]);
  });

  it('refuses a link longer than the schema allows', async () => {
    const { open, opened } = setUp();
    const result = await open(`https://www.anaf.ro/${'a'.repeat(3000)}`);
    expect(codeOf(result)).toBe('input.invalid');
    expect(opened).toEqual([]);
  });

  it('refusal is logged', async () => {
    const { open, coreLines } = setUp();
    await open('http://www.anaf.ro/');
    expect(
      coreLines.some((line) => line.includes('Refused to open a link')),
    ).toBe(true);
  });

  it('refusal log has no query string', async () => {
    const { open, coreLines } = setUp();
    await open('http://localhost:9002/callback?code=c0de5ecret42&state=x');
    expect(coreLines.join('\n')).not.toContain('c0de5ecret42');
  });

  it('opening log has no query string', async () => {
    const { open, coreLines } = setUp();
    await open('https://www.anaf.ro/page?token=t0ken5ecret42');
    expect(coreLines.join('\n')).not.toContain('t0ken5ecret42');
  });
});
