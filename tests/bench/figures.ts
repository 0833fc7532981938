/**
 * What the benchmarks page measures: the scripts run.ts starts, and how each
 * figure on the page is taken from their JSON output. Each figure is the
 * median over runs; a missing script or a run that could not measure gives
 * the reason instead of a number.
 */

export type RunOutput =
  | { kind: 'measured'; json: Record<string, unknown> }
  | { kind: 'notMeasured' | 'failed'; reason: string };

export type Outputs = ReadonlyMap<string, readonly RunOutput[]>;

export interface Benchmark {
  id: string;
  /** Path from the repository root. */
  script: string;
  args: string[];
  /** Runs the benchmark only when this returns true for the earlier outputs. */
  onlyIf?: (outputs: Outputs) => boolean;
}

export interface FigureResult {
  label: string;
  /** The median, or "not measured: reason". */
  value: string;
  /** Each run's value, in order. */
  runs: string;
  /** The script and arguments the figure comes from. */
  source: string;
  note: string;
}

interface Figure {
  label: string;
  compute(outputs: Outputs): FigureResult;
}

/**
 * Lists the scripts to run; `workDir` is a temporary folder they share. The
 * search and the renderer benchmarks use one generated 100,000-invoice
 * index there, filled by the first search run (about a minute) and reused.
 */
export function benchmarks(workDir: string): Benchmark[] {
  const archive = `${workDir}/archive-100k`;
  return [
    {
      id: 'queue-rate',
      script: 'tests/bench/queue-rate.ts',
      args: ['--limit', '600', '--seconds', '61'],
    },
    { id: 'archive-sync', script: 'tests/bench/archive-sync.ts', args: [] },
    { id: 'archive-index', script: 'tests/bench/archive-index.ts', args: [] },
    {
      id: 'archive-search',
      script: 'tests/bench/archive-search.ts',
      args: ['--rows', '100000', '--runs', '40', '--keep', archive],
    },
    {
      id: 'renderer-archive',
      script: 'tests/bench/renderer-scroll.ts',
      args: ['--source', 'archive', '--archive-cache', archive],
    },
    {
      id: 'renderer-generated',
      script: 'tests/bench/renderer-scroll.ts',
      args: ['--source', 'generated'],
      onlyIf: (outputs) => !measuredRuns(outputs, 'renderer-archive').length,
    },
    { id: 'cold-start', script: 'tests/bench/cold-start.ts', args: [] },
  ];
}

/** Finds the last JSON object a script printed (one line, or pretty-printed). */
export function lastJsonObject(stdout: string): Record<string, unknown> | null {
  const lines = stdout.trimEnd().split('\n');
  for (let start = lines.length - 1; start >= 0; start -= 1) {
    if (!lines[start]?.trimStart().startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(lines.slice(start).join('\n'));
      if (value && typeof value === 'object' && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // Not the start of the final object; look further up.
    }
  }
  return null;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN;
  return (
    ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
  );
}

function measuredRuns(
  outputs: Outputs,
  id: string,
): Array<Record<string, unknown>> {
  return (outputs.get(id) ?? []).flatMap((output) =>
    output.kind === 'measured' ? [output.json] : [],
  );
}

/** Why a benchmark has no measured run: its first non-measured output, or "not run". */
function missingReason(outputs: Outputs, id: string): string {
  for (const output of outputs.get(id) ?? []) {
    if (output.kind === 'failed') return `failed: ${output.reason}`;
    if (output.kind === 'notMeasured') return output.reason;
  }
  return 'not run';
}

/** Reads the first of `names` that is a finite number. */
export function numberField(
  json: Record<string, unknown>,
  names: readonly string[],
): number | null {
  for (const name of names) {
    const value = json[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

function describeSource(id: string): string {
  const benchmark = benchmarks('<temporary folder>').find(
    (candidate) => candidate.id === id,
  );
  return benchmark ? [benchmark.script, ...benchmark.args].join(' ') : id;
}

interface MedianFigure {
  label: string;
  /** Benchmark ids to try in order; the first with measured runs is used. */
  from: string[];
  read: (json: Record<string, unknown>) => number | null;
  format: (value: number) => string;
  note?: (
    runs: Array<Record<string, unknown>>,
    id: string,
    outputs: Outputs,
  ) => string;
}

function medianFigure(spec: MedianFigure): Figure {
  return {
    label: spec.label,
    compute(outputs) {
      const id = spec.from.find(
        (candidate) => measuredRuns(outputs, candidate).length > 0,
      );
      if (!id) {
        const first = spec.from[0] ?? '';
        return {
          label: spec.label,
          value: `not measured: ${missingReason(outputs, first)}`,
          runs: '',
          source: describeSource(first),
          note: '',
        };
      }
      const runs = measuredRuns(outputs, id);
      const values = runs
        .map(spec.read)
        .filter((value): value is number => value !== null);
      if (values.length === 0) {
        return {
          label: spec.label,
          value: 'not measured: the output has no such field',
          runs: '',
          source: describeSource(id),
          note: '',
        };
      }
      return {
        label: spec.label,
        value: spec.format(median(values)),
        runs: values.map(spec.format).join(' / '),
        source: describeSource(id),
        note: spec.note?.(runs, id, outputs) ?? '',
      };
    },
  };
}

const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;

/** A note that repeats one field of the first run. */
const fieldNote =
  (template: (json: Record<string, unknown>) => string) =>
  (runs: Array<Record<string, unknown>>) => (runs[0] ? template(runs[0]) : '');

const rendererNote = (
  _runs: Array<Record<string, unknown>>,
  id: string,
  outputs: Outputs,
) =>
  id === 'renderer-generated'
    ? `Rows generated inside the page (renderer alone), because the archive source was not measured: ${missingReason(outputs, 'renderer-archive')}`
    : 'Rows served by invoices.query from the archive index.';

export const FIGURES: Figure[] = [
  medianFigure({
    label: 'Sync call rate, share of the configured limit',
    from: ['queue-rate'],
    read: (json) => numberField(json, ['share']),
    format: percent,
    note: fieldNote(
      (json) =>
        `Limit ${String(json.limitPerMinute)} calls per minute; ${String(json.calls)} calls in ${String(json.measuredSeconds)} s in the first run; the queue's smoke-test calls against the sandbox.`,
    ),
  }),
  medianFigure({
    label: '429 answers from the sandbox during the rate run',
    from: ['queue-rate'],
    read: (json) => numberField(json, ['rateLimited429']),
    format: (value) => value.toFixed(0),
    note: () => 'Counted by the sandbox (its per-minute limiter), per run.',
  }),
  medianFigure({
    label: 'ANAF calls per downloaded invoice',
    from: ['archive-sync'],
    read: (json) => {
      const direct = numberField(json, [
        'callsPerDownloadedInvoice',
        'callsPerInvoice',
      ]);
      if (direct !== null) return direct;
      const calls = numberField(json, ['calls', 'apiCalls']);
      const downloaded = numberField(json, ['downloaded', 'invoices']);
      return calls !== null && downloaded ? calls / downloaded : null;
    },
    format: (value) => value.toFixed(2),
  }),
  medianFigure({
    label: 'Index throughput',
    from: ['archive-index'],
    read: (json) =>
      numberField(json, ['storeInvoicesPerSecond', 'invoicesPerSecond']),
    format: (value) => `${value.toFixed(0)} invoices/s`,
    note: fieldNote(
      (json) =>
        `Archive.storeDownload end to end (ZIP check, fsync'd atomic write, parse, index rows) for ${String(json.invoices)} generated invoices; parsing alone: ${String(json.parseInvoicesPerSecond)} invoices/s (first run).`,
    ),
  }),
  medianFigure({
    label: 'Search p95, 100,000 invoices',
    from: ['archive-search'],
    read: (json) => numberField(json, ['p95Ms']),
    format: ms,
    note: fieldNote((json) => {
      const kinds =
        json.byKind && typeof json.byKind === 'object'
          ? Object.keys(json.byKind).length
          : 0;
      return `p50 ${String(json.p50Ms)} ms over ${String(json.queries)} queries of ${kinds} kinds (first run).`;
    }),
  }),
  medianFigure({
    label: 'Renderer first render, 100,000 rows',
    from: ['renderer-archive', 'renderer-generated'],
    read: (json) => numberField(json, ['firstRenderMs']),
    format: ms,
    note: rendererNote,
  }),
  medianFigure({
    label: 'Scroll frame time, median frame',
    from: ['renderer-archive', 'renderer-generated'],
    read: (json) => numberField(json, ['frameP50Ms']),
    format: ms,
    note: fieldNote(
      (json) =>
        `${String(json.frames)} frames scrolling ${String(json.scrolledPx)} px; in the first run ${String(json.framesOver50Ms)} frames took over 50 ms and ${String(json.framesShowingLoadingRows)} showed rows still loading.`,
    ),
  }),
  medianFigure({
    label: 'Scroll frame time, 95th percentile frame',
    from: ['renderer-archive', 'renderer-generated'],
    read: (json) => numberField(json, ['frameP95Ms']),
    format: ms,
  }),
  medianFigure({
    label: 'Jump to 25/50/75/100 % until rows show, median',
    from: ['renderer-archive', 'renderer-generated'],
    read: (json) => numberField(json, ['jumpP50Ms']),
    format: ms,
  }),
  medianFigure({
    label: 'Main process memory while browsing 100,000 invoices (peak RSS)',
    from: ['renderer-archive'],
    read: (json) => numberField(json, ['mainRssPeakMiB']),
    format: mib,
    note: fieldNote(
      (json) =>
        `Idle before browsing: ${String(json.mainRssIdleMiB)} MiB (first run).`,
    ),
  }),
  medianFigure({
    label: 'Cold start to the first screen, existing data folder',
    from: ['cold-start'],
    read: (json) => numberField(json, ['firstScreenMs']),
    format: ms,
    note: fieldNote(
      (json) =>
        `The address was printed after ${String(json.addressMs)} ms (first run).`,
    ),
  }),
  medianFigure({
    label: 'Cold start to the first screen, new data folder',
    from: ['cold-start'],
    read: (json) => numberField(json, ['newFolderFirstScreenMs']),
    format: ms,
    note: () =>
      "Includes creating the embedded sandbox's certificates, which runs beside the first render.",
  }),
];
