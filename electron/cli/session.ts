/**
 * One command's connection to the data folder. It builds the same app core
 * as the desktop app and the browser shell, with the command line's
 * platform pieces: keychain or file vault, the system browser for the ANAF
 * login, and the log file `logs/cli.log`. Every call goes through the
 * dispatcher, so input is checked exactly as for the app's windows.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import open from 'open';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayloads,
} from '../../shared/ipc/contract.ts';
import { createAppCore, type AppCore } from '../core/app/app-core.ts';
import { createConfSettingsStore } from '../core/app/conf-settings-store.ts';
import { acquireDataLock, type LockAttempt } from '../core/data/lock.ts';
import { dataPaths } from '../core/data/paths.ts';
import { ensureDir, restrictUmask } from '../core/data/files.ts';
import {
  createDispatcher,
  type CallContext,
  type Dispatch,
} from '../core/ipc/dispatcher.ts';
import {
  createLogger,
  describeError,
  type Logger,
} from '../core/log/logger.ts';
import { createNodeLogSink } from '../core/log/node-log-sink.ts';
import { openNodeVault } from '../core/vault/index.ts';
import { createCliDelivery, type CliDelivery } from './delivery.ts';
import { failure, fromAppError } from './errors.ts';
import type { Output } from './output.ts';
import { loadSavedSandbox } from './sandbox-config.ts';
import { appVersion } from './version.ts';

/**
 * `required`: the command calls ANAF or changes accounts, companies or the
 * archive, and exits when another process holds the data folder (the core
 * refuses those channels without the lock). `optional`: it takes the lock
 * when free and reports whether it did. `none`: it only reads, and the core
 * runs read-only, so it never resumes another process's uploads.
 */
export type LockNeed = 'required' | 'optional' | 'none';

export interface SessionOptions {
  dataDir: string;
  insecureStorage: boolean;
  /** Calls per minute for this run only; the app's setting when absent. */
  rateLimit?: number | undefined;
  lock: LockNeed;
  output: Output;
}

const CLI_CALL: CallContext = { shell: 'cli', sender: 'cli' };

const PROGRAM_NAME = 'efactura command line';
const NOT_QUEUE_OWNER =
  'The command line does not run the request queue for this command.';

export class CliSession {
  readonly core: AppCore;
  readonly logger: Logger;
  readonly dataDir: string;
  /** True when this process holds the data-folder lock. */
  readonly holdsLock: boolean;
  /** The lock holder's message, when another process holds the lock. */
  readonly lockMessage: string | null;
  /** Where the next exported or saved file goes. */
  readonly delivery: CliDelivery;
  readonly #dispatch: Dispatch;
  readonly #events: EventEmitter;
  readonly #lock: LockAttempt | null;

  constructor(parts: {
    core: AppCore;
    logger: Logger;
    dataDir: string;
    events: EventEmitter;
    lock: LockAttempt | null;
    delivery: CliDelivery;
  }) {
    this.core = parts.core;
    this.logger = parts.logger;
    this.dataDir = parts.dataDir;
    this.#events = parts.events;
    this.#lock = parts.lock;
    this.delivery = parts.delivery;
    this.holdsLock = parts.lock?.acquired === true;
    this.lockMessage =
      parts.lock && !parts.lock.acquired ? parts.lock.message : null;
    this.#dispatch = createDispatcher(parts.core.handlers, parts.logger);
  }

  /** Calls a channel of the contract; a failure becomes a CliError. */
  async call<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> {
    const result = await this.#dispatch(channel, input, CLI_CALL);
    if (!result.ok) throw fromAppError(result.error);
    return result.value as ChannelOutput<C>;
  }

  /** Listens to an event the core pushes; returns the function that stops listening. */
  on<E extends EventName>(
    event: E,
    listener: (payload: EventPayloads[E]) => void,
  ): () => void {
    this.#events.on(event, listener);
    return () => this.#events.off(event, listener);
  }

  async close(): Promise<void> {
    try {
      await this.core.close();
    } finally {
      if (this.#lock?.acquired) this.#lock.release();
    }
  }
}

function takeLock(
  lockFile: string,
  need: LockNeed,
  logger: Logger,
): LockAttempt | null {
  if (need === 'none') return null;
  const attempt = acquireDataLock(lockFile, PROGRAM_NAME, logger);
  if (!attempt.acquired && need === 'required') {
    logger.warn('The data folder is locked by another process', {
      owner: attempt.owner?.program ?? null,
    });
    throw failure(
      `${attempt.message} Another data folder is chosen with --data-dir DIR.`,
      'archive.locked',
    );
  }
  return attempt;
}

/** Prints the system browser's address for the ANAF login and opens it. */
function loginUrlOpener(
  output: Output,
  logger: Logger,
): (url: string) => Promise<void> {
  return async (url) => {
    output.notice(
      'Log in with your certificate in the browser. If no browser opens, open this address:',
    );
    output.notice(url);
    try {
      await open(url);
    } catch (error) {
      logger.warn('The system browser could not be opened', {
        error: describeError(error),
      });
    }
  };
}

export async function openSession(
  options: SessionOptions,
): Promise<CliSession> {
  restrictUmask();
  const dataDir = path.resolve(options.dataDir);
  const paths = dataPaths(dataDir);
  ensureDir(dataDir);
  const logger = createLogger(
    createNodeLogSink(paths.logsDir, 'cli.log'),
    'cli',
  );
  const lock = takeLock(paths.lockFile, options.lock, logger);

  try {
    const vault = await openNodeVault({
      dataDir,
      insecureStorage: options.insecureStorage,
      logger,
    });
    const vaultStatus = vault.status();
    if (vaultStatus.weak) options.output.warning(vaultStatus.message);

    const events = new EventEmitter();
    const delivery = createCliDelivery(dataDir);
    const core = createAppCore({
      shell: 'cli',
      version: appVersion(),
      dataDir,
      logger,
      settingsStore: createConfSettingsStore(dataDir),
      vault,
      login: { openLoginUrl: loginUrlOpener(options.output, logger) },
      openExternal: async (url) => {
        await open(url);
      },
      emit: (event, payload) => events.emit(event, payload),
      deliver: delivery.deliver,
      // A command does its own work and exits: no background sync.
      startSandboxAtLaunch: false,
      startSyncAtLaunch: false,
      ...(lock?.acquired
        ? {}
        : {
            readOnlyReason:
              lock?.acquired === false ? lock.message : NOT_QUEUE_OWNER,
          }),
    });

    const savedSandbox = loadSavedSandbox(dataDir);
    if (savedSandbox) core.services.sandbox.useExternal(savedSandbox);
    if (options.rateLimit !== undefined)
      core.services.queue.setRateLimit(options.rateLimit);

    logger.info('Command started', { dataDir, lock: lock?.acquired ?? false });
    return new CliSession({ core, logger, dataDir, events, lock, delivery });
  } catch (error) {
    if (lock?.acquired) lock.release();
    throw error;
  }
}
