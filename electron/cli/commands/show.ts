/**
 * `efactura show MESSAGE_ID|FILE.zip|FILE.xml`: the parsed invoice (or
 * ANAF's parsed error document), from the archive by message id or from a
 * file on disk. `--json` prints the same model whatever the source.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { InvoiceDocument } from '../../../shared/domain.ts';
import { chooseCompanies } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { CliError, failure } from '../errors.ts';
import type { CliSession } from '../session.ts';
import { formatErrorDocument, formatInvoice } from '../show/format.ts';
import { readLocalDocument, type ShownDocument } from '../show/local-file.ts';
import { isDecimalId } from './parsers.ts';

export function registerShowCommand(program: Command, run: RunCommand): void {
  program
    .command('show')
    .description(
      'show an archived invoice by message id, or an invoice or ANAF ZIP file',
    )
    .argument(
      '<source>',
      'a message id from `efactura list`, or a .zip or .xml file',
    )
    .option(
      '--cif <cif>',
      'company whose archive holds the message (default: every followed company)',
    )
    .action((source: string, options: { cif?: string }, command: Command) =>
      run(command, (context) => show(context, source, options.cif)),
    );
}

async function show(
  context: CommandContext,
  source: string,
  cif: string | undefined,
): Promise<void> {
  const isMessageId = isDecimalId(source) && !fs.existsSync(source);
  const shown = isMessageId
    ? await fromArchive(await context.session('none'), source, cif)
    : await readLocalDocument(source);
  const document = shown.kind === 'invoice' ? shown.invoice : shown.errors;
  context.output.result(document, () =>
    shown.kind === 'invoice'
      ? formatInvoice(shown.invoice)
      : formatErrorDocument(shown.errors),
  );
}

async function fromArchive(
  session: CliSession,
  messageId: string,
  cif: string | undefined,
): Promise<ShownDocument> {
  const companies = await chooseCompanies(session, cif, undefined);
  for (const company of companies) {
    let document: InvoiceDocument;
    try {
      document = await session.call('invoices.document', {
        cif: company.cif,
        messageId,
      });
    } catch (error) {
      // Message ids belong to one company's list: try the next company.
      if (error instanceof CliError && error.code === 'archive.notFound')
        continue;
      throw error;
    }
    return shownFrom(document, messageId);
  }
  const where =
    companies.length === 1
      ? `the archive of CIF ${companies[0]?.cif}`
      : 'the archive';
  throw failure(
    `No message with id ${messageId} is in ${where}. Run \`efactura list\` for the ids, or \`efactura sync\` to download new ones.`,
    'archive.notFound',
  );
}

function shownFrom(
  document: InvoiceDocument,
  messageId: string,
): ShownDocument {
  if (document.invoice) return { kind: 'invoice', invoice: document.invoice };
  if (document.row.direction === 'errors' || document.errors.length > 0) {
    return {
      kind: 'errors',
      errors: {
        uploadIndex: document.row.uploadIndex,
        sellerCif: document.row.cif,
        errors: document.errors.map((error) => ({
          ruleId: error.ruleId,
          message: error.message,
        })),
      },
    };
  }
  const reason = document.problem ?? `its state is ${document.row.state}`;
  const next =
    document.row.state === 'expired'
      ? 'ANAF no longer serves it, so it cannot be downloaded again.'
      : 'Run `efactura sync` to download it again.';
  throw failure(
    `Message ${messageId} has no readable document (${reason}). ${next}`,
    'archive.notFound',
  );
}
