import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.ts';
import type {
  RetryInput,
  RetryPolicy,
} from '../../../electron/core/queue/retry.ts';
import {
  backoffDelay,
  classifyFailure,
  decideRetry,
} from '../../../electron/core/queue/retry.ts';

const policy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
};

function networkError(code: string): Error {
  return Object.assign(new Error(`socket ${code}`), { code });
}

describe('classifyFailure', () => {
  it.each([
    {
      name: '429',
      error: new AppFailure('anaf.rateLimited', 'x'),
      kind: 'rateLimited',
    },
    {
      name: 'timeout',
      error: new AppFailure('anaf.timeout', 'x'),
      kind: 'transient',
    },
    {
      name: 'unavailable',
      error: new AppFailure('anaf.unavailable', 'x'),
      kind: 'transient',
    },
    {
      name: '5xx status',
      error: new AppFailure('anaf.badResponse', 'x', { status: 502 }),
      kind: 'transient',
    },
    {
      name: 'retryable false wins',
      error: new AppFailure('anaf.unavailable', 'x', { retryable: false }),
      kind: 'permanent',
    },
    {
      name: 'retryable true',
      error: new AppFailure('anaf.badResponse', 'x', { retryable: true }),
      kind: 'transient',
    },
    {
      name: 'forbidden',
      error: new AppFailure('anaf.forbidden', 'x'),
      kind: 'permanent',
    },
    {
      name: 'daily limit',
      error: new AppFailure('anaf.dailyLimit', 'x'),
      kind: 'permanent',
    },
    { name: 'reset', error: networkError('ECONNRESET'), kind: 'transient' },
    {
      name: 'undici socket',
      error: networkError('UND_ERR_SOCKET'),
      kind: 'transient',
    },
    {
      name: 'cause code',
      error: new TypeError('fetch failed', {
        cause: networkError('ECONNRESET'),
      }),
      kind: 'transient',
    },
    {
      name: 'abort',
      error: new DOMException('stop', 'AbortError'),
      kind: 'aborted',
    },
    {
      name: 'signal timeout',
      error: new DOMException('slow', 'TimeoutError'),
      kind: 'transient',
    },
    { name: 'bug', error: new TypeError('x is undefined'), kind: 'permanent' },
    { name: 'string', error: 'boom', kind: 'permanent' },
  ])('$name is $kind', ({ error, kind }) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('backoffDelay', () => {
  it.each([
    { attempt: 1, random: 0.5, delay: 500 },
    { attempt: 2, random: 0.5, delay: 1_000 },
    { attempt: 3, random: 0.5, delay: 2_000 },
    { attempt: 8, random: 0.5, delay: 5_000 },
    { attempt: 2, random: 0, delay: 0 },
    { attempt: 2, random: 0.999, delay: 1_998 },
  ])(
    'attempt $attempt with $random waits $delay',
    ({ attempt, random, delay }) => {
      expect(backoffDelay(attempt, policy, random)).toBe(delay);
    },
  );
});

describe('decideRetry', () => {
  const base: RetryInput = {
    error: new AppFailure('anaf.timeout', 'timed out'),
    attempt: 1,
    idempotent: true,
    retryOn429EvenIfNotIdempotent: false,
    policy,
    random: 0.5,
  };
  const rateLimited = new AppFailure('anaf.rateLimited', '429');

  it.each([
    { name: 'idempotent timeout', input: {}, retry: true },
    { name: 'last attempt', input: { attempt: 4 }, retry: false },
    { name: 'upload timeout', input: { idempotent: false }, retry: false },
    {
      name: 'upload timeout with 429 flag',
      input: { idempotent: false, retryOn429EvenIfNotIdempotent: true },
      retry: false,
    },
    {
      name: 'upload 429',
      input: { idempotent: false, error: rateLimited },
      retry: false,
    },
    {
      name: 'upload 429 with flag',
      input: {
        idempotent: false,
        retryOn429EvenIfNotIdempotent: true,
        error: rateLimited,
      },
      retry: true,
    },
    { name: 'read 429', input: { error: rateLimited }, retry: true },
    {
      name: 'permanent failure',
      input: { error: new AppFailure('anaf.notFound', 'no such id') },
      retry: false,
    },
    {
      name: 'aborted',
      input: { error: new DOMException('stop', 'AbortError') },
      retry: false,
    },
  ] satisfies Array<{
    name: string;
    input: Partial<RetryInput>;
    retry: boolean;
  }>)('$name', ({ input, retry }) => {
    expect(decideRetry({ ...base, ...input }).retry).toBe(retry);
  });

  it('uses the jittered delay', () => {
    const decision = decideRetry({ ...base, attempt: 2 });
    expect(decision).toEqual({
      retry: true,
      delayMs: 1_000,
      kind: 'transient',
    });
  });

  it('honours a longer Retry-After on 429', () => {
    const error = new AppFailure('anaf.rateLimited', '429', {
      retryAfterMs: 7_000,
    });
    const decision = decideRetry({ ...base, error });
    expect(decision).toMatchObject({ retry: true, delayMs: 7_000 });
  });

  it('reports the kind when not retrying', () => {
    const decision = decideRetry({ ...base, idempotent: false });
    expect(decision.kind).toBe('transient');
  });
});
