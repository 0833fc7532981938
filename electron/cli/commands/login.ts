/**
 * `efactura login`, `efactura accounts` and `efactura logout`: the command
 * line's own logins. The sandbox login presents a certificate file of the
 * sandbox and needs no browser. The ANAF login opens the system browser and
 * receives the callback on a short-lived local HTTPS listener.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type {
  AccountSummary,
  SandboxCertificateChoice,
} from '../../../shared/domain.ts';
import { chooseAccount } from '../choices.ts';
import type { CommandContext, RunCommand } from '../context.ts';
import { usageError } from '../errors.ts';
import { formatTable, shortTime } from '../output.ts';
import {
  forgetSandbox,
  readSandboxConfigFile,
  saveSandbox,
} from '../sandbox-config.ts';
import { ask, canAsk } from '../terminal.ts';
import { nonNegativeInteger } from './parsers.ts';

/** The environment variable read when --client-secret is absent, which keeps the secret out of the process list. */
export const CLIENT_SECRET_VARIABLE = 'EFACTURA_CLIENT_SECRET';

interface LoginOptions {
  env: 'sandbox' | 'anaf';
  sandboxConfig?: string;
  certificate?: number;
  viaBrowser?: boolean;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
}

export function registerLoginCommands(program: Command, run: RunCommand): void {
  program
    .command('login')
    .description(
      'log in to the sandbox with one of its certificates, or to ANAF through the browser',
    )
    .addOption(
      new Option('--env <env>', 'identity provider to log in to')
        .choices(['sandbox', 'anaf'])
        .makeOptionMandatory(),
    )
    .option(
      '--sandbox-config <file>',
      "file with the JSON line `efactura sandbox` prints (sandbox; default: the data folder's own sandbox)",
    )
    .option(
      '--certificate <n>',
      'number of the sandbox certificate to log in with, from 0',
      nonNegativeInteger,
    )
    .option(
      '--via-browser',
      'log in to the sandbox through the system browser, as for ANAF (sandbox)',
    )
    .option(
      '--client-id <id>',
      'client id of the application registered in the ANAF portal (anaf)',
    )
    .option(
      '--client-secret <secret>',
      `client secret of that application (anaf; default: $${CLIENT_SECRET_VARIABLE})`,
    )
    .option(
      '--redirect-uri <url>',
      'callback URL registered for that application, https://localhost:PORT/PATH (anaf)',
    )
    .action((options: LoginOptions, command: Command) =>
      run(command, (context) =>
        options.env === 'sandbox'
          ? loginSandbox(context, options)
          : loginAnaf(context, options),
      ),
    );

  program
    .command('accounts')
    .description('list the accounts with the expiry of their tokens')
    .action((_options: unknown, command: Command) =>
      run(command, listAccounts),
    );

  program
    .command('logout')
    .description(
      'delete the tokens of an account (--account ID, default: the only one) and try to revoke them',
    )
    .action((_options: unknown, command: Command) => run(command, logout));
}

function rejectAnafOptions(options: LoginOptions): void {
  for (const [flag, value] of [
    ['--client-id', options.clientId],
    ['--client-secret', options.clientSecret],
    ['--redirect-uri', options.redirectUri],
  ] as const) {
    if (value !== undefined)
      throw usageError(`${flag} applies to --env anaf only.`);
  }
}

async function loginSandbox(
  context: CommandContext,
  options: LoginOptions,
): Promise<void> {
  rejectAnafOptions(options);
  const external =
    options.sandboxConfig === undefined
      ? null
      : readSandboxConfigFile(options.sandboxConfig);
  const session = await context.session('required');
  if (external) session.core.services.sandbox.useExternal(external);

  const certificates = await session.call(
    'accounts.sandboxCertificates',
    undefined,
  );
  const certificateIndex = await chooseCertificate(
    certificates,
    options.certificate,
  );
  // With --via-browser the browser presents a certificate, and the number
  // only names the account.
  const account = await session.call('accounts.loginSandbox', {
    certificateIndex,
    ...(options.viaBrowser === true ? { viaBrowser: true } : {}),
  });

  // Later commands reach the sandbox this login used.
  if (external) saveSandbox(session.dataDir, external);
  else forgetSandbox(session.dataDir);
  printAccount(context, account, 'Logged in');
}

function describeCertificates(
  certificates: readonly SandboxCertificateChoice[],
): string {
  return certificates
    .map((certificate) => {
      const cifs =
        certificate.cifs.length > 0 ? certificate.cifs.join(', ') : 'no CIF';
      return `${certificate.index} = ${certificate.subject} (${cifs})`;
    })
    .join('; ');
}

async function chooseCertificate(
  certificates: readonly SandboxCertificateChoice[],
  requested: number | undefined,
): Promise<number> {
  const choices = describeCertificates(certificates);
  if (requested !== undefined) {
    if (requested >= certificates.length) {
      throw usageError(
        `The sandbox has no certificate number ${requested}. Choose one with --certificate N: ${choices}.`,
      );
    }
    return requested;
  }
  if (certificates.length === 1) return 0;
  if (!canAsk()) {
    throw usageError(
      `The sandbox offers ${certificates.length} certificates; choose one with --certificate N: ${choices}.`,
    );
  }
  const answer = await ask(
    `Certificates: ${choices}.\nNumber of the certificate to log in with: `,
  );
  const index = Number(answer.trim());
  if (!Number.isInteger(index) || index < 0 || index >= certificates.length) {
    throw usageError(
      `"${answer.trim()}" is not a certificate number. Choose one with --certificate N: ${choices}.`,
    );
  }
  return index;
}

async function loginAnaf(
  context: CommandContext,
  options: LoginOptions,
): Promise<void> {
  if (
    options.sandboxConfig !== undefined ||
    options.certificate !== undefined ||
    options.viaBrowser !== undefined
  ) {
    throw usageError(
      '--sandbox-config, --certificate and --via-browser apply to --env sandbox only.',
    );
  }
  const clientSecret =
    options.clientSecret ?? process.env[CLIENT_SECRET_VARIABLE];
  const missing = [
    options.clientId === undefined ? '--client-id ID' : null,
    clientSecret === undefined || clientSecret === ''
      ? `--client-secret SECRET (or $${CLIENT_SECRET_VARIABLE})`
      : null,
    options.redirectUri === undefined ? '--redirect-uri URL' : null,
  ].filter((flag) => flag !== null);
  if (missing.length > 0) {
    throw usageError(
      `The ANAF login needs ${missing.join(', ')}; they are on the application's page in the ANAF portal.`,
    );
  }

  const session = await context.session('required');
  const account = await session.call('accounts.loginAnaf', {
    clientId: options.clientId ?? '',
    clientSecret: clientSecret ?? '',
    redirectUri: options.redirectUri ?? '',
  });
  printAccount(context, account, 'Logged in');
}

function printAccount(
  context: CommandContext,
  account: AccountSummary,
  verb: string,
): void {
  context.output.result(account, () =>
    [
      `${verb}: account ${account.id} (${account.provider}), ${account.certificateSubject}.`,
      `Access token valid until ${shortTime(account.accessExpiresAt)}, login valid until ${shortTime(account.refreshExpiresAt)}.`,
      ...(account.warning ? [account.warning] : []),
    ].join('\n'),
  );
}

async function listAccounts(context: CommandContext): Promise<void> {
  const session = await context.session('none');
  const accounts = await session.call('accounts.list', undefined);
  context.output.result(accounts, () => {
    if (accounts.length === 0)
      return 'No accounts. Log in with `efactura login`.';
    const rows = accounts.map((account) => [
      account.id,
      account.provider,
      account.certificateSubject,
      account.status,
      shortTime(account.accessExpiresAt),
      shortTime(account.refreshExpiresAt),
      account.storageProblem ?? account.warning ?? '',
    ]);
    return formatTable(
      [
        'ID',
        'PROVIDER',
        'CERTIFICATE',
        'STATUS',
        'ACCESS EXPIRES',
        'LOGIN EXPIRES',
        'NOTE',
      ],
      rows,
    );
  });
}

async function logout(context: CommandContext): Promise<void> {
  const session = await context.session('required');
  const account = await chooseAccount(session, context.globals.account);
  // The revoke call needs the sandbox's address, known once it is reached.
  if (account.provider === 'sandbox')
    await session.core.services.startSandbox();
  const report = await session.call('accounts.logout', {
    accountId: account.id,
  });
  context.output.result(
    { accountId: account.id, ...report },
    () => `Logged out of account ${account.id}. ${report.message}`,
  );
}
