/**
 * `efactura export --cif CIF --from DATE --to DATE --csv FILE | --zip FILE`:
 * a CSV of the archived rows for accounting software (`invoices.exportCsv`)
 * or one ZIP bundle of the period's signed ZIPs (`invoices.exportBundle`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { requireCompany } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { failure, usageError } from '../errors.ts';
import { isoDate } from './parsers.ts';

interface ExportOptions {
  cif: string;
  from: string;
  to: string;
  csv?: string;
  zip?: string;
  perLine?: boolean;
}

interface ExportResult {
  savedTo: string | null;
  downloadUrl: string | null;
}

export function registerExportCommand(program: Command, run: RunCommand): void {
  program
    .command('export')
    .description(
      "export a period of one company's archive as CSV or as one ZIP bundle",
    )
    .requiredOption('--cif <cif>', 'company to export')
    .requiredOption(
      '--from <date>',
      'first date of the period, YYYY-MM-DD',
      isoDate,
    )
    .requiredOption(
      '--to <date>',
      'last date of the period, YYYY-MM-DD',
      isoDate,
    )
    .option('--csv <file>', 'write a CSV file with one row per invoice')
    .option('--zip <file>', "write one ZIP with the period's signed ZIPs")
    .option(
      '--per-line',
      'with --csv, one row per invoice line instead of per invoice',
    )
    .action((options: ExportOptions, command: Command) =>
      run(command, (context) => exportArchive(context, options)),
    );
}

function checkOptions(options: ExportOptions): {
  format: 'csv' | 'zip';
  target: string;
} {
  if ((options.csv === undefined) === (options.zip === undefined)) {
    throw usageError('Choose one output: --csv FILE or --zip FILE.');
  }
  if (options.perLine === true && options.csv === undefined)
    throw usageError('--per-line applies to --csv only.');
  if (options.from > options.to)
    throw usageError(`--from ${options.from} is after --to ${options.to}.`);
  const target = path.resolve(options.csv ?? options.zip ?? '');
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) {
    throw failure(
      `The folder ${folder} for the export does not exist. Create it or choose another path.`,
      'input.invalid',
    );
  }
  return { format: options.csv !== undefined ? 'csv' : 'zip', target };
}

async function exportArchive(
  context: CommandContext,
  options: ExportOptions,
): Promise<void> {
  const { format, target } = checkOptions(options);
  const session = await context.session('none');
  const company = await requireCompany(session, options.cif);
  const period = {
    cif: company.cif,
    dateFrom: options.from,
    dateTo: options.to,
  };

  // The core delivers the file to the path given with --csv or --zip.
  session.delivery.saveNextTo(target);
  let result: ExportResult;
  let count: number;
  if (format === 'csv') {
    const csv = await session.call('invoices.exportCsv', {
      query: period,
      perLine: options.perLine === true,
    });
    result = csv;
    count = csv.rows;
  } else {
    const bundle = await session.call('invoices.exportBundle', period);
    result = bundle;
    count = bundle.messages;
  }
  if (result.savedTo === null || path.resolve(result.savedTo) !== target) {
    throw failure(
      `The export was not written to ${target} (${result.savedTo ?? 'no file'}); the log has the details.`,
      'internal',
    );
  }

  const noun = format === 'csv' ? 'rows' : 'messages';
  context.output.result(
    { file: target, format, [noun]: count },
    () => `Wrote ${count} ${noun} to ${target}.`,
  );
}
