// `efactura sandbox`: runs the sandbox in the foreground, prints one JSON
// line on standard output once it listens (log lines go to standard error)
// and stops cleanly on SIGINT or SIGTERM.
import { Command, InvalidArgumentError } from 'commander';
import {
  DEFAULTS,
  type CertificateRights,
  type SandboxLogger,
  type SandboxOptions,
} from './options.ts';
import { startSandbox } from './server.ts';

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new InvalidArgumentError(`"${value}" is not a non-negative integer.`);
  }
  return parsed;
}

function positive(value: string): number {
  const parsed = integer(value);
  if (parsed === 0)
    throw new InvalidArgumentError('It must be greater than 0.');
  return parsed;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses `Name=CIF,CIF` (no CIFs after `=` gives a certificate without rights). */
function certificate(
  value: string,
  previous: CertificateRights[] = [],
): CertificateRights[] {
  const separator = value.indexOf('=');
  if (separator <= 0) {
    throw new InvalidArgumentError(`"${value}" is not NAME=CIF[,CIF...].`);
  }
  const cifs = value
    .slice(separator + 1)
    .split(',')
    .map((cif) => cif.trim())
    .filter((cif) => cif !== '');
  return [...previous, { name: value.slice(0, separator).trim(), cifs }];
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`Expected one of ${allowed.join(', ')}.`);
    }
    return value as T;
  };
}

function buildCommand(): Command {
  return new Command('sandbox')
    .exitOverride()
    .description(
      'Run the local ANAF sandbox (IdP, e-Factura, e-Transport and public services over HTTPS)',
    )
    .option(
      '--port <n>',
      'TCP port on 127.0.0.1 (0 picks a free port)',
      integer,
      DEFAULTS.port,
    )
    .option(
      '--rate-limit <n>',
      'API calls allowed in any 60-second window',
      positive,
      DEFAULTS.rateLimit,
    )
    .option(
      '--seed-messages <n>',
      'invoices to seed on a new state',
      integer,
      DEFAULTS.seedMessages,
    )
    .option(
      '--seed <text>',
      'seed for the seeded invoices and ids',
      DEFAULTS.seed,
    )
    .option(
      '--state-dir <dir>',
      'folder that keeps certificates and state across restarts',
    )
    .option(
      '--fault <spec>',
      'inject a fault: endpoint:kind[=value][@count] (repeatable)',
      collect,
    )
    .option(
      '--redirect-uri <url>',
      'register an https:// callback URL (repeatable)',
      collect,
    )
    .option(
      '--certificate <name=cifs>',
      'a representative and the CIFs it has rights on (repeatable)',
      certificate,
    )
    .option(
      '--enforcement-cif <cif>',
      'a CIF in the enforcement register, for executare=DA (repeatable)',
      collect,
    )
    .option(
      '--processing-ms <ms>',
      'how long an upload stays "in prelucrare"',
      integer,
      DEFAULTS.processingMs,
    )
    .option(
      '--list-lag-ms <ms>',
      'delay before a processed upload appears in the lists',
      integer,
      DEFAULTS.listLagMs,
    )
    .option(
      '--access-token-lifetime <seconds>',
      'access token lifetime',
      positive,
      DEFAULTS.accessTokenLifetimeSeconds,
    )
    .option(
      '--refresh-token-lifetime <seconds>',
      'refresh token lifetime',
      positive,
      DEFAULTS.refreshTokenLifetimeSeconds,
    )
    .option(
      '--revoke-mode <mode>',
      'redirect (as ANAF) or rfc7009',
      oneOf(['redirect', 'rfc7009'] as const),
      DEFAULTS.revokeMode,
    )
    .option(
      '--signature-shape <shape>',
      'detached or enveloped signature files',
      oneOf(['detached', 'enveloped'] as const),
      DEFAULTS.signatureShape,
    )
    .option(
      '--rotated-refresh-invalid',
      'reject a refresh token once a refresh has rotated it',
    )
    .option(
      '--client-id <id>',
      'OAuth client id (default: generated and kept in the state)',
    )
    .option(
      '--client-secret <secret>',
      'OAuth client secret (default: generated and kept in the state)',
    );
}

interface ParsedOptions {
  port: number;
  rateLimit: number;
  seedMessages: number;
  seed: string;
  stateDir?: string;
  fault?: string[];
  redirectUri?: string[];
  certificate?: CertificateRights[];
  enforcementCif?: string[];
  processingMs: number;
  listLagMs: number;
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  revokeMode: 'redirect' | 'rfc7009';
  signatureShape: 'detached' | 'enveloped';
  rotatedRefreshInvalid?: boolean;
  clientId?: string;
  clientSecret?: string;
}

function toSandboxOptions(
  parsed: ParsedOptions,
  logger: SandboxLogger,
): SandboxOptions {
  return {
    port: parsed.port,
    rateLimit: parsed.rateLimit,
    seedMessages: parsed.seedMessages,
    seed: parsed.seed,
    stateDir: parsed.stateDir,
    faults: parsed.fault,
    redirectUris: parsed.redirectUri,
    certificates: parsed.certificate,
    enforcementCifs: parsed.enforcementCif,
    processingMs: parsed.processingMs,
    listLagMs: parsed.listLagMs,
    accessTokenLifetimeSeconds: parsed.accessTokenLifetime,
    refreshTokenLifetimeSeconds: parsed.refreshTokenLifetime,
    revokeMode: parsed.revokeMode,
    signatureShape: parsed.signatureShape,
    oldRefreshTokenValid: parsed.rotatedRefreshInvalid !== true,
    clientId: parsed.clientId,
    clientSecret: parsed.clientSecret,
    logger,
  };
}

/** Writes log lines to standard error, so that standard output carries only the JSON line. */
function stderrLogger(): SandboxLogger {
  const write =
    (level: string) => (message: string, fields?: Record<string, unknown>) => {
      const suffix =
        fields && Object.keys(fields).length > 0
          ? ` ${JSON.stringify(fields)}`
          : '';
      process.stderr.write(
        `${new Date().toISOString()} ${level} [sandbox] ${message}${suffix}\n`,
      );
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * Runs `efactura sandbox [options]` until SIGINT or SIGTERM. `argv` contains
 * the arguments after the subcommand's name. Invalid options (and --help)
 * reject with commander's CommanderError, whose `exitCode` the caller exits
 * with; commander has already written the message to standard error.
 */
export async function runSandboxCommand(argv: string[]): Promise<void> {
  const parsed = buildCommand()
    .parse(argv, { from: 'user' })
    .opts<ParsedOptions>();
  const logger = stderrLogger();

  // Listen for the signals before the JSON line goes out, so that a caller
  // that stops the sandbox as soon as it reads the line is heard.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

  const sandbox = await startSandbox(toSandboxOptions(parsed, logger));
  process.stdout.write(`${JSON.stringify(sandbox.info)}\n`);
  const signal = await stopSignal;
  logger.info('stopping', { signal });
  await sandbox.close();
}
