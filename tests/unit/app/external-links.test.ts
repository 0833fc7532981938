import { describe, expect, it } from 'vitest';
import { createExternalLinkOpener } from '../../../electron/core/app/external-links.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';

function setUp() {
  const opened: string[] = [];
  const memory = createMemoryLogger();
  const openLink = createExternalLinkOpener(async (url) => {
    opened.push(url);
  }, memory.logger);
  return { opened, openLink, lines: memory.lines };
}

describe('external link opener', () => {
  it('opens an https link', async () => {
    const { opened, openLink } = setUp();
    await openLink('https://www.anaf.ro/');
    expect(opened).toEqual(['https://www.anaf.ro/']);
  });

  it.each([
    'http://www.anaf.ro/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id',
    'https://user:pass@example.ro/',
    'not a url',
  ])('refuses %s', async (url) => {
    const { opened, openLink, lines } = setUp();
    await expect(openLink(url)).rejects.toMatchObject({ code: 'input.invalid' });
    expect(opened).toEqual([]);
    expect(lines.some((line) => line.includes('Refused'))).toBe(true);
  });
});
