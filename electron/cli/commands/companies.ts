/** `efactura companies add|list|remove`: the companies (CIFs) the data folder follows. */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { ApiPath, CompanySummary } from '../../../shared/domain.ts';
import { chooseAccount, parseCif, requireCompany } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { failure } from '../errors.ts';
import { formatTable, shortTime } from '../output.ts';

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
  context.output.result(
    company,
    () =>
      `Following ${describeCompany(company)} on the ${company.api} API with account ${company.accountId}.`,
  );
}

/** Formats the company's name and CIF, or only the CIF when the name is the default one. */
function describeCompany(company: CompanySummary): string {
  const cif = `CIF ${company.cif}`;
  return company.name === cif ? cif : `${company.name} (${cif})`;
}

function companyRows(companies: readonly CompanySummary[]): string[][] {
  return companies.map((company) => [
    company.cif,
    company.name,
    company.api,
    company.accountId,
    shortTime(company.lastSyncAt),
  ]);
}

async function listCompanies(context: CommandContext): Promise<void> {
  const session = await context.session('none');
  const companies = await session.call('companies.list', undefined);
  context.output.result(companies, () =>
    companies.length === 0
      ? 'No company is followed. Add one with `efactura companies add CIF`.'
      : formatTable(
          ['CIF', 'NAME', 'API', 'ACCOUNT', 'LAST SYNC'],
          companyRows(companies),
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
