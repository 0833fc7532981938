/**
 * The upload record, company and account for which `efactura status`
 * queries ANAF. An index that this data folder uploaded names its own company.
 * For any other index the company comes from --cif, else the only
 * followed company (of --account, when given). The account is --account,
 * else the one that follows the company.
 */
import type {
  AccountSummary,
  CompanySummary,
  UploadRecord,
} from '../../../shared/domain.ts';
import {
  chooseAccount,
  chooseCompanies,
  requireCompany,
  requireCompanyLogins,
  requireLoggedIn,
} from '../choices.ts';
import { failure, usageError } from '../errors.ts';
import type { CliSession } from '../session.ts';

/** `uploads.list` returns at most this many uploads per company. */
const LIST_LIMIT = 1000;

export interface StatusTarget {
  company: CompanySummary;
  account: AccountSummary;
  /** This data folder's record of the upload, if it made it. */
  record: UploadRecord | null;
}

export interface TargetRequest {
  uploadIndex: string;
  /** --cif, as digits. */
  cif: string | undefined;
  /** --account. */
  accountId: string | undefined;
}

export async function chooseStatusTarget(
  session: CliSession,
  request: TargetRequest,
): Promise<StatusTarget> {
  const companies =
    request.cif === undefined
      ? await session.call('companies.list', undefined)
      : [await requireCompany(session, request.cif)];
  const record = await findRecord(session, companies, request.uploadIndex);
  const company = record
    ? await recordCompany(session, record)
    : onlyCompany(
        await chooseCompanies(session, request.cif, request.accountId),
      );
  const account = await targetAccount(session, company, request.accountId);
  return { company, account, record };
}

/**
 * Looks for the index among the newest uploads of each company.
 * NOTE: an upload older than the newest 1000 of its company is not found,
 * so it is reported like an index from elsewhere.
 */
async function findRecord(
  session: CliSession,
  companies: readonly CompanySummary[],
  uploadIndex: string,
): Promise<UploadRecord | null> {
  for (const company of companies) {
    const records = await session.call('uploads.list', {
      cif: company.cif,
      limit: LIST_LIMIT,
    });
    const found = records.find((record) => record.uploadIndex === uploadIndex);
    if (found) return found;
  }
  return null;
}

async function recordCompany(
  session: CliSession,
  record: UploadRecord,
): Promise<CompanySummary> {
  const companies = await session.call('companies.list', undefined);
  const company = companies.find((candidate) => candidate.cif === record.cif);
  if (!company) {
    throw failure(
      `Upload ${record.uploadIndex} (${record.fileName}) was made for CIF ${record.cif}, which is no longer followed. ` +
        `Add it again with \`efactura companies add ${record.cif}\`.`,
      'input.invalid',
    );
  }
  return company;
}

function onlyCompany(companies: readonly CompanySummary[]): CompanySummary {
  const [only] = companies;
  if (only && companies.length === 1) return only;
  const cifs = companies.map((company) => company.cif).join(', ');
  throw usageError(
    `Several companies are followed (${cifs}); name the upload's company with --cif CIF.`,
  );
}

async function targetAccount(
  session: CliSession,
  company: CompanySummary,
  accountId: string | undefined,
): Promise<AccountSummary> {
  if (accountId !== undefined) {
    const account = await chooseAccount(session, accountId);
    requireLoggedIn(account);
    return account;
  }
  await requireCompanyLogins(session, [company]);
  const accounts = await session.call('accounts.list', undefined);
  const account = accounts.find(
    (candidate) => candidate.id === company.accountId,
  );
  // requireCompanyLogins has failed already when the account is missing.
  if (!account) throw new Error(`No account ${company.accountId}`);
  return account;
}
