/**
 * Runs every benchmark script several times and writes the benchmarks page,
 * tests/bench/RESULTS.md, with the machine described and the median of each
 * figure. A script that does not exist yet, or that reports it could not
 * measure, gives a "not measured" row with the reason instead of a number.
 *
 *   node tests/bench/run.ts [--runs 3] [--no-build] [--only id,id]
 *     [--output tests/bench/RESULTS.md]
 *
 * It builds the app first (`electron/scripts/build.js`), because the browser
 * benchmarks start the built browser shell. With the default three runs the
 * page took 10.2 minutes on two cores shared with other test runs (load
 * average 5 to 7). The page records the time and load of each run.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  benchmarks,
  FIGURES,
  lastJsonObject,
  type Benchmark,
  type RunOutput,
} from './figures.ts';
import { describeMachine, renderPage, type FigureResult } from './page.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

interface Options {
  runs: number;
  build: boolean;
  only: string[] | null;
  output: string;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      output: {
        type: 'string',
        default: path.join(repoRoot, 'tests', 'bench', 'RESULTS.md'),
      },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(
      `Invalid --runs ${values.runs}: expected a whole number of 1 or more.`,
    );
  return {
    runs,
    build: !values['no-build'],
    only: values.only ? values.only.split(',').map((id) => id.trim()) : null,
    output: path.resolve(values.output),
  };
}

/** Runs one benchmark script once and returns its JSON, or why it has none. */
function runScript(benchmark: Benchmark): Promise<RunOutput> {
  const script = path.join(repoRoot, benchmark.script);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...benchmark.args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const json = lastJsonObject(stdout);
      if (code !== 0 || !json) {
        const lastLine =
          stderr
            .trim()
            .split('\n')
            .filter((line) => !line.includes('ExperimentalWarning'))
            .at(-1) ?? '';
        resolve({
          kind: 'failed',
          reason: `exit ${code}: ${lastLine.slice(0, 200)}`,
        });
      } else if (typeof json.notMeasured === 'string') {
        resolve({ kind: 'notMeasured', reason: json.notMeasured });
      } else {
        resolve({ kind: 'measured', json });
      }
    });
  });
}

async function runBenchmark(
  benchmark: Benchmark,
  runs: number,
): Promise<RunOutput[]> {
  if (!fs.existsSync(path.join(repoRoot, benchmark.script))) {
    return [{ kind: 'notMeasured', reason: `${benchmark.script} missing` }];
  }
  const outputs: RunOutput[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const started = Date.now();
    process.stderr.write(`bench: ${benchmark.id} run ${run}/${runs}...`);
    const output = await runScript(benchmark);
    outputs.push(output);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(
      ` ${output.kind === 'measured' ? 'done' : `${output.kind}: ${output.reason}`} in ${seconds} s\n`,
    );
    // A benchmark that cannot measure reports it on every run, so one run is enough.
    if (output.kind !== 'measured') break;
  }
  return outputs;
}

async function main(): Promise<void> {
  const options = readOptions();
  const started = Date.now();
  if (options.build) {
    process.stderr.write('bench: building the app\n');
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'electron', 'scripts', 'build.js')],
      { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  const machine = describeMachine(repoRoot);
  const outputs = new Map<string, RunOutput[]>();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-bench-'));
  try {
    for (const benchmark of benchmarks(workDir)) {
      if (options.only && !options.only.includes(benchmark.id)) continue;
      if (benchmark.onlyIf && !benchmark.onlyIf(outputs)) continue;
      outputs.set(benchmark.id, await runBenchmark(benchmark, options.runs));
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const results: FigureResult[] = FIGURES.map((figure) =>
    figure.compute(outputs),
  );
  const minutes = (Date.now() - started) / 60_000;
  fs.writeFileSync(
    options.output,
    renderPage({
      machine,
      results,
      runs: options.runs,
      minutes,
      loadAfter: os.loadavg(),
    }),
  );
  process.stderr.write(
    `bench: wrote ${path.relative(repoRoot, options.output)} in ${minutes.toFixed(1)} minutes\n`,
  );
}

await main();
