/**
 * The ANAF sandbox the app starts in its own process as its default
 * environment, so a new user can try every feature without an ANAF
 * registration. Its certificates and state live in the data folder's
 * `sandbox/` folder and survive restarts; it listens on a free loopback port
 * chosen at each start, and the app reads the addresses from its start-up
 * info rather than storing them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxInfo } from '../../sandbox/server.ts';
import type { SandboxOptions } from '../../sandbox/options.ts';
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';

/** Invoices the embedded sandbox seeds on its first start, so lists are not empty. */
export const EMBEDDED_SEED_MESSAGES = 40;

export class EmbeddedSandbox {
  readonly #stateDir: string;
  readonly #logger: Logger;
  readonly #overrides: Partial<SandboxOptions>;
  #starting: Promise<RunningSandbox> | null = null;
  #running: RunningSandbox | null = null;
  #external: SandboxInfo | null = null;

  constructor(dataDir: string, logger: Logger, overrides: Partial<SandboxOptions> = {}) {
    this.#stateDir = path.join(dataDir, 'sandbox');
    this.#logger = logger.child('sandbox');
    this.#overrides = overrides;
  }

  /**
   * Uses a sandbox that runs in another process (`efactura sandbox`, whose
   * start-up line the CLI reads) instead of starting one here.
   */
  useExternal(info: SandboxInfo): void {
    this.#external = info;
  }

  /** Starts the sandbox once (or uses the external one); returns its info. */
  async ensure(): Promise<SandboxInfo> {
    if (this.#external) return this.#external;
    return (await this.start()).info;
  }

  /** Starts the sandbox once; later calls share the same start. */
  start(): Promise<RunningSandbox> {
    if (!this.#starting) {
      const log = this.#logger;
      this.#starting = startSandbox({
        port: 0,
        stateDir: this.#stateDir,
        seedMessages: EMBEDDED_SEED_MESSAGES,
        logger: {
          info: (message, fields) => log.debug(message, fields),
          warn: (message, fields) => log.warn(message, fields),
          error: (message, fields) => log.error(message, fields),
        },
        ...this.#overrides,
      }).then(
        (running) => {
          this.#running = running;
          log.info('Embedded sandbox started', { apiUrl: running.info.apiUrl });
          return running;
        },
        (error: unknown) => {
          this.#starting = null;
          log.error('Embedded sandbox failed to start', { error: describeError(error) });
          throw error;
        },
      );
    }
    return this.#starting;
  }

  info(): SandboxInfo | null {
    return this.#external ?? this.#running?.info ?? null;
  }

  caCertificate(info: SandboxInfo): string {
    return fs.readFileSync(info.caCertPath, 'utf8');
  }

  async close(): Promise<void> {
    const running = this.#running ?? (this.#starting ? await this.#starting.catch(() => null) : null);
    this.#running = null;
    this.#starting = null;
    await running?.close();
  }
}
