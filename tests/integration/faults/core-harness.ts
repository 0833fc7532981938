/**
 * The whole app core as a shell builds it (`createAppCore` and the IPC
 * dispatcher), on a data folder, against either its embedded sandbox or a
 * sandbox started by the test. Every step the suites take goes through
 * `dispatch`, as the renderer's calls do.
 */
import type { AppCore } from '../../../electron/core/app/app-core.ts';
import { createAppCore } from '../../../electron/core/app/app-core.ts';
import type { SettingsStore } from '../../../electron/core/app/settings-service.ts';
import {
  createDispatcher,
  type Dispatch,
} from '../../../electron/core/ipc/dispatcher.ts';
import {
  createLogger,
  type Logger,
} from '../../../electron/core/log/logger.ts';
import { MemoryVault } from '../../../electron/core/vault/index.ts';
import type { SecretVault } from '../../../electron/core/vault/vault.ts';
import type {
  SandboxInfo,
  SandboxOptions,
} from '../../../electron/sandbox/index.ts';
import type {
  ChannelName,
  ChannelOutput,
  EventName,
} from '../../../shared/ipc/contract.ts';
import type { Settings } from '../../../shared/settings.ts';

const CONTEXT = { shell: 'browser' as const, sender: 'fault-suite' };

/**
 * Settings for runs sized to seconds: the sandbox's limit is raised to the
 * same 1000 calls a minute, the reconciliation deadline is the shortest the
 * settings allow, and background sync is off so that only the test syncs.
 */
export const TEST_SETTINGS: Partial<Settings> = {
  rateLimitPerMinute: 1000,
  reconcileDeadlineMinutes: 1,
  syncIntervalMinutes: 0,
};

export interface CoreOptions {
  dataDir: string;
  /** Options of the embedded sandbox, which keeps its state in `<dataDir>/sandbox`. */
  sandbox?: Partial<SandboxOptions>;
  /** A sandbox that runs outside this core, used instead of the embedded one. */
  externalSandbox?: SandboxInfo;
  vault?: SecretVault;
  settings?: Partial<Settings>;
  /** Receives every log line; the lines are kept in memory besides. */
  onLogLine?: (line: string) => void;
  /** Receives every event the core emits; the events are kept besides. */
  onEvent?: (event: EventName, payload: unknown) => void;
}

export interface CoreHandle {
  core: AppCore;
  dispatch: Dispatch;
  logger: Logger;
  /** Every log line, as `<level> [<tag>] <message> <fields>`. */
  logLines: string[];
  events: Array<{ event: EventName; payload: unknown }>;
  /** Dispatches a call and returns its value; throws with the error code otherwise. */
  call<C extends ChannelName>(
    channel: C,
    input?: unknown,
  ): Promise<ChannelOutput<C>>;
  /** The connection details of the sandbox in use, once it runs. */
  sandboxInfo(): Promise<SandboxInfo>;
  /** Closes the core once; later calls return the same promise. */
  close(): Promise<void>;
}

function memorySettings(initial: Partial<Settings>): SettingsStore {
  let stored: Record<string, unknown> = { ...initial };
  return {
    read: () => ({ ...stored }),
    write: (settings) => {
      stored = { ...settings };
    },
  };
}

export function openCore(options: CoreOptions): CoreHandle {
  const logLines: string[] = [];
  const logger = createLogger((level, line) => {
    const entry = `${level} ${line}`;
    logLines.push(entry);
    options.onLogLine?.(entry);
  });
  const events: CoreHandle['events'] = [];
  const core = createAppCore({
    shell: 'browser',
    version: '0.0.0-test',
    dataDir: options.dataDir,
    logger,
    settingsStore: memorySettings({ ...TEST_SETTINGS, ...options.settings }),
    vault: options.vault ?? new MemoryVault(),
    login: { openLoginUrl: async () => undefined },
    openExternal: async () => undefined,
    emit: (event, payload) => {
      events.push({ event, payload });
      options.onEvent?.(event, payload);
    },
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    startSandboxAtLaunch: options.externalSandbox === undefined,
    // The suites decide when to sync.
    startSyncAtLaunch: false,
  });
  if (options.externalSandbox) {
    core.services.sandbox.useExternal(options.externalSandbox);
  }
  const dispatch = createDispatcher(core.handlers, logger);

  const call = async <C extends ChannelName>(
    channel: C,
    input?: unknown,
  ): Promise<ChannelOutput<C>> => {
    const result = await dispatch(channel, input, CONTEXT);
    if (!result.ok) {
      throw new Error(
        `${channel} failed: ${result.error.code} ${result.error.message}`,
      );
    }
    return result.value as ChannelOutput<C>;
  };

  let closed: Promise<void> | null = null;
  return {
    core,
    dispatch,
    logger,
    logLines,
    events,
    call,
    sandboxInfo: async () => {
      await core.services.startSandbox();
      const info = core.services.sandbox.info();
      if (!info) throw new Error('The sandbox is not running.');
      return info;
    },
    close: () => (closed ??= core.close()),
  };
}

export interface FollowedCompanies {
  accountId: string;
  cifs: string[];
}

/**
 * Logs in with a sandbox certificate that has rights on `count` companies
 * (the first such one, or the one at `certificateIndex`), and follows
 * those companies.
 */
export async function loginAndFollow(
  handle: CoreHandle,
  count = 2,
  certificateIndex?: number,
): Promise<FollowedCompanies> {
  const certificates = await handle.call('accounts.sandboxCertificates');
  const chosen = certificates.find(
    (certificate) =>
      certificate.cifs.length >= count &&
      (certificateIndex === undefined ||
        certificate.index === certificateIndex),
  );
  if (!chosen) {
    throw new Error(`No sandbox certificate has rights on ${count} companies.`);
  }
  const account = await handle.call('accounts.loginSandbox', {
    certificateIndex: chosen.index,
  });
  const cifs = chosen.cifs.slice(0, count);
  for (const cif of cifs) {
    await handle.call('companies.add', {
      cif,
      accountId: account.id,
      name: `Firma ${cif}`,
    });
  }
  return { accountId: account.id, cifs };
}
