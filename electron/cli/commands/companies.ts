/** `efactura companies add|list|remove`: the companies (CIFs) the data folder follows. */
import type { Command } from 'commander';
import { Option } from 'commander';
import type {
  AccountSummary,
  ApiPath,
  CompanySummary,
} from '../../../shared/domain.ts';
import { sameSerial } from '../../core/auth/certificate-policy.ts';
import { chooseAccount, parseCif, requireCompany } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { failure } from '../errors.ts';
import { formatTable, shortTime } from '../output.ts';
import type { CliSession } from '../session.ts';

interface AddOptions {
  name?: string;
  api?: ApiPath;
}

export function registerCompanyCommands(
  program: Command,
  run: RunCommand,
): void {
  const companies = program
    .command('companies')
    .description('follow companies (CIFs) and list them');

  companies
    .command('add')
    .description(
      'follow a company with the account given by --account (default: the only one)',
    )
    .argument('<cif>', "the company's CIF, with or without RO")
    .option(
      '--name <name>',
      'name to show for the company (default: "CIF <cif>")',
    )
    .addOption(
      new Option(
        '--api <path>',
        'ANAF API path the company uses: test or prod (default: prod)',
      ).choices(['test', 'prod']),
    )
    .action((cif: string, options: AddOptions, command: Command) =>
      run(command, (context) => addCompany(context, cif, options)),
    );

  companies
    .command('list')
    .description('list the followed companies')
    .action((_options: unknown, command: Command) =>
      run(command, listCompanies),
    );

  companies
    .command('remove')
    .description('stop following a company (its archived invoices stay)')
    .argument('<cif>', "the company's CIF")
    .action((cif: string, _options: unknown, command: Command) =>
      run(command, (context) => removeCompany(context, cif)),
    );
}

async function addCompany(
  context: CommandContext,
  rawCif: string,
  options: AddOptions,
): Promise<void> {
  const cif = parseCif(rawCif);
  const session = await context.session('required');
  const account = await chooseAccount(session, context.globals.account);

  const existing = (await session.call('companies.list', undefined)).find(
    (company) => company.cif === cif,
  );
  if (existing) {
    throw failure(
      `The company with CIF ${cif} is already followed (account ${existing.accountId}, API ${existing.api}).`,
      'input.invalid',
    );
  }

  const company = await session.call('companies.add', {
    cif,
    accountId: account.id,
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.api !== undefined ? { api: options.api } : {}),
  });
  const warning = await certificateWarning(session, account, cif);
  if (warning) context.output.warning(warning);
  context.output.result(
    company,
    () =>
      `Following ${describeCompany(company)} in ${environmentOf(company, account)} with account ${company.accountId}.`,
  );
}

/**
 * Returns a warning when a sandbox account's certificate has no rights on
 * the CIF, or null. Only the sandbox lists each certificate's CIFs, so an
 * ANAF account is not checked here, and missing rights show at its first call.
 */
async function certificateWarning(
  session: CliSession,
  account: AccountSummary,
  cif: string,
): Promise<string | null> {
  if (account.provider !== 'sandbox') return null;
  const certificates = await session.call(
    'accounts.sandboxCertificates',
    undefined,
  );
  const certificate = certificates.find((candidate) =>
    sameSerial(candidate.serial, account.certificateSerial),
  );
  if (!certificate || certificate.cifs.includes(cif)) return null;
  const rights =
    certificate.cifs.length === 0
      ? 'no CIF'
      : `only CIF ${certificate.cifs.join(', ')}`;
  return `the certificate of account ${account.id} (${certificate.subject}) has rights on ${rights}, not on ${cif}. The company was added, but its uploads and syncs need a certificate with rights on ${cif}.`;
}

/**
 * Names the environment as the desktop app's company list does: `Sandbox`
 * for a sandbox account, else `ANAF prod` or `ANAF test`. An unknown
 * account shows only the API path.
 */
function environmentOf(
  company: CompanySummary,
  account: AccountSummary | undefined,
): string {
  if (!account) return `API ${company.api}`;
  return account.provider === 'sandbox' ? 'Sandbox' : `ANAF ${company.api}`;
}

/** Formats the company's name and CIF, or only the CIF when the name is the default one. */
function describeCompany(company: CompanySummary): string {
  const cif = `CIF ${company.cif}`;
  return company.name === cif ? cif : `${company.name} (${cif})`;
}

function companyRows(
  companies: readonly CompanySummary[],
  accounts: readonly AccountSummary[],
): string[][] {
  return companies.map((company) => [
    company.cif,
    company.name,
    environmentOf(
      company,
      accounts.find((account) => account.id === company.accountId),
    ),
    company.accountId,
    shortTime(company.lastSyncAt),
  ]);
}

async function listCompanies(context: CommandContext): Promise<void> {
  const session = await context.session('none');
  const companies = await session.call('companies.list', undefined);
  const accounts = await session.call('accounts.list', undefined);
  context.output.result(companies, () =>
    companies.length === 0
      ? 'No company is followed. Add one with `efactura companies add CIF`.'
      : formatTable(
          ['CIF', 'NAME', 'ENVIRONMENT', 'ACCOUNT', 'LAST SYNC'],
          companyRows(companies, accounts),
        ),
  );
}

async function removeCompany(
  context: CommandContext,
  rawCif: string,
): Promise<void> {
  const session = await context.session('required');
  const company = await requireCompany(session, rawCif);
  await session.call('companies.remove', { cif: company.cif });
  context.output.result(
    { removed: company.cif },
    () => `Stopped following ${describeCompany(company)}.`,
  );
}
