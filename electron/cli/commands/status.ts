/**
 * `efactura status UPLOAD_INDEX`: the state of one upload. An upload this
 * data folder sent is reported from its record (`uploads.list`); any other
 * index is asked of ANAF (`stareMesaj`) through the request queue, which
 * needs the data-folder lock.
 */
import type { Command } from 'commander';
import type { CompanySummary, UploadState } from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { UploadStatus } from '../../core/anaf/index.ts';
import { chooseCompanies, parseCif, requireCompanyLogins } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { failure, fromAppError, usageError } from '../errors.ts';
import type { CliSession } from '../session.ts';
import {
  outcomeOfRecord,
  type FileError,
  type UploadStatusWord,
} from '../upload/report.ts';
import { isDecimalId } from './parsers.ts';

/** `uploads.list` returns at most this many uploads. */
const LIST_LIMIT = 1000;

interface StatusReport {
  uploadIndex: string;
  cif: string;
  status: UploadStatusWord;
  messageId: string | null;
  /** The uploaded file's name, when this data folder sent it. */
  file: string | null;
  state: UploadState | null;
  errors: FileError[];
}

export function registerStatusCommand(program: Command, run: RunCommand): void {
  program
    .command('status')
    .description('show the state of an upload by its upload index')
    .argument(
      '<uploadIndex>',
      'the upload index (index_incarcare) ANAF returned',
    )
    .option(
      '--cif <cif>',
      'company the upload was made for (default: the only followed company)',
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
      `"${uploadIndex}" is not an upload index: ANAF's upload indexes are numbers.`,
    );
  }
  const cifDigits = cif === undefined ? undefined : parseCif(cif);
  const session = await context.session('optional');
  const report =
    (await fromRecords(session, uploadIndex, cifDigits)) ??
    (await fromAnaf(session, uploadIndex, cifDigits));
  context.output.result(report, () => {
    const lines = [
      `Upload ${report.uploadIndex} (CIF ${report.cif}): ${report.status}`,
    ];
    if (report.file) lines.push(`File: ${report.file}`);
    if (report.messageId) lines.push(`Message id: ${report.messageId}`);
    for (const error of report.errors)
      lines.push(`${error.code ? `[${error.code}] ` : ''}${error.message}`);
    return lines.join('\n');
  });
}

async function fromRecords(
  session: CliSession,
  uploadIndex: string,
  cif: string | undefined,
): Promise<StatusReport | null> {
  const records = await session.call('uploads.list', {
    ...(cif !== undefined ? { cif } : {}),
    limit: LIST_LIMIT,
  });
  const record = records.find(
    (candidate) => candidate.uploadIndex === uploadIndex,
  );
  if (!record) return null;
  const outcome = outcomeOfRecord(record.fileName, record);
  return {
    uploadIndex,
    cif: record.cif,
    status: outcome.status,
    messageId: outcome.messageId,
    file: record.fileName,
    state: record.state,
    errors: outcome.errors,
  };
}

const STATUS_WORDS: Record<UploadStatus['state'], UploadStatusWord> = {
  ok: 'ok',
  nok: 'nok',
  processing: 'processing',
  rejectedAtUpload: 'rejected',
};

async function fromAnaf(
  session: CliSession,
  uploadIndex: string,
  cif: string | undefined,
): Promise<StatusReport> {
  if (!session.holdsLock) {
    throw failure(
      `${session.lockMessage ?? 'The data folder is in use.'} Asking ANAF needs the data folder.`,
      'archive.locked',
    );
  }
  const company = await oneCompany(session, cif);
  await requireCompanyLogins(session, [company]);

  let answer: UploadStatus;
  try {
    answer = await session.core.services.gateway.status(
      { accountId: company.accountId, cif: company.cif, api: company.api },
      uploadIndex,
      { lane: 'interactive' },
    );
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    if (error.code === 'anaf.notFound') {
      throw failure(
        `ANAF has no upload with index ${uploadIndex} for CIF ${company.cif}. Check the index, and pass --cif for another company.`,
        'anaf.notFound',
      );
    }
    throw fromAppError(error.toAppError());
  }
  return {
    uploadIndex,
    cif: company.cif,
    status: STATUS_WORDS[answer.state],
    messageId: 'downloadId' in answer ? answer.downloadId : null,
    file: null,
    state: null,
    errors: [],
  };
}

async function oneCompany(
  session: CliSession,
  cif: string | undefined,
): Promise<CompanySummary> {
  const companies = await chooseCompanies(session, cif, undefined);
  const [only] = companies;
  if (only && companies.length === 1) return only;
  const cifs = companies.map((company) => company.cif).join(', ');
  throw usageError(
    `Several companies are followed (${cifs}); name the upload's company with --cif CIF.`,
  );
}
