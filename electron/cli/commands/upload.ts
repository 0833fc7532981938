/**
 * `efactura upload FILE...`: checks every file as the app's upload screen
 * does (`uploads.check`), sends the ones that may go (`uploads.submit`),
 * waits until ANAF has each one, and with --wait follows each upload until
 * ANAF's response is final.
 */
import type { Command } from 'commander';
import type {
  CompanySummary,
  UploadCheckResult,
  UploadRecord,
} from '../../../shared/domain.ts';
import { MAX_FILES_PER_CALL } from '../../../shared/ipc/contract.ts';
import { chooseCompanies, requireCompanyLogins } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { EXIT_FAILURE, EXIT_OK, failure, type ExitCode } from '../errors.ts';
import type { CliSession } from '../session.ts';
import { canAsk, confirm } from '../terminal.ts';
import { decideUpload, type Confirmations } from '../upload/decide.ts';
import {
  assignCompanies,
  expandPaths,
  readUploadFile,
  type UploadFile,
} from '../upload/files.ts';
import {
  formatOutcomes,
  outcomeNotSent,
  outcomeOfRecord,
  succeeded,
  type FileOutcome,
} from '../upload/report.ts';
import { waitForUploads } from '../upload/wait.ts';
import { positiveInteger } from './parsers.ts';

interface UploadOptions {
  cif?: string;
  wait?: boolean;
  timeout?: number;
  allowDuplicate?: boolean;
  acceptWarnings?: boolean;
}

export function registerUploadCommand(program: Command, run: RunCommand): void {
  program
    .command('upload')
    .description(
      'check invoices (UBL, CreditNote or CII XML) and upload the ones that pass',
    )
    .argument(
      '<files...>',
      'XML files, or folders whose .xml files (in subfolders too) are uploaded',
    )
    .option(
      '--cif <cif>',
      "company the files are uploaded for (default: the only followed company, else each file's seller)",
    )
    .option('--wait', 'follow each upload until ANAF accepts or rejects it')
    .option(
      '--timeout <seconds>',
      'stop waiting after this many seconds (for the sending, and with --wait for the outcome)',
      positiveInteger,
    )
    .option(
      '--allow-duplicate',
      'send files whose exact bytes were uploaded before',
    )
    .option('--accept-warnings', 'send files whose checks found only warnings')
    .action((files: string[], options: UploadOptions, command: Command) =>
      run(command, (context) => upload(context, files, options)),
    );
}

async function upload(
  context: CommandContext,
  paths: string[],
  options: UploadOptions,
): Promise<ExitCode> {
  const files = expandPaths(paths).map(readUploadFile);
  if (files.length === 0)
    throw failure(
      `No .xml file was found in ${paths.join(', ')}.`,
      'input.invalid',
    );

  const session = await context.session('required');
  const companies = await chooseCompanies(session, options.cif, undefined);
  assignCompanies(
    files,
    companies,
    options.cif === undefined ? null : (companies[0]?.cif ?? null),
  );
  await requireCompanyLogins(session, companiesOf(files, companies));

  const confirmations: Confirmations = {
    acceptWarnings: options.acceptWarnings === true,
    allowDuplicate: options.allowDuplicate === true,
    ask: canAsk() ? confirm : null,
  };
  const outcomes = new Map<UploadFile, FileOutcome>();
  const sent = new Map<UploadFile, UploadRecord>();
  for (const file of files) {
    if (file.problem)
      outcomes.set(
        file,
        outcomeNotSent(file.path, file.cif, null, 'rejected', [file.problem]),
      );
  }
  for (const [cif, group] of groupByCompany(files)) {
    for (let start = 0; start < group.length; start += MAX_FILES_PER_CALL) {
      const chunk = group.slice(start, start + MAX_FILES_PER_CALL);
      await checkAndSend(session, cif, chunk, confirmations, outcomes, sent);
    }
  }

  // Without --wait the command still waits until ANAF has each file, because
  // closing the session stops the upload service before it sends anything.
  if (sent.size > 0) {
    const timeoutMs =
      options.timeout === undefined ? null : options.timeout * 1000;
    const latest = await waitForUploads(session, [...sent.values()], {
      until: options.wait === true ? 'final' : 'sent',
      timeoutMs,
    });
    for (const [file, record] of sent)
      sent.set(file, latest.get(record.id) ?? record);
  }
  for (const [file, record] of sent)
    outcomes.set(file, outcomeOfRecord(file.path, record));

  const ordered = files
    .map((file) => outcomes.get(file))
    .filter((outcome) => outcome !== undefined);
  context.output.result(ordered, () => formatOutcomes(ordered));
  return ordered.every((outcome) => succeeded(outcome, options.wait === true))
    ? EXIT_OK
    : EXIT_FAILURE;
}

function companiesOf(
  files: readonly UploadFile[],
  companies: readonly CompanySummary[],
): CompanySummary[] {
  const cifs = new Set(files.map((file) => file.cif));
  return companies.filter((company) => cifs.has(company.cif));
}

function groupByCompany(
  files: readonly UploadFile[],
): Map<string, UploadFile[]> {
  const groups = new Map<string, UploadFile[]>();
  for (const file of files) {
    if (file.problem || file.cif === null) continue;
    groups.set(file.cif, [...(groups.get(file.cif) ?? []), file]);
  }
  return groups;
}

function base64Of(file: UploadFile): { name: string; base64: string } {
  return {
    name: file.name,
    base64: Buffer.from(file.bytes ?? new Uint8Array()).toString('base64'),
  };
}

/** Checks one company's files, sends those that may go, and records each outcome. */
async function checkAndSend(
  session: CliSession,
  cif: string,
  files: readonly UploadFile[],
  confirmations: Confirmations,
  outcomes: Map<UploadFile, FileOutcome>,
  sent: Map<UploadFile, UploadRecord>,
): Promise<void> {
  const checks = await session.call('uploads.check', {
    cif,
    files: files.map(base64Of),
  });
  const earlierUploads = await earlierUploadsOf(session, cif, checks);
  const sendable: UploadFile[] = [];
  const sendableChecks: UploadCheckResult[] = [];
  for (const [index, file] of files.entries()) {
    const check = checks[index];
    if (!check)
      throw failure(`The upload check returned no result for ${file.path}.`);
    const decision = await decideUpload(
      file.path,
      check,
      cif,
      confirmations,
      earlierUploads,
    );
    if (decision.send) {
      sendable.push(file);
      sendableChecks.push(check);
    } else {
      outcomes.set(file, decision.outcome);
    }
  }
  if (sendable.length === 0) return;

  // Every file left passed its confirmations, so the flags hold for all of them.
  const hasWarnings = sendableChecks.some((check) => check.problems.length > 0);
  const records = await session.call('uploads.submit', {
    cif,
    files: sendable.map(base64Of),
    acceptWarnings: hasWarnings,
    allowDuplicate: hasWarnings,
  });
  for (const [index, file] of sendable.entries()) {
    const record = records[index];
    if (!record)
      throw failure(`The upload service returned no upload for ${file.path}.`);
    sent.set(file, record);
  }
}

/** `uploads.list` returns at most this many uploads per company. */
const LIST_LIMIT = 1000;

/**
 * Loads the records of the earlier uploads that checked files duplicate,
 * by id, so their warnings can name the upload index. Lists nothing when
 * no file is a duplicate.
 */
async function earlierUploadsOf(
  session: CliSession,
  cif: string,
  checks: readonly UploadCheckResult[],
): Promise<Map<string, UploadRecord>> {
  const wanted = new Set(
    checks.flatMap((check) =>
      check.earlierUpload === null ? [] : [check.earlierUpload],
    ),
  );
  if (wanted.size === 0) return new Map();
  const records = await session.call('uploads.list', {
    cif,
    limit: LIST_LIMIT,
  });
  return new Map(
    records
      .filter((record) => wanted.has(record.id))
      .map((record) => [record.id, record]),
  );
}
