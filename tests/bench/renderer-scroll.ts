/**
 * Measures the invoice grid with 100,000 rows in Debian's Chromium. The
 * figures are the first render (a click on "Facturi" until the first row
 * shows data), the frame times of a continuous scroll, and the time until
 * rows show after jumps to 25, 50, 75 and 100 % of the list. It also samples
 * the resident memory (RSS) of the browser shell's process meanwhile.
 * Prints one JSON object.
 *
 *   node tests/bench/renderer-scroll.ts [--source archive|generated]
 *     [--rows 100000] [--frames 600] [--step 400] [--archive-cache DIR]
 *
 * `--source archive` (the default) first checks that the shell serves
 * `invoices.query`, and prints `notMeasured` with the shell's error when it
 * does not. Otherwise it puts an `index.sqlite` of generated invoices of
 * CIF 18654326 (made by archive-search.ts `--keep`, and kept in
 * `--archive-cache` for later runs) into the data folder, follows that
 * company and lets the real `invoices.query` serve the grid.
 * `--source generated` answers `invoices.query` inside the page from
 * generated rows (every other call goes to the real shell), which measures
 * the renderer alone; its memory figures then say nothing about the archive.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import WebSocket from 'ws';
import type {
  InvoicePage,
  InvoiceQuery,
  InvoiceRow,
} from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { CHROMIUM_ARGS, chromiumPath, repoRoot } from './browser.ts';

/** The company archive-search.ts generates its invoices for. */
const CIF = '18654326';

/**
 * AG Grid's DOM: the scroll container is `.ag-body-viewport` before version
 * 36 and `.ag-grid-viewport` in 36. A row whose block has not arrived yet is
 * a stub without the `row-id` attribute, which rows get from `getRowId`
 * (the message id) once their data is there.
 */
const GRID = {
  viewport: '.ag-grid-viewport, .ag-body-viewport',
  row: '.ag-root .ag-row',
  firstRow: '.ag-root .ag-row[row-index="0"][row-id]',
  loadingRow: '.ag-root .ag-row:not([row-id])',
};
type GridSelectors = typeof GRID;

interface Options {
  source: 'archive' | 'generated';
  rows: number;
  frames: number;
  step: number;
  archiveCache: string | undefined;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'archive' },
      rows: { type: 'string', default: '100000' },
      frames: { type: 'string', default: '600' },
      step: { type: 'string', default: '400' },
      'archive-cache': { type: 'string' },
    },
  });
  if (values.source !== 'archive' && values.source !== 'generated') {
    throw new RangeError(
      `Invalid --source ${values.source}: expected archive or generated.`,
    );
  }
  const numbers = {
    rows: Number(values.rows),
    frames: Number(values.frames),
    step: Number(values.step),
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(
        `Invalid --${name}: expected a whole number of 1 or more.`,
      );
  }
  return {
    source: values.source,
    ...numbers,
    archiveCache: values['archive-cache'],
  };
}

interface Shell {
  child: ChildProcess;
  url: string;
  origin: string;
  key: string;
}

function startShell(dataDir: string): Promise<Shell> {
  const entry = path.join(repoRoot, 'dist', 'electron', 'browser', 'main.js');
  const child = spawn(
    process.execPath,
    [entry, '--data-dir', dataDir, '--insecure-storage'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/efactura-bench-bus',
      },
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (!match?.[1]) return;
      const url = new URL(match[1]);
      resolve({
        child,
        url: match[1],
        origin: url.origin,
        key: new URLSearchParams(url.hash.slice(1)).get('key') ?? '',
      });
    });
    child.once('exit', (code) =>
      reject(new Error(`The browser shell exited with ${code}: ${output}`)),
    );
  });
}

function stopShell(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Calls the contract once over the shell's WebSocket. */
async function callShell<T>(
  shell: Shell,
  channel: string,
  input?: unknown,
): Promise<Result<T>> {
  const socket = new WebSocket(`${shell.origin.replace('http', 'ws')}/ipc`, {
    origin: shell.origin,
  });
  try {
    return await new Promise<Result<T>>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'hello', key: shell.key })),
      );
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as {
          type: string;
          result?: Result<T>;
        };
        if (message.type === 'ready')
          socket.send(JSON.stringify({ type: 'call', id: 1, channel, input }));
        if (message.type === 'result' && message.result)
          resolve(message.result);
      });
    });
  } finally {
    socket.close();
  }
}

function valueOf<T>(result: Result<T>, what: string): T {
  if (!result.ok)
    throw new Error(
      `${what} failed: ${result.error.code}: ${result.error.message}`,
    );
  return result.value;
}

/** Logs in to the embedded sandbox and follows the benchmark's company. */
async function followCompany(shell: Shell): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const environment = valueOf(
      await callShell<{ sandbox: { running: boolean } }>(
        shell,
        'environment.get',
      ),
      'environment.get',
    );
    if (environment.sandbox.running) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const account = valueOf(
    await callShell<{ id: string }>(shell, 'accounts.loginSandbox', {
      certificateIndex: 0,
    }),
    'Sandbox login',
  );
  const companies = valueOf(
    await callShell<Array<{ cif: string }>>(shell, 'companies.list'),
    'companies.list',
  );
  if (!companies.some((company) => company.cif === CIF)) {
    valueOf(
      await callShell(shell, 'companies.add', {
        cif: CIF,
        name: 'Bench archive',
        accountId: account.id,
      }),
      'companies.add',
    );
  }
}

/**
 * Returns an `index.sqlite` with `rows` generated invoices, made once by
 * archive-search.ts in the cache folder (a temporary one by default).
 */
function generatedArchive(rows: number, cacheDir: string): string {
  const databaseFile = path.join(cacheDir, 'index.sqlite');
  if (fs.existsSync(databaseFile)) return databaseFile;
  const script = path.join(repoRoot, 'tests', 'bench', 'archive-search.ts');
  const fill = spawnSync(
    process.execPath,
    [script, '--rows', String(rows), '--runs', '1', '--keep', cacheDir],
    { encoding: 'utf8' },
  );
  if (fill.status !== 0)
    throw new Error(`Filling the archive failed: ${fill.stderr}`);
  return databaseFile;
}

/** Replaces the data folder's database, whose company rows the next start adds again. */
function installArchive(dataDir: string, databaseFile: string): void {
  for (const suffix of ['', '-wal', '-shm'])
    fs.rmSync(path.join(dataDir, `index.sqlite${suffix}`), { force: true });
  fs.copyFileSync(databaseFile, path.join(dataDir, 'index.sqlite'));
}

/** Prints the result line of a run that could not measure, with the reason. */
function printNotMeasured(options: Options, reason: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench: 'renderer-scroll', source: options.source, notMeasured: reason })}\n`,
  );
}

/**
 * Prepares the archive source: checks that the shell serves invoices.query,
 * then restarts it on the generated archive. Returns null, after printing
 * the reason, when that cannot be measured.
 */
async function prepareArchive(
  options: Options,
  dataDir: string,
  first: Shell,
  parent: string,
): Promise<Shell | null> {
  const probe = await callShell<InvoicePage>(first, 'invoices.query', {
    cif: CIF,
    limit: 1,
  });
  await stopShell(first.child);
  if (!probe.ok) {
    printNotMeasured(
      options,
      `invoices.query returned ${probe.error.code}: ${probe.error.message}`,
    );
    return null;
  }
  const cacheDir = options.archiveCache ?? path.join(parent, 'archive-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  installArchive(dataDir, generatedArchive(options.rows, cacheDir));
  const shell = await startShell(dataDir);
  await followCompany(shell);
  const page = await callShell<InvoicePage>(shell, 'invoices.query', {
    cif: CIF,
    limit: 1,
  });
  const total = page.ok ? (page.value.total ?? 0) : 0;
  if (total < options.rows) {
    await stopShell(shell.child);
    printNotMeasured(
      options,
      `invoices.query counts ${total} invoices, fewer than ${options.rows}`,
    );
    return null;
  }
  return shell;
}

/**
 * Replaces the page's API with one that forwards every call to the shell,
 * except `invoices.query`, which returns pages of `rows` generated rows.
 */
async function installGeneratedRows(page: Page, rows: number): Promise<void> {
  await page.addInitScript((total: number) => {
    const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
    const socket = new WebSocket(
      `${location.origin.replace(/^http/, 'ws')}/ipc`,
    );
    const pending = new Map<number, (result: unknown) => void>();
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    let nextId = 1;
    const ready = new Promise<void>((resolve) => {
      socket.addEventListener('open', () =>
        socket.send(JSON.stringify({ type: 'hello', key })),
      );
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as {
          type: string;
          id: number;
          result: unknown;
          event: string;
          payload: unknown;
        };
        if (message.type === 'ready') resolve();
        if (message.type === 'result')
          pending.get(message.id)?.(message.result);
        if (message.type === 'event')
          listeners
            .get(message.event)
            ?.forEach((listener) => listener(message.payload));
      });
    });
    const forward = async (
      channel: string,
      input: unknown,
    ): Promise<unknown> => {
      await ready;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, channel, input }));
      });
    };
    const row = (index: number, query: InvoiceQuery): InvoiceRow => {
      const day = String(1 + (index % 28)).padStart(2, '0');
      const net = 1000 + ((index * 7919) % 500_000) / 100;
      return {
        messageId: String(3_000_000_000 + index),
        cif: query.cif,
        direction: query.direction ?? 'received',
        uploadIndex: String(5_000_000_000 + index),
        createdAt: `2026-01-${day}T10:00:00.000Z`,
        partnerCif: String(10_000_000 + (index % 400)),
        partnerName: `Partener ${index % 400} SRL`,
        number: `FCT-${String(index).padStart(6, '0')}`,
        issueDate: `2026-01-${day}`,
        dueDate: `2026-02-${day}`,
        net,
        vat: Math.round(net * 19) / 100,
        total: Math.round(net * 119) / 100,
        currency: 'RON',
        state: 'downloaded',
        failureReason: null,
        isNew: false,
      };
    };
    const query = (input: InvoiceQuery): { ok: true; value: InvoicePage } => {
      const offset = input.offset ?? 0;
      const end = Math.min(total, offset + (input.limit ?? 200));
      const rowsOut: InvoiceRow[] = [];
      for (let index = offset; index < end; index += 1)
        rowsOut.push(row(index, input));
      return { ok: true, value: { rows: rowsOut, total, totals: [] } };
    };
    const api = new Proxy(
      {},
      {
        get: (_target, name) => {
          if (name === 'on') {
            return (event: string, listener: (payload: unknown) => void) => {
              const set = listeners.get(event) ?? new Set();
              set.add(listener);
              listeners.set(event, set);
              return () => set.delete(listener);
            };
          }
          if (name === 'invoicesQuery')
            return async (input: InvoiceQuery) => query(input);
          if (typeof name !== 'string') return undefined;
          const split = name.search(/[A-Z]/);
          const channel = `${name.slice(0, split)}.${name.charAt(split).toLowerCase()}${name.slice(split + 1)}`;
          return (input?: unknown) => forward(channel, input);
        },
      },
    );
    Object.defineProperty(window, 'efactura', { value: api });
  }, rows);
}

/** Clicks "Facturi" and waits until the first row shows data; returns the time in ms. */
function measureFirstRender(page: Page): Promise<number> {
  return page.evaluate(
    (grid: GridSelectors) =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll('nav button')].find(
          (element) =>
            /^(Facturi|Invoices)/.test(element.textContent?.trim() ?? ''),
        );
        if (!(button instanceof HTMLElement)) {
          reject(new Error('No "Facturi" entry in the navigation.'));
          return;
        }
        const started = performance.now();
        button.click();
        const check = (): void => {
          const first = document.querySelector(grid.firstRow);
          if (first && (first.textContent ?? '').trim() !== '')
            resolve(performance.now() - started);
          else if (performance.now() - started > 60_000)
            reject(new Error('No row showed within 60 s.'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    GRID,
  );
}

interface ScrollResult {
  frameMs: number[];
  loadingFrames: number;
  scrolledPx: number;
}

/** Scrolls the grid by `step` pixels every frame and records each frame's duration. */
function measureScroll(
  page: Page,
  frames: number,
  step: number,
): Promise<ScrollResult> {
  return page.evaluate(
    ({ frames: count, step: pixels, grid }) =>
      new Promise<ScrollResult>((resolve) => {
        const viewport = document.querySelector(grid.viewport) as HTMLElement;
        const startTop = viewport.scrollTop;
        const frameMs: number[] = [];
        let loadingFrames = 0;
        let last: number | null = null;
        const tick = (now: number): void => {
          if (last !== null) frameMs.push(now - last);
          last = now;
          if (document.querySelector(grid.loadingRow)) loadingFrames += 1;
          if (frameMs.length >= count) {
            resolve({
              frameMs,
              loadingFrames,
              scrolledPx: viewport.scrollTop - startTop,
            });
            return;
          }
          viewport.scrollTop += pixels;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { frames, step, grid: GRID },
  );
}

/** Jumps to a share of the list and returns the ms until no visible row is loading. */
function measureJump(page: Page, share: number): Promise<number> {
  return page.evaluate(
    ({ fraction, grid }) =>
      new Promise<number>((resolve, reject) => {
        const viewport = document.querySelector(grid.viewport) as HTMLElement;
        const started = performance.now();
        viewport.scrollTop =
          fraction * (viewport.scrollHeight - viewport.clientHeight);
        let seenLoadingOrSettled = 0;
        const check = (): void => {
          const rows = document.querySelectorAll(grid.row);
          const loading = document.querySelector(grid.loadingRow);
          seenLoadingOrSettled += 1;
          // Two frames at least, so the grid has drawn the rows of the new position.
          if (rows.length > 0 && !loading && seenLoadingOrSettled > 2)
            resolve(performance.now() - started);
          else if (performance.now() - started > 60_000)
            reject(new Error('Rows did not show within 60 s of a jump.'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { fraction: share, grid: GRID },
  );
}

/** Reads a process's resident memory in MiB from /proc (Linux). */
function residentMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kib) ? kib / 1024 : null;
  } catch {
    return null;
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const options = readOptions();
  const parent = fs.mkdtempSync(
    path.join(os.tmpdir(), 'efactura-renderer-bench-'),
  );
  const dataDir = path.join(parent, 'data');
  let shell: Shell | null = await startShell(dataDir);
  try {
    await followCompany(shell);
    if (options.source === 'archive')
      shell = await prepareArchive(options, dataDir, shell, parent);
    if (shell) await measure(options, shell);
  } finally {
    if (shell) await stopShell(shell.child);
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

/** Opens the grid in Chromium, measures it and prints the result line. */
async function measure(options: Options, shell: Shell): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const round = (value: number) => Math.round(value * 10) / 10;
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
    });
    const page = await context.newPage();
    if (options.source === 'generated')
      await installGeneratedRows(page, options.rows);
    await page.goto(shell.url);
    await page.locator('nav button').first().waitFor();
    const pid = shell.child.pid ?? 0;
    const idleMiB = residentMiB(pid);
    const samples: number[] = [];
    const sampler = setInterval(() => {
      const value = residentMiB(pid);
      if (value !== null) samples.push(value);
    }, 100);

    const firstRenderMs = await measureFirstRender(page);
    const scroll = await measureScroll(page, options.frames, options.step);
    const jumps: number[] = [];
    for (const share of [0.25, 0.5, 0.75, 1])
      jumps.push(await measureJump(page, share));
    clearInterval(sampler);
    const afterMiB = residentMiB(pid);
    await context.close();

    const result = {
      bench: 'renderer-scroll',
      source: options.source,
      rows: options.rows,
      firstRenderMs: round(firstRenderMs),
      frames: scroll.frameMs.length,
      frameP50Ms: round(percentile(scroll.frameMs, 50)),
      frameP95Ms: round(percentile(scroll.frameMs, 95)),
      frameMaxMs: round(Math.max(...scroll.frameMs)),
      framesOver50Ms: scroll.frameMs.filter((ms) => ms > 50).length,
      framesShowingLoadingRows: scroll.loadingFrames,
      scrolledPx: scroll.scrolledPx,
      jumpP50Ms: round(percentile(jumps, 50)),
      jumpMaxMs: round(Math.max(...jumps)),
      mainRssIdleMiB: idleMiB === null ? null : round(idleMiB),
      mainRssPeakMiB: samples.length > 0 ? round(Math.max(...samples)) : null,
      mainRssAfterMiB: afterMiB === null ? null : round(afterMiB),
      node: process.version,
      cpus: os.cpus().length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
  }
}

await main();
