/**
 * Builds the handler table that both shells serve, from the core services
 * and the platform pieces each shell passes in. Shells wire; this module and
 * the handler groups it assembles decide.
 */
import type { AppInfo, EnvironmentInfo, EventName, EventPayloads, NoticeKind } from '../../../shared/ipc/contract.ts';
import type { Logger } from '../log/logger.ts';
import { describeError } from '../log/logger.ts';
import type { HandlerTable } from '../ipc/dispatcher.ts';
import { AppFailure } from '../../../shared/result.ts';
import type { LockHolder } from '../../../shared/domain.ts';
import type { SecretVault } from '../vault/vault.ts';
import type { SandboxOptions } from '../../sandbox/options.ts';
import { createSettingsService, type SettingsService, type SettingsStore } from './settings-service.ts';
import { createExternalLinkOpener, type ExternalOpener } from './external-links.ts';
import { CoreServices } from './services.ts';
import type { SyncNotice } from '../sync/index.ts';
import { createAccountHandlers, type LoginPlatform } from './handlers/accounts.ts';
import { createActivityHandlers } from './handlers/activity.ts';
import { createCompanyHandlers } from './handlers/companies.ts';
import { createUploadHandlers } from './handlers/uploads.ts';
import { createInvoiceHandlers } from './handlers/invoices.ts';
import type { UploadLookup } from './handlers/error-rows.ts';
import { UploadBodies } from '../upload/body-files.ts';
import { saveInFolder, type FileDelivery } from './file-delivery.ts';
import path from 'node:path';
import { guardReadOnly } from './read-only.ts';
import { createTakeoverCore, type LockTakeover } from './lock-takeover.ts';

export type EventEmitterFn = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface Platform {
  shell: 'electron' | 'browser' | 'cli';
  version: string;
  dataDir: string;
  logger: Logger;
  settingsStore: SettingsStore;
  vault: SecretVault;
  login: LoginPlatform;
  openExternal: ExternalOpener;
  /**
   * The destination of saved and exported files: a save dialog, a download,
   * a path. Without one, files are written to the data folder's `exports/`.
   */
  deliver?: FileDelivery;
  emit: EventEmitterFn;
  /** Set when another process holds the data folder's lock. */
  readOnlyReason?: string;
  /** With `readOnlyReason`: the lock holder, for the renderer's own wording. */
  readOnlyHolder?: LockHolder;
  /**
   * With `readOnlyReason`: keep trying the lock, and switch to full mode
   * once this process takes it (desktop shells; never a CLI command).
   */
  takeOverLock?: LockTakeover;
  /** Options for the embedded sandbox; tests shorten its delays. */
  sandbox?: Partial<SandboxOptions>;
  /** False keeps the embedded sandbox from starting until it is needed. */
  startSandboxAtLaunch?: boolean;
  /** False leaves background sync to explicit `sync.run` calls (the CLI, tests). */
  startSyncAtLaunch?: boolean;
  /** Asks the user for a folder with a native dialog, where the shell has one. */
  chooseFolder?: () => Promise<string | null>;
  /** Shows a desktop notification (new invoices received, uploads rejected). */
  notify?: (title: string, body: string) => void;
}

export interface AppCore {
  handlers: HandlerTable;
  settings: SettingsService;
  services: CoreServices;
  close(): Promise<void>;
}

/** Resolves the archive folder a user typed: absolute, or empty for the default in the data folder. */
function requireAbsoluteFolder(folder: string, dataDir: string): string {
  if (folder === '') return path.join(dataDir, 'archive');
  if (!path.isAbsolute(folder)) {
    throw new AppFailure('input.invalid', `The archive folder "${folder}" is not an absolute path; give the full path.`, {
      reason: 'notAbsolute',
      folder,
    });
  }
  return path.resolve(folder);
}

/** Returns the uploads and the kept copies of their files, for the rows of rejected uploads. */
function uploadLookup(services: CoreServices, dataDir: string): UploadLookup {
  const bodies = new UploadBodies(dataDir);
  return {
    list: (filter) => services.uploads.list(filter),
    body: (uploadId) => bodies.read(uploadId),
  };
}

export function createAppCore(platform: Platform): AppCore {
  if (platform.readOnlyReason !== undefined && platform.takeOverLock) {
    return createTakeoverCore(platform, platform.takeOverLock, buildAppCore);
  }
  return buildAppCore(platform);
}

function buildAppCore(platform: Platform): AppCore {
  const { logger } = platform;
  const settings = createSettingsService(platform.settingsStore, logger);
  const services = new CoreServices({
    dataDir: platform.dataDir,
    logger,
    vault: platform.vault,
    settings,
    readOnly: platform.readOnlyReason !== undefined,
    onSyncProgress: (progress) => {
      platform.emit('sync.progress', progress);
      // A finished sync changes the company's last sync time and new-invoice count.
      if (!progress.running) emitCompanies();
    },
    onSyncNotice: (notice) => announceSyncNotice(notice),
    ...(platform.sandbox ? { sandbox: platform.sandbox } : {}),
  });
  const emitCompanies = (): void => companies.announce();
  // The renderer words a notice by its kind in the interface language; the
  // desktop notification stays in Romanian, the interface's first language.
  const tell = (level: 'info' | 'warning', kind: NoticeKind, title: string, cif: string, count: number): void => {
    const body = `${count} pentru CIF ${cif}.`;
    platform.notify?.(title, body);
    platform.emit('notice', { level, message: `${title}: ${body}`, kind, values: { cif, count } });
  };
  const announceSyncNotice = (notice: SyncNotice): void => {
    // New error messages are rows of the errors tab too, so they also refresh the list.
    const added = notice.received.length + notice.rejected.length;
    if (added > 0) platform.emit('invoices.changed', { cif: notice.cif, added });
    if (notice.received.length > 0) {
      tell('info', 'invoicesReceived', 'Facturi noi primite', notice.cif, notice.received.length);
    }
    if (notice.rejected.length > 0) {
      tell('warning', 'uploadsRejected', 'Mesaje de eroare de la ANAF', notice.cif, notice.rejected.length);
    }
  };
  const openLink = createExternalLinkOpener(platform.openExternal, logger);
  const rendererLog = logger.child('renderer');
  const activity = createActivityHandlers(services.queue, platform.emit);

  const environmentInfo = (): EnvironmentInfo => {
    const info = services.sandbox.info();
    return {
      selected: settings.get().environment,
      sandbox: info ? { running: true, apiUrl: info.apiUrl } : { running: false },
    };
  };

  settings.onChange((next) => platform.emit('settings.changed', next));

  const appInfo = (): AppInfo => {
    const info: AppInfo = {
      name: 'e-Factura Desktop',
      version: platform.version,
      shell: platform.shell,
      platform: process.platform,
      dataDir: platform.dataDir,
      readOnly: platform.readOnlyReason !== undefined,
    };
    if (platform.readOnlyReason) info.readOnlyReason = platform.readOnlyReason;
    if (platform.readOnlyReason && platform.readOnlyHolder) info.readOnlyHolder = platform.readOnlyHolder;
    if (platform.vault.status().weak) info.weakTokenStorage = true;
    return info;
  };

  const companies = createCompanyHandlers(services, () => counts, platform.emit);
  const { announce: _announce, ...companyChannels } = companies;
  const handlers: HandlerTable = {
    'app.info': () => appInfo(),
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      // The archive moves first; the setting records the new folder only once its files are there.
      if (patch.archiveDir !== undefined && patch.archiveDir !== settings.get().archiveDir) {
        await services.archive.moveArchive(requireAbsoluteFolder(patch.archiveDir, platform.dataDir));
      }
      return settings.update(patch);
    },
    'settings.chooseArchiveDir': async () => ({ path: platform.chooseFolder ? await platform.chooseFolder() : null }),
    'environment.get': () => environmentInfo(),
    'environment.select': ({ environment }) => {
      settings.update({ environment });
      const info = environmentInfo();
      platform.emit('environment.changed', info);
      return info;
    },
    'log.write': ({ level, message }) => {
      rendererLog[level](message);
      return null;
    },
    'shell.openExternal': async ({ url }) => {
      await openLink(url);
      return null;
    },
    ...createAccountHandlers(services, platform.login, platform.emit),
    ...companyChannels,
    'sync.run': ({ cif }) => services.sync.runNow(cif),
    'sync.status': () => services.sync.status(),
    ...createInvoiceHandlers({
      archive: services.archive,
      deliver: platform.deliver ?? saveInFolder(path.join(platform.dataDir, 'exports')),
      attachmentsDir: path.join(platform.dataDir, 'attachments'),
      uploads: uploadLookup(services, platform.dataDir),
      chooseFolder: platform.chooseFolder,
      logger,
    }),
    ...createUploadHandlers(services.uploads),
    'queue.snapshot': activity['queue.snapshot'],
  };
  const counts = {
    newReceived: (company: { cif: string }) => services.archive.unseenCounts(company.cif).received,
    rejectedUploads: (cif: string) => services.uploads.list({ cif }).filter((upload) => upload.state === 'rejected').length,
  };
  const unsubscribeUploads = services.uploads.onChange((upload) => platform.emit('uploads.changed', upload));

  if (platform.readOnlyReason) {
    guardReadOnly(handlers, platform.readOnlyReason);
  } else {
    services.uploads.resume();
    services.archive
      .recover()
      .then(() => {
        if (platform.startSyncAtLaunch !== false) services.sync.start();
      })
      .catch((error: unknown) => logger.error('Archive recovery failed', { error: describeError(error) }));
  }

  if (platform.startSandboxAtLaunch !== false) {
    services.startSandbox().then(
      () => platform.emit('environment.changed', environmentInfo()),
      (error: unknown) => logger.error('The embedded sandbox did not start', { error: describeError(error) }),
    );
  }

  return {
    handlers,
    settings,
    services,
    close: async () => {
      activity.stop();
      unsubscribeUploads();
      await services.close();
      logger.info('App core stopped');
    },
  };
}
