/**
 * `efactura status UPLOAD_INDEX`: queries ANAF (stareMesaj, through the
 * request queue) for the state of one upload, with the account and API of
 * the company the upload was made for. Asking ANAF needs the data-folder
 * lock, so the command fails while the desktop app holds it.
 */
import type { Command } from 'commander';
import { parseCif } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { failure, usageError } from '../errors.ts';
import type { CliSession } from '../session.ts';
import { askAnafStatus } from '../status/ask-anaf.ts';
import {
  buildStatusReport,
  formatStatusReport,
  recordLagsBehind,
} from '../status/report.ts';
import { chooseStatusTarget } from '../status/target.ts';
import { isDecimalId } from './parsers.ts';

export function registerStatusCommand(program: Command, run: RunCommand): void {
  program
    .command('status')
    .description('ask ANAF for the state of an upload by its upload index')
    .argument(
      '<uploadIndex>',
      'the upload index (index_incarcare) ANAF returned',
    )
    .option(
      '--cif <cif>',
      'company the upload was made for (default: the company of a known upload, else the only followed company)',
    )
    .action(
      (uploadIndex: string, options: { cif?: string }, command: Command) =>
        run(command, (context) => status(context, uploadIndex, options.cif)),
    );
}

async function status(
  context: CommandContext,
  uploadIndex: string,
  cif: string | undefined,
): Promise<void> {
  if (!isDecimalId(uploadIndex)) {
    throw usageError(
      `"${uploadIndex}" is not an upload index. Pass the number that \`efactura upload\` printed as uploadIndex, such as 5001422406.`,
    );
  }
  const cifDigits = cif === undefined ? undefined : parseCif(cif);
  const session = await context.session('optional');
  requireLock(session);

  const target = await chooseStatusTarget(session, {
    uploadIndex,
    cif: cifDigits,
    accountId: context.globals.account,
  });
  const answer = await askAnafStatus(session, target, uploadIndex);
  // The response updates a processing record as the app's own check would,
  // which for `nok` includes fetching every error of the error document.
  const record =
    target.record === null
      ? null
      : await session.core.services.uploads.applyStatus(uploadIndex, answer);
  const report = buildStatusReport(
    uploadIndex,
    target.company.cif,
    answer,
    record,
  );
  session.logger.info('Upload status received', {
    uploadIndex,
    cif: report.cif,
    status: report.status,
    recordState: report.state,
  });

  context.output.result(report, () => formatStatusReport(report));
  if (recordLagsBehind(report)) {
    context.output.notice(
      `The local record of upload ${uploadIndex} is still ${report.state}: ${record?.note ?? 'the app updates it when it next checks the upload.'}`,
    );
  }
}

function requireLock(session: CliSession): void {
  if (session.holdsLock) return;
  throw failure(
    `${session.lockMessage ?? 'The data folder is in use.'} Asking ANAF needs the data folder; run the command again once the other process has closed.`,
    'archive.locked',
  );
}
