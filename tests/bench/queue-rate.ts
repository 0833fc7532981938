/**
 * Measures the call rate the request queue achieves against the sandbox, as
 * a share of the configured per-minute limit, and counts the 429s the
 * sandbox sent because of that limit. Prints one JSON object on stdout.
 *
 *   node tests/bench/queue-rate.ts [--limit 600] [--seconds 60]
 *     [--concurrency 8] [--margin-ms 1000]
 *
 * The queue and the sandbox get the same limit, and a backlog of calls to
 * the token smoke test keeps the queue busy. The queue starts calls in
 * bursts whenever its window has room, so the rate is measured over whole
 * counted windows (60 s plus the margin): at least one, as many as fit into
 * `--seconds`.
 */
import { parseArgs } from 'node:util';
import { createMemoryLogger } from '../../electron/core/log/logger.ts';
import { RequestQueue } from '../../electron/core/queue/request-queue.ts';
import { startSandbox } from '../../electron/sandbox/index.ts';
import {
  openSandboxSession,
  rateLimitedTotal,
  readEndpointCounters,
} from '../integration/queue/sandbox-session.ts';

const WINDOW_MS = 60_000;

interface BenchOptions {
  limit: number;
  seconds: number;
  concurrency: number;
  marginMs: number;
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      limit: { type: 'string', default: '600' },
      seconds: { type: 'string', default: '60' },
      concurrency: { type: 'string', default: '8' },
      'margin-ms': { type: 'string', default: '1000' },
    },
  });
  const options = {
    limit: Number(values.limit),
    seconds: Number(values.seconds),
    concurrency: Number(values.concurrency),
    marginMs: Number(values['margin-ms']),
  };
  for (const [flag, text] of Object.entries(values)) {
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `Invalid --${flag} ${text}: expected a number of 0 or more.`,
      );
    }
  }
  return options;
}

/** Returns the maximum number of times within any closed `windowMs` window. */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start += 1) {
    const from = sorted[start] ?? 0;
    while (end < sorted.length && (sorted[end] ?? 0) <= from + windowMs) {
      end += 1;
    }
    max = Math.max(max, end - start);
  }
  return max;
}

async function main(): Promise<void> {
  const options = readOptions();
  const periodMs = WINDOW_MS + options.marginMs;
  const periods = Math.max(1, Math.floor((options.seconds * 1000) / periodMs));
  const measuredMs = periods * periodMs;

  const sandbox = await startSandbox({ rateLimit: options.limit });
  const session = await openSandboxSession(sandbox.info);
  const queue = new RequestQueue({
    logger: createMemoryLogger().logger,
    rateLimit: options.limit,
    maxConcurrent: options.concurrency,
    windowMarginMs: options.marginMs,
  });

  const starts: number[] = [];
  let answered429 = 0;
  let failed = 0;
  // One window's worth more than the measured periods can use, so the
  // backlog never runs dry while the rate is measured.
  const backlog = (periods + 1) * options.limit;
  for (let i = 0; i < backlog; i += 1) {
    const call = queue.submit({
      endpoint: 'hello',
      lane: 'background',
      idempotent: true,
      run: async (signal) => {
        starts.push(Date.now());
        const status = await session.hello(signal);
        if (status === 429) answered429 += 1;
        return status;
      },
    });
    call.catch(() => {
      failed += 1;
    });
  }

  const t0 = Date.now();
  await new Promise((resolve) => setTimeout(resolve, measuredMs));
  await queue.close({ abortRunning: true });

  const measured = starts.filter((at) => at >= t0 && at < t0 + measuredMs);
  const counters = await readEndpointCounters(sandbox.info);
  await session.close();
  await sandbox.close();

  const allowed = (options.limit * measuredMs) / WINDOW_MS;
  const result = {
    limitPerMinute: options.limit,
    windowMarginMs: options.marginMs,
    maxConcurrent: options.concurrency,
    measuredSeconds: measuredMs / 1000,
    calls: measured.length,
    share: Number((measured.length / allowed).toFixed(4)),
    busiestMinuteCalls: maxInWindow(starts, WINDOW_MS),
    rateLimited429: rateLimitedTotal(counters),
    answered429,
    cancelledAtStop: failed,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
