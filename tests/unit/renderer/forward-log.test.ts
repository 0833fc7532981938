// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EfacturaApi } from '../../../shared/ipc/api.ts';

const logWrite = vi.fn(async () => ({ ok: true as const, value: null }));

beforeEach(() => {
  logWrite.mockClear();
  vi.resetModules();
  window.efactura = { logWrite } as unknown as EfacturaApi;
});

describe('renderer log forwarding', () => {
  it('sends an uncaught error to main', async () => {
    const { forwardRendererErrors } = await import('../../../renderer/src/ipc/forward-log.ts');
    forwardRendererErrors();
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom', filename: 'app.js', lineno: 7 }));
    expect(logWrite).toHaveBeenCalledWith({ level: 'error', message: 'Uncaught error: boom at app.js:7' });
  });

  it('stops after twenty lines a minute', async () => {
    const { logToMain } = await import('../../../renderer/src/ipc/forward-log.ts');
    for (let line = 0; line < 50; line += 1) logToMain('warn', `line ${line}`);
    expect(logWrite).toHaveBeenCalledTimes(20);
  });
});
