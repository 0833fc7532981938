/**
 * A desktop shell that starts while another process holds the data
 * folder's lock browses read-only. This module keeps trying the lock. Once
 * it has it, it replaces the read-only core with a full one (uploads
 * resume, the archive recovers, background sync starts) and emits
 * `app.changed`, so the window drops its read-only state. The core is
 * rebuilt, not unlocked in place, because the archive fixes its read-only
 * mode when it opens.
 */
import {
  CHANNEL_NAMES,
  type AppInfo,
  type ChannelName,
} from '../../../shared/ipc/contract.ts';
import { watchDataLock } from '../data/lock.ts';
import { dataPaths } from '../data/paths.ts';
import type { CallContext, HandlerTable } from '../ipc/dispatcher.ts';
import { describeError } from '../log/logger.ts';
import type { AppCore, Platform } from './app-core.ts';

/** How often a read-only shell tries the lock, in ms. */
export const LOCK_RETRY_INTERVAL_MS = 2000;

export interface LockTakeover {
  /** The name written into the lock file, shown to other processes. */
  program: string;
  /** Time between two attempts, in ms; LOCK_RETRY_INTERVAL_MS by default. */
  intervalMs?: number;
}

export type CoreBuilder = (platform: Platform) => AppCore;

/**
 * Builds a read-only core that switches to full mode once this process
 * takes the data folder's lock. `handlers` stays the same object
 * throughout, so a dispatcher created on it follows the switch. Closing
 * the core releases the lock it took.
 */
export function createTakeoverCore(
  platform: Platform,
  takeover: LockTakeover,
  build: CoreBuilder,
): AppCore {
  const { logger } = platform;
  const fullPlatform: Platform = {
    ...platform,
    readOnlyReason: undefined,
    readOnlyHolder: undefined,
  };
  let current = build(platform);
  const handlers = { ...current.handlers };
  let releaseLock: (() => void) | null = null;
  let switching: Promise<void> | null = null;
  let closing: Promise<void> | null = null;

  const releaseOnExit = (): void => releaseLock?.();

  const switchToFullMode = async (): Promise<void> => {
    const readOnlyCore = current;
    const fullCore = readOnlyCore.close().then(() => build(fullPlatform));
    // Calls that arrive during the switch wait for the full core.
    routeAll(handlers, async (channel, input, context) => {
      const core = await fullCore;
      return callHandler(core.handlers, channel, input, context);
    });
    try {
      current = await fullCore;
    } catch (error) {
      logger.error(
        'Opening the full core failed, so the lock goes back and the app stays read-only',
        {
          error: describeError(error),
        },
      );
      releaseLock?.();
      releaseLock = null;
      current = build(platform);
    }
    Object.assign(handlers, current.handlers);
    if (releaseLock) {
      logger.info(
        'Switched to full mode: this process now runs the request queue and sync',
      );
    }
    platform.emit('app.changed', await appInfoOf(current, platform));
  };

  const closeCore = async (): Promise<void> => {
    stopWatching();
    await switching;
    try {
      await current.close();
    } finally {
      process.off('exit', releaseOnExit);
      releaseLock?.();
      releaseLock = null;
    }
  };

  const stopWatching = watchDataLock(
    dataPaths(platform.dataDir).lockFile,
    takeover.program,
    logger,
    {
      intervalMs: takeover.intervalMs ?? LOCK_RETRY_INTERVAL_MS,
      onAcquired: (release) => {
        if (closing) {
          release();
          return;
        }
        releaseLock = release;
        // Without this, a process that exits before `close` ends would leave
        // its lock file behind; the next start would then take it over as stale.
        process.once('exit', releaseOnExit);
        switching = switchToFullMode().catch((error: unknown) => {
          logger.error(
            'Switching to full mode after taking the data-folder lock failed',
            {
              error: describeError(error),
            },
          );
        });
      },
    },
  );

  return {
    handlers,
    get settings() {
      return current.settings;
    },
    get services() {
      return current.services;
    },
    close: () => {
      closing ??= closeCore();
      return closing;
    },
  };
}

type AnyHandler = (
  channel: ChannelName,
  input: unknown,
  context: CallContext,
) => Promise<unknown>;

/** Points every channel of `table` at one function that takes the channel name. */
function routeAll(table: HandlerTable, handler: AnyHandler): void {
  const writable = table as Record<ChannelName, unknown>;
  for (const channel of CHANNEL_NAMES) {
    writable[channel] = (input: unknown, context: CallContext) =>
      handler(channel, input, context);
  }
}

function callHandler(
  table: HandlerTable,
  channel: ChannelName,
  input: unknown,
  context: CallContext,
): unknown {
  const handler = table[channel] as (
    input: unknown,
    context: CallContext,
  ) => unknown;
  return handler(input, context);
}

async function appInfoOf(core: AppCore, platform: Platform): Promise<AppInfo> {
  return core.handlers['app.info'](undefined, {
    shell: platform.shell,
    sender: 'lock takeover',
  });
}
