/**
 * The account and the companies a command works on: `--account ID`, else
 * the only account logged in from the command line; `--cif CIF`, else every
 * followed company. Each failure names the value and the command to run.
 */
import type { AccountSummary, CompanySummary } from '../../shared/domain.ts';
import { validateCif } from '../../shared/cif.ts';
import { failure, usageError } from './errors.ts';
import type { CliSession } from './session.ts';

export const NO_ACCOUNT_MESSAGE =
  'No account is logged in from the command line. Log in first: ' +
  '`efactura login --env sandbox --sandbox-config FILE` or ' +
  '`efactura login --env anaf --client-id ID --client-secret SECRET --redirect-uri URL`.';

/** Returns the command that logs an account in again. */
export function loginCommandFor(account: AccountSummary): string {
  return account.provider === 'sandbox'
    ? '`efactura login --env sandbox --sandbox-config FILE --certificate N`'
    : `\`efactura login --env anaf --client-id ${account.clientId} --client-secret SECRET --redirect-uri ${account.redirectUri}\``;
}

export async function chooseAccount(
  session: CliSession,
  requested: string | undefined,
): Promise<AccountSummary> {
  const accounts = await session.call('accounts.list', undefined);
  if (requested !== undefined) {
    const found = accounts.find((account) => account.id === requested);
    if (!found) {
      throw usageError(
        `No account has the id ${requested}. Run \`efactura accounts\` to list the ids.`,
      );
    }
    return found;
  }

  // Accounts the desktop app logged in share the accounts file, but their
  // tokens are in the app's own storage, so they show as logged out here.
  const usable = accounts.filter((account) => account.status !== 'loggedOut');
  const [only] = usable;
  if (only && usable.length === 1) return only;
  if (usable.length === 0)
    throw failure(NO_ACCOUNT_MESSAGE, 'auth.notLoggedIn');
  const ids = usable.map((account) => account.id).join(', ');
  throw usageError(
    `${usable.length} accounts are logged in (${ids}); choose one with --account ID.`,
  );
}

/** Fails unless the account's tokens can be used for ANAF calls now. */
export function requireLoggedIn(account: AccountSummary): void {
  if (account.storageProblem)
    throw failure(account.storageProblem, 'storage.unavailable');
  if (account.status === 'loggedOut') {
    throw failure(
      `Account ${account.id} (${account.certificateSubject}) is not logged in from the command line. ` +
        `Log in with ${loginCommandFor(account)}.`,
      'auth.notLoggedIn',
    );
  }
  if (account.status === 'expired') {
    const when = account.refreshExpiresAt
      ? ` on ${account.refreshExpiresAt}`
      : '';
    throw failure(
      `The login of account ${account.id} (${account.certificateSubject}) expired${when}. ` +
        `Log in again with ${loginCommandFor(account)}.`,
      'auth.refreshExpired',
    );
  }
}

/** Normalises a CIF typed on the command line, or fails with exit code 2. */
export function parseCif(raw: string): string {
  const result = validateCif(raw);
  if (!result.ok) throw usageError(result.error.message);
  return result.value;
}

/** The followed company with this CIF, or a failure that says how to add it. */
export async function requireCompany(
  session: CliSession,
  raw: string,
): Promise<CompanySummary> {
  const cif = parseCif(raw);
  const companies = await session.call('companies.list', undefined);
  const company = companies.find((candidate) => candidate.cif === cif);
  if (!company) {
    throw failure(
      `The company with CIF ${cif} is not followed. Add it first: \`efactura companies add ${cif}\`.`,
      'input.invalid',
    );
  }
  return company;
}

/**
 * The companies a command works on: the one named by --cif, else every
 * followed company (of --account, when given).
 */
export async function chooseCompanies(
  session: CliSession,
  cif: string | undefined,
  accountId: string | undefined,
): Promise<CompanySummary[]> {
  if (cif !== undefined) return [await requireCompany(session, cif)];
  const companies = await session.call('companies.list', undefined);
  const chosen =
    accountId === undefined
      ? companies
      : companies.filter((company) => company.accountId === accountId);
  if (chosen.length === 0) {
    throw failure(
      'No company is followed. Add one first: `efactura companies add CIF`.',
      'input.invalid',
    );
  }
  return chosen;
}

/** Fails unless every account behind these companies is logged in. */
export async function requireCompanyLogins(
  session: CliSession,
  companies: readonly CompanySummary[],
): Promise<void> {
  const accounts = await session.call('accounts.list', undefined);
  for (const company of companies) {
    const account = accounts.find(
      (candidate) => candidate.id === company.accountId,
    );
    if (!account) {
      throw failure(
        `The account ${company.accountId} that follows CIF ${company.cif} no longer exists. ` +
          `Run \`efactura companies remove ${company.cif}\`, log in, and add the company again.`,
        'auth.notLoggedIn',
      );
    }
    requireLoggedIn(account);
  }
}
