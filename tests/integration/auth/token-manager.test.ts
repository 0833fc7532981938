import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryAccountStore } from '../../../electron/core/auth/accounts.ts';
import { AuthService } from '../../../electron/core/auth/auth-service.ts';
import { TokenClient } from '../../../electron/core/auth/token-client.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import { MemoryVault } from '../../../electron/core/vault/memory-vault.ts';
import {
  TOKENS,
  type SecretVault,
} from '../../../electron/core/vault/vault.ts';
import { AppFailure } from '../../../shared/result.ts';
import { startAuthSandbox, type AuthSandbox } from './sandbox-fixture.ts';

const ACCESS_SECONDS = 600;
const REFRESH_SECONDS = 3600;

/** A memory vault that records every write of the token pair. */
class CountingVault extends MemoryVault implements SecretVault {
  tokenWrites: string[] = [];

  override async set(accountId: string, name: string, value: string) {
    if (name === TOKENS) this.tokenWrites.push(value);
    await super.set(accountId, name, value);
  }
}

let env: AuthSandbox;
let service: AuthService;
let vault: CountingVault;
let accountId: string;
const { logger } = createMemoryLogger();

beforeAll(async () => {
  env = await startAuthSandbox({
    accessTokenLifetimeSeconds: ACCESS_SECONDS,
    refreshTokenLifetimeSeconds: REFRESH_SECONDS,
  });
});

afterAll(async () => {
  await env.close();
});

beforeEach(async () => {
  await env.admin('DELETE', '/faults');
  await env.admin('PATCH', '/settings', { oldRefreshTokenValid: true });
  vault = new CountingVault();
  const accounts = new MemoryAccountStore();
  service = new AuthService({
    accounts,
    vault,
    logger,
    idps: { sandbox: env.idp },
    now: () => env.sandbox.now().getTime(),
  });
  const { info } = env.sandbox;
  const account = await service.addAccount({
    provider: 'sandbox',
    label: 'Sandbox',
    clientId: info.clientId,
    clientSecret: info.clientSecret,
    redirectUri: info.redirectUri,
  });
  accountId = account.id;
  await service.loginWithSandboxCertificate(accountId, info.certificates[0]!);
  vault.tokenWrites = [];
});

/** Moves the sandbox's clock, which the service also reads, to refresh time. */
function moveToRefreshTime(): void {
  env.sandbox.advanceClock((ACCESS_SECONDS - 30) * 1000);
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof AppFailure ? error.code : String(error);
}

describe('TokenManager against the sandbox', () => {
  it('returns the stored token before refresh time', async () => {
    const source = service.tokenSource(accountId);
    const first = await source.accessToken();
    expect(await source.accessToken()).toBe(first);
  });

  it('refreshes when the refresh is due', async () => {
    const source = service.tokenSource(accountId);
    const before = await source.accessToken();
    moveToRefreshTime();
    expect(await source.accessToken()).not.toBe(before);
  });

  it('stores both rotated tokens in one write', async () => {
    const source = service.tokenSource(accountId);
    moveToRefreshTime();
    const access = await source.accessToken();
    expect(vault.tokenWrites).toHaveLength(1);
    const stored = JSON.parse(vault.tokenWrites[0]!) as Record<string, string>;
    expect(stored.accessToken).toBe(access);
  });

  it('stores the rotated refresh token', async () => {
    const before = JSON.parse(
      (await vault.get(accountId, TOKENS))!,
    ).refreshToken;
    moveToRefreshTime();
    await service.tokenSource(accountId).accessToken();
    const after = JSON.parse(
      (await vault.get(accountId, TOKENS))!,
    ).refreshToken;
    expect(after).not.toBe(before);
  });

  it('shares one refresh among concurrent callers', async () => {
    const source = service.tokenSource(accountId);
    await source.accessToken();
    moveToRefreshTime();
    const before = (await env.tokenStatuses())['200'] ?? 0;
    const tokens = await Promise.all(
      Array.from({ length: 5 }, () => source.accessToken()),
    );
    expect((await env.tokenStatuses())['200']).toBe(before + 1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('refreshes after a rejection', async () => {
    const source = service.tokenSource(accountId);
    const rejected = await source.accessToken();
    const next = await source.refreshAfterRejection(rejected);
    expect(next).not.toBe(rejected);
  });

  it('returns null when a fresh token is rejected', async () => {
    const source = service.tokenSource(accountId);
    const first = await source.accessToken();
    const refreshed = await source.refreshAfterRejection(first);
    expect(await source.refreshAfterRejection(refreshed!)).toBeNull();
  });

  it('returns the newer token for a stale rejection', async () => {
    const source = service.tokenSource(accountId);
    const old = await source.accessToken();
    const refreshed = await source.refreshAfterRejection(old);
    expect(await source.refreshAfterRejection(old)).toBe(refreshed);
  });

  it('shares one refresh among concurrent rejections', async () => {
    const source = service.tokenSource(accountId);
    const rejected = await source.accessToken();
    const before = (await env.tokenStatuses())['200'] ?? 0;
    await Promise.all([
      source.refreshAfterRejection(rejected),
      source.refreshAfterRejection(rejected),
      source.refreshAfterRejection(rejected),
    ]);
    expect((await env.tokenStatuses())['200']).toBe(before + 1);
  });

  it('reports an expired refresh token', async () => {
    env.sandbox.advanceClock((REFRESH_SECONDS + 60) * 1000);
    const access = service.tokenSource(accountId).accessToken();
    expect(await failureCode(access)).toBe('auth.refreshExpired');
  });

  it('keeps the current token when a refresh fails early', async () => {
    const source = service.tokenSource(accountId);
    const current = await source.accessToken();
    moveToRefreshTime();
    await env.admin('POST', '/faults', { fault: 'token:error-before=503' });
    expect(await source.accessToken()).toBe(current);
  });

  it('does not retry a failed refresh at once', async () => {
    const source = service.tokenSource(accountId);
    moveToRefreshTime();
    await env.admin('POST', '/faults', { fault: 'token:status-255' });
    await source.accessToken();
    await source.accessToken();
    expect((await env.tokenStatuses())['255']).toBeGreaterThan(0);
    const counted = (await env.tokenStatuses())['255'];
    await source.accessToken();
    expect((await env.tokenStatuses())['255']).toBe(counted);
  });

  it('marks the account when the IdP rejects the refresh token', async () => {
    await env.admin('PATCH', '/settings', { oldRefreshTokenValid: false });
    const source = service.tokenSource(accountId);
    const stored = JSON.parse((await vault.get(accountId, TOKENS))!);
    // Rotate once behind the manager's back, so its refresh token is stale.
    const other = new TokenClient({ idp: env.idp, logger });
    await other.refresh(
      {
        clientId: env.sandbox.info.clientId,
        clientSecret: env.sandbox.info.clientSecret,
      },
      stored.refreshToken,
    );
    await other.close();
    await source
      .refreshAfterRejection(await source.accessToken())
      .catch(() => undefined);
    const [summary] = await service.listAccounts();
    expect(summary?.expiry?.needsLogin).toBe(true);
  });
});
