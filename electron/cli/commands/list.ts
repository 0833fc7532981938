/** `efactura list`: the archived messages of the followed companies (`invoices.query`). */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Direction, InvoiceRow } from '../../../shared/domain.ts';
import { chooseCompanies } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { usageError } from '../errors.ts';
import { formatTable } from '../output.ts';
import type { CliSession } from '../session.ts';
import { isoDate } from './parsers.ts';

/** The largest page `invoices.query` returns. */
const PAGE_SIZE = 5000;

interface ListOptions {
  cif?: string;
  direction?: Direction;
  from?: string;
  to?: string;
}

/** The fields of a row that `list --json` prints, in this order. */
export interface ListedRow {
  cif: string;
  messageId: string;
  uploadIndex: string;
  direction: Direction;
  partnerCif: string | null;
  partnerName: string | null;
  number: string | null;
  issueDate: string | null;
  total: number | null;
  currency: string | null;
  state: InvoiceRow['state'];
}

export function registerListCommand(program: Command, run: RunCommand): void {
  program
    .command('list')
    .description('list the archived invoices and messages')
    .option('--cif <cif>', 'list one company (default: every followed company)')
    .addOption(
      new Option(
        '--direction <direction>',
        'received invoices, sent invoices, or errors (rejected uploads)',
      ).choices(['received', 'sent', 'errors']),
    )
    .option(
      '--from <date>',
      'first date to include, YYYY-MM-DD (the issue date, or the message date for errors)',
      isoDate,
    )
    .option('--to <date>', 'last date to include, YYYY-MM-DD', isoDate)
    .action((options: ListOptions, command: Command) =>
      run(command, (context) => list(context, options)),
    );
}

async function list(
  context: CommandContext,
  options: ListOptions,
): Promise<void> {
  if (
    options.from !== undefined &&
    options.to !== undefined &&
    options.from > options.to
  ) {
    throw usageError(`--from ${options.from} is after --to ${options.to}.`);
  }
  const session = await context.session('none');
  const companies = await chooseCompanies(session, options.cif, undefined);
  const rows: ListedRow[] = [];
  for (const company of companies)
    rows.push(...(await queryAll(session, company.cif, options)));

  context.output.result(rows, () =>
    rows.length === 0
      ? 'No archived messages match. Run `efactura sync` to download the latest ones.'
      : formatTable(
          [
            'ISSUED',
            'DIRECTION',
            'NUMBER',
            'PARTNER',
            'TOTAL',
            'STATE',
            'MESSAGE ID',
            'CIF',
          ],
          rows.map((row) => [
            row.issueDate ?? '-',
            row.direction,
            row.number ?? '-',
            row.partnerName ?? row.partnerCif ?? '-',
            row.total === null
              ? '-'
              : `${row.total.toFixed(2)} ${row.currency ?? ''}`.trim(),
            row.state,
            row.messageId,
            row.cif,
          ]),
        ),
  );
}

/** Reads every page of one company's matching rows. */
async function queryAll(
  session: CliSession,
  cif: string,
  options: ListOptions,
): Promise<ListedRow[]> {
  const rows: ListedRow[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await session.call('invoices.query', {
      cif,
      ...(options.direction !== undefined
        ? { direction: options.direction }
        : {}),
      ...(options.from !== undefined ? { dateFrom: options.from } : {}),
      ...(options.to !== undefined ? { dateTo: options.to } : {}),
      sort: { field: 'createdAt', descending: false },
      offset,
      limit: PAGE_SIZE,
    });
    rows.push(...page.rows.map(listedRow));
    if (
      page.rows.length < PAGE_SIZE ||
      offset + page.rows.length >= (page.total ?? 0)
    )
      return rows;
  }
}

function listedRow(row: InvoiceRow): ListedRow {
  return {
    cif: row.cif,
    messageId: row.messageId,
    uploadIndex: row.uploadIndex,
    direction: row.direction,
    partnerCif: row.partnerCif,
    partnerName: row.partnerName,
    number: row.number,
    issueDate: row.issueDate,
    total: row.total,
    currency: row.currency,
    state: row.state,
  };
}
