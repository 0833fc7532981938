// Uploads whose response is lost or refused, against the sandbox's faults:
// each file must end filed exactly once by the sandbox's own records, and a
// lost upload must be found again under the index ANAF gave it. Uploads
// whose token the gateway rejects with 401 were not recorded, so the app
// sends them again by itself, a few times at the most.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TokenSource } from '../../../electron/core/anaf/caller.ts';
import type { UploadRecord } from '../../../shared/domain.ts';
import { ublInvoice } from '../../unit/upload/invoice-text.ts';
import {
  base64File,
  countByHash,
  startUploadEnv,
  waitForStates,
  type UploadEnv,
} from './upload-env.ts';
import type { StackConfig, UploadStack } from './upload-stack.ts';

let env: UploadEnv;
let stack: UploadStack | undefined;
let nextCif = 0;

beforeAll(async () => {
  env = await startUploadEnv({ cifCount: 12 });
});

afterAll(async () => {
  await env.close();
});

afterEach(async () => {
  await env.setFaults([]);
  await stack?.close();
  stack = undefined;
});

async function openWithCif(
  extra: Partial<StackConfig> = {},
): Promise<{ stack: UploadStack; cif: string }> {
  const cif = env.cifs[nextCif];
  nextCif += 1;
  if (!cif) throw new Error('The test environment has no CIF left.');
  stack = await env.open(await env.newDataDir(), extra);
  stack.service.resume();
  return { stack, cif };
}

function file(cif: string, number: string) {
  return base64File(
    `${number}.xml`,
    ublInvoice({ sellerVat: `RO${cif}`, number }),
  );
}

const STRICT = { acceptWarnings: false, allowDuplicate: false };

/** An invoice with an outdated CIUS-RO version, which ANAF ends `nok`. */
function outdatedFile(cif: string, number: string) {
  return base64File(
    `${number}.xml`,
    ublInvoice({
      sellerVat: `RO${cif}`,
      number,
      customizationId:
        'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.0',
    }),
  );
}

/** Submits one file whose warnings are accepted; returns its record. */
async function submitOne(
  stack: UploadStack,
  cif: string,
  input: ReturnType<typeof base64File>,
): Promise<UploadRecord> {
  const [queued] = await stack.service.submit(cif, [input], {
    acceptWarnings: true,
    allowDuplicate: false,
  });
  if (!queued) throw new Error('Nothing was queued.');
  return queued;
}

/** Returns each state an upload went through, in order, without repeats. */
function history(events: UploadRecord[], id: string): string[] {
  const states: string[] = [];
  for (const event of events) {
    if (event.id === id && states.at(-1) !== event.state)
      states.push(event.state);
  }
  return states;
}

describe('lost and refused uploads', () => {
  it('reconciles a slow upload', async () => {
    // The sandbox records the file, then responds after the client gave up.
    await env.setFaults(['upload:slow-answer=2500@1']);
    const { stack, cif } = await openWithCif({
      uploadTimeoutMs: 800,
      settings: { reconcileDeadlineMs: 15_000 },
    });
    const events: UploadRecord[] = [];
    stack.service.onChange((record) => events.push(record));

    const [queued] = await stack.service.submit(
      cif,
      [file(cif, 'SLOW-1')],
      STRICT,
    );
    const [done] = await waitForStates(stack.service, [queued!.id]);
    const recorded = (await env.sandboxUploads()).filter(
      (upload) => upload.sha256 === done?.sha256,
    );

    expect(history(events, queued!.id)).toEqual([
      'queued',
      'sending',
      'unknown',
      'reconciling',
      'accepted',
    ]);
    expect(recorded).toHaveLength(1);
    expect(done?.uploadIndex).toBe(recorded[0]?.index);
    expect(done?.messageId).toBe(recorded[0]?.downloadId);
  });

  it('queues the second file behind a reset', async () => {
    // The first upload is recorded, then the connection is cut.
    await env.setFaults(['upload:reset-after-record@1']);
    const { stack, cif } = await openWithCif({
      settings: { reconcileDeadlineMs: 15_000 },
    });
    const events: UploadRecord[] = [];
    stack.service.onChange((record) => events.push(record));

    const [first, second] = await stack.service.submit(
      cif,
      [file(cif, 'RESET-1'), file(cif, 'RESET-2')],
      STRICT,
    );
    const done = await waitForStates(stack.service, [first!.id, second!.id]);
    const counts = countByHash(await env.sandboxUploads());

    expect(history(events, first!.id)).toEqual([
      'queued',
      'sending',
      'unknown',
      'reconciling',
      'accepted',
    ]);
    expect(done.map((record) => record.state)).toEqual([
      'accepted',
      'accepted',
    ]);
    expect(counts.get(first!.sha256)).toBe(1);
    expect(counts.get(second!.sha256)).toBe(1);

    // The second file left only after the first was found.
    const firstFound = events.findIndex(
      (event) => event.id === first!.id && event.state === 'accepted',
    );
    const secondSent = events.findIndex(
      (event) => event.id === second!.id && event.state === 'sending',
    );
    expect(secondSent).toBeGreaterThan(firstFound);
    const waited = events.some(
      (event) => event.id === second!.id && event.note?.startsWith('Waiting'),
    );
    expect(waited).toBe(true);
  });

  it('links a lost nok to its error', async () => {
    // Recorded, then cut off; ANAF ends it nok, and an error message
    // carries no copy of the invoice.
    await env.setFaults(['upload:reset-after-record@1']);
    const { stack, cif } = await openWithCif({
      settings: { reconcileDeadlineMs: 15_000 },
    });
    const queued = await submitOne(stack, cif, outdatedFile(cif, 'NOK-1'));
    const [done] = await waitForStates(stack.service, [queued.id]);
    const recorded = (await env.sandboxUploads()).filter(
      (upload) => upload.sha256 === queued.sha256,
    );

    expect(done?.state).toBe('rejected');
    expect(done?.note).toMatch(/^Probably this file/);
    expect(recorded).toHaveLength(1);
    expect(done?.uploadIndex).toBe(recorded[0]?.index);
    expect(done?.errors.map((entry) => entry.ruleId)).toContain('BR-RO-001');
  });

  it('fetches the errors again', async () => {
    // As above, and the first download of the error document is blocked.
    await env.setFaults([
      'upload:reset-after-record@1',
      'descarcare:firewall@1',
    ]);
    const { stack, cif } = await openWithCif({
      settings: { reconcileDeadlineMs: 15_000 },
    });
    const queued = await submitOne(stack, cif, outdatedFile(cif, 'NOK-2'));
    const [done] = await waitForStates(stack.service, [queued.id]);
    const recorded = (await env.sandboxUploads()).find(
      (upload) => upload.sha256 === queued.sha256,
    );

    expect(done?.state).toBe('rejected');
    expect(done?.note).toMatch(/^Probably this file/);
    expect(done?.uploadIndex).toBe(recorded?.index);
    expect(done?.errors.map((entry) => entry.message)).toEqual(
      recorded?.errors,
    );
  });

  it('finds the verdict after a mark', async () => {
    // The list is down until the deadline, so the user is asked, checks SPV
    // and marks the file as filed. ANAF rejected it, and the app must still
    // show that verdict with every error.
    await env.setFaults([
      'upload:reset-after-record@1',
      'listaMesajePaginatieFactura:firewall@1000',
    ]);
    const { stack, cif } = await openWithCif({
      settings: { reconcileDeadlineMs: 1_500 },
    });
    const queued = await submitOne(stack, cif, outdatedFile(cif, 'NOK-3'));
    const [undecided] = await waitForStates(stack.service, [queued.id]);
    expect(undecided?.state).toBe('needsDecision');

    await env.setFaults([]);
    stack.service.resolveUnknown(queued.id, 'markSent');
    const [done] = await waitForStates(
      stack.service,
      [queued.id],
      ['accepted', 'rejected'],
    );
    const recorded = (await env.sandboxUploads()).find(
      (upload) => upload.sha256 === queued.sha256,
    );

    expect(done?.state).toBe('rejected');
    expect(done?.uploadIndex).toBe(recorded?.index);
    expect(done?.errors.map((entry) => entry.message)).toEqual(
      recorded?.errors,
    );
    expect(done?.note).toContain('marked it as filed');
    expect(done?.noteParts?.map((part) => part.kind)).toEqual([
      'probableMatch',
      'verdictAfterMark',
    ]);
  });

  it('finds the index after a mark', async () => {
    await env.setFaults([
      'upload:reset-after-record@1',
      'listaMesajePaginatieFactura:firewall@1000',
    ]);
    const { stack, cif } = await openWithCif({
      settings: { reconcileDeadlineMs: 1_500 },
    });
    const queued = await submitOne(stack, cif, file(cif, 'MARKED-1'));
    const [undecided] = await waitForStates(stack.service, [queued.id]);
    expect(undecided?.state).toBe('needsDecision');

    await env.setFaults([]);
    const marked = stack.service.resolveUnknown(queued.id, 'markSent');
    expect(marked.state).toBe('reconciling');
    expect(marked.noteParts?.[0]?.kind).toBe('markedSent');
    const markedAt = (marked.noteParts?.[0]?.values as { markedAt: string })
      .markedAt;
    expect(Date.parse(markedAt)).toBeLessThanOrEqual(Date.now());
    const [done] = await waitForStates(
      stack.service,
      [queued.id],
      ['accepted', 'rejected'],
    );
    const recorded = (await env.sandboxUploads()).find(
      (upload) => upload.sha256 === queued.sha256,
    );

    expect(done?.state).toBe('accepted');
    expect(done?.uploadIndex).toBe(recorded?.index);
  });

  it('notes a nok whose errors are still fetched', async () => {
    // ANAF ends the upload nok, and the first download of its error
    // document is blocked, so a later status check fetches it.
    await env.setFaults(['descarcare:firewall@1']);
    const { stack, cif } = await openWithCif();
    const events: UploadRecord[] = [];
    stack.service.onChange((record) => events.push(record));
    const queued = await submitOne(stack, cif, outdatedFile(cif, 'NOK-4'));
    const [done] = await waitForStates(stack.service, [queued.id]);

    expect(done?.state).toBe('rejected');
    const fetching = events.find(
      (event) => event.noteParts?.[0]?.kind === 'rejectedFetchingErrors',
    );
    expect(fetching?.state).toBe('processing');
    expect(fetching?.noteParts?.[0]?.values).toEqual({
      uploadIndex: done?.uploadIndex,
      messageId: done?.messageId,
    });
    expect(done?.noteParts).toEqual([]);
    expect(done?.errors.map((entry) => entry.ruleId)).toContain('BR-RO-001');
  });

  it('sends a 429 upload again', async () => {
    // Two refusals: the queue retries within its attempts.
    await env.setFaults(['upload:burst-429@2']);
    const { stack, cif } = await openWithCif();
    const [queued] = await stack.service.submit(
      cif,
      [file(cif, 'BUSY-1')],
      STRICT,
    );
    const [done] = await waitForStates(stack.service, [queued!.id]);
    const counts = countByHash(await env.sandboxUploads());

    expect(done?.state).toBe('accepted');
    expect(counts.get(queued!.sha256)).toBe(1);
  });

  it('resends after the queue gives up', async () => {
    // More refusals than the queue's attempts: the service queues it again.
    await env.setFaults(['upload:burst-429@3']);
    const { stack, cif } = await openWithCif({ retry: { maxAttempts: 2 } });
    const events: UploadRecord[] = [];
    stack.service.onChange((record) => events.push(record));
    const [queued] = await stack.service.submit(
      cif,
      [file(cif, 'BUSY-2')],
      STRICT,
    );
    const [done] = await waitForStates(stack.service, [queued!.id]);
    const counts = countByHash(await env.sandboxUploads());

    expect(done?.state).toBe('accepted');
    expect(counts.get(queued!.sha256)).toBe(1);
    const requeued = events.some(
      (event) =>
        event.id === queued!.id && event.note?.includes('sent again in'),
    );
    expect(requeued).toBe(true);
  });
});

/** Sandbox endpoints outside the API gateway and the request queue. */
const OUTSIDE_QUEUE = ['authorize', 'token', 'revoke', 'admin'];

/**
 * Hands out `count` tokens the sandbox never issued, as the first access
 * tokens and refreshes, then the account's real ones.
 */
function rejectedTokens(count: number) {
  let left = count;
  const revoked = (): string | null => {
    if (left <= 0) return null;
    left -= 1;
    return `revoked-token-${left}`;
  };
  return (source: TokenSource): TokenSource => ({
    accessToken: async () => revoked() ?? source.accessToken(),
    refreshAfterRejection: async (rejected) =>
      revoked() ?? source.refreshAfterRejection(rejected),
  });
}

/** Counts the requests that reached the sandbox's API so far. */
async function apiRequestCount(): Promise<number> {
  const counters = (await env.auth.admin('GET', '/counters')) as {
    endpoints: Record<string, { statuses: Record<string, number> }>;
  };
  return Object.entries(counters.endpoints)
    .filter(([endpoint]) => !OUTSIDE_QUEUE.includes(endpoint))
    .flatMap(([, endpoint]) => Object.values(endpoint.statuses))
    .reduce((sum, count) => sum + count, 0);
}

describe('rejected tokens', () => {
  it('sends the file again', async () => {
    // The first request and the client's retry both carry a revoked token.
    const { stack, cif } = await openWithCif({ tokens: rejectedTokens(2) });
    const events: UploadRecord[] = [];
    stack.service.onChange((record) => events.push(record));
    const queued = await submitOne(stack, cif, file(cif, 'TOKEN-1'));
    const [done] = await waitForStates(stack.service, [queued.id]);
    const counts = countByHash(await env.sandboxUploads());

    expect(done?.state).toBe('accepted');
    expect(counts.get(queued.sha256)).toBe(1);
    const resent = events.some((event) =>
      event.note?.startsWith('ANAF rejected the access token'),
    );
    expect(resent).toBe(true);
    const kinds = events.flatMap((event) =>
      (event.noteParts ?? []).map((part) => part.kind),
    );
    expect(kinds).toContain('tokenRejectedResending');
  });

  it('counts every request in the window', async () => {
    const before = await apiRequestCount();
    const { stack, cif } = await openWithCif({ tokens: rejectedTokens(3) });
    const queued = await submitOne(stack, cif, file(cif, 'TOKEN-2'));
    await waitForStates(stack.service, [queued.id], ['accepted']);
    const arrived = (await apiRequestCount()) - before;

    expect(arrived).toBeGreaterThan(3);
    expect(stack.queue.totals().callsInWindow).toBe(arrived);
  });

  it('gives up and names the account', async () => {
    const { stack, cif } = await openWithCif({
      tokens: rejectedTokens(1_000),
    });
    const queued = await submitOne(stack, cif, file(cif, 'TOKEN-3'));
    const [done] = await waitForStates(stack.service, [queued.id]);
    const counts = countByHash(await env.sandboxUploads());

    expect(done?.state).toBe('failed');
    expect(done?.note).toContain(env.accountId);
    expect(done?.note).toContain('Log in to that account again');
    expect(done?.noteParts?.[0]?.kind).toBe('tokenRejectedFailed');
    expect(done?.noteParts?.[0]?.values).toMatchObject({
      accountId: env.accountId,
      cif,
      rejections: 4,
    });
    expect(counts.get(queued.sha256)).toBeUndefined();
  });
});
