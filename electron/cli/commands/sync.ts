/**
 * `efactura sync [--cif CIF]`: downloads every message ANAF lists for the
 * followed companies (the last 60 days) into the archive, as the app's
 * sync does, and waits until each company's sync has finished.
 */
import type { Command } from 'commander';
import type { SyncProgress } from '../../../shared/domain.ts';
import { chooseCompanies, requireCompanyLogins } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from '../errors.ts';
import { formatTable } from '../output.ts';
import type { CliSession } from '../session.ts';
import { startProgress } from '../terminal.ts';

const POLL_INTERVAL_MS = 500;

interface SyncReport {
  listed: number;
  downloaded: number;
  alreadyArchived: number;
  expired: number;
  failed: number;
  companies: SyncProgress[];
}

export function registerSyncCommand(program: Command, run: RunCommand): void {
  program
    .command('sync')
    .description(
      'download the invoices and messages ANAF lists for the followed companies into the archive',
    )
    .option(
      '--cif <cif>',
      'sync only this company (default: every followed company, or those of --account)',
    )
    .action((options: { cif?: string }, command: Command) =>
      run(command, (context) => sync(context, options.cif)),
    );
}

async function sync(
  context: CommandContext,
  cif: string | undefined,
): Promise<ExitCode> {
  const session = await context.session('required');
  const companies = await chooseCompanies(
    session,
    cif,
    context.globals.account,
  );
  await requireCompanyLogins(session, companies);

  const cifs = companies.map((company) => company.cif);
  const progress = await runSync(session, cifs);
  const report = summarize(progress);
  context.output.result(report, () => formatReport(report));
  const failed =
    report.failed > 0 ||
    report.companies.some((company) => company.error !== null);
  return failed ? EXIT_FAILURE : EXIT_OK;
}

/**
 * Starts one sync per company and waits until none is running. `sync.run`
 * may return when the syncs finish or as soon as they start: both work,
 * because the wait polls `sync.status` and listens to `sync.progress`.
 */
async function runSync(
  session: CliSession,
  cifs: readonly string[],
): Promise<SyncProgress[]> {
  const latest = new Map<string, SyncProgress>();
  const bar = startProgress('Sync', 0);
  const record = (entries: readonly SyncProgress[]): void => {
    for (const entry of entries) {
      if (cifs.includes(entry.cif)) latest.set(entry.cif, entry);
    }
    const totals = summarize([...latest.values()]);
    const done =
      totals.downloaded +
      totals.alreadyArchived +
      totals.expired +
      totals.failed;
    bar.update(done, totals.listed);
  };
  const stopListening = session.on('sync.progress', (entry) => record([entry]));
  const running = (): boolean =>
    cifs.some((cif) => latest.get(cif)?.running === true);

  try {
    const started = await Promise.all(
      cifs.map((cif) => session.call('sync.run', { cif })),
    );
    record(started.flat());
    while (running()) {
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      record(await session.call('sync.status', undefined));
    }
  } finally {
    stopListening();
    bar.stop();
  }
  return cifs.map((cif) => latest.get(cif) ?? missingProgress(cif));
}

/** Builds the progress of a company whose sync reported nothing, so the run counts as failed. */
function missingProgress(cif: string): SyncProgress {
  return {
    cif,
    running: false,
    listed: 0,
    downloaded: 0,
    alreadyArchived: 0,
    remaining: 0,
    expired: 0,
    failed: 0,
    startedAt: null,
    finishedAt: null,
    error:
      'The sync reported no progress for this company; the log has the details.',
  };
}

function summarize(companies: SyncProgress[]): SyncReport {
  const sum = (
    field: 'listed' | 'downloaded' | 'alreadyArchived' | 'expired' | 'failed',
  ): number => companies.reduce((total, company) => total + company[field], 0);
  return {
    listed: sum('listed'),
    downloaded: sum('downloaded'),
    alreadyArchived: sum('alreadyArchived'),
    expired: sum('expired'),
    failed: sum('failed'),
    companies,
  };
}

function formatReport(report: SyncReport): string {
  const rows = report.companies.map((company) => [
    company.cif,
    String(company.listed),
    String(company.downloaded),
    String(company.alreadyArchived),
    String(company.expired),
    String(company.failed),
    company.error ?? '',
  ]);
  const table = formatTable(
    [
      'CIF',
      'LISTED',
      'DOWNLOADED',
      'ALREADY ARCHIVED',
      'EXPIRED',
      'FAILED',
      'ERROR',
    ],
    rows,
  );
  return `${table}\n\nListed ${report.listed}, downloaded ${report.downloaded}, already archived ${report.alreadyArchived}, expired ${report.expired}, failed ${report.failed}.`;
}
