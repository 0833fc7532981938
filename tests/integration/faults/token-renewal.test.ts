// An access token that the sandbox stops accepting before the app expects:
// the app must refresh after the 401 and retry, not only the first time.
// The sandbox's clock runs 10 s ahead and its tokens live 2 s. So the app
// reads a 12 s lifetime from each token and would refresh it after 10 s,
// but the sandbox rejects it after 2 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAndFollow, openCore, type CoreHandle } from './core-harness.ts';

const CONTEXT = { shell: 'browser' as const, sender: 'token-renewal' };

let dataDir: string;
let handle: CoreHandle;
let accountId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'efactura-token-renewal-'));
  handle = openCore({
    dataDir,
    sandbox: {
      accessTokenLifetimeSeconds: 2,
      now: () => new Date(Date.now() + 10_000),
      rateLimit: 1000,
    },
  });
  ({ accountId } = await loginAndFollow(handle, 1));
});

afterAll(async () => {
  await handle?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('token rejected before its expiry', () => {
  it('refreshes after each 401', { timeout: 30_000 }, async () => {
    for (const round of [1, 2, 3]) {
      // Each wait outlasts the token the previous round ended with.
      await delay(2_500);
      const result = await handle.dispatch(
        'accounts.testConnection',
        { accountId },
        CONTEXT,
      );
      const problem = result.ok ? '' : result.error.message;
      expect(result.ok, `round ${round}: ${problem}`).toBe(true);
    }
    const refreshes = handle.logLines.filter((line) =>
      line.includes('Refreshed the tokens'),
    );
    expect(refreshes).toHaveLength(3);
  });
});
