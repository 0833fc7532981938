/**
 * The Electron main process: single-instance lock, the `app://` origin, the
 * data-folder lock, the app core and its IPC handlers, and the main window.
 * It wires services; decisions live in the core.
 */
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, shell, type WebContents } from 'electron';
import type { DeliverableFile, DeliveredFile } from '../core/app/file-delivery.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore } from '../core/app/app-core.ts';
import { acquireDataLock } from '../core/data/lock.ts';
import { dataPaths, defaultDataDir } from '../core/data/paths.ts';
import { ensureDir, restrictUmask } from '../core/data/files.ts';
import { createDispatcher } from '../core/ipc/dispatcher.ts';
import { createLogger } from '../core/log/logger.ts';
import { createElectronLogSink } from './electron-log-sink.ts';
import { createEventSender, registerIpcHandlers } from './ipc.ts';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol.ts';
import { APP_ORIGIN, guardNavigation, mainWindowPreferences } from './security.ts';
import { createElectronSettingsStore } from './settings-store.ts';
import { CertificatePickerBridge } from './auth/certificate-picker.ts';
import { createLoginWindowTransport } from './auth/login-window.ts';
import { openSafeStorageVault } from './auth/safe-storage-vault.ts';
import { readSandboxTestOptions, sandboxLoginTrust } from './sandbox-options.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const distRoot = path.resolve(here, '..', '..');
const rendererRoot = path.join(distRoot, 'renderer');
const preloadPath = path.join(distRoot, 'preload', 'preload.cjs');

restrictUmask();
const dataDir = process.env.EFACTURA_DATA_DIR || defaultDataDir();
const paths = dataPaths(dataDir);
ensureDir(dataDir);
app.setPath('userData', dataDir);
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
const sandboxTestOptions = readSandboxTestOptions();

/** This shell's name in the data-folder lock, which other processes show. */
const LOCK_PROGRAM = 'e-Factura Desktop';

const logger = createLogger(createElectronLogSink(paths.logsDir), 'main');
const appWindows = new Set<BrowserWindow>();
const appWindowIds = new Set<number>();

if (!app.requestSingleInstanceLock()) {
  logger.info('Another instance is running; handing over to it');
  app.quit();
} else {
  app.on('second-instance', () => focusMainWindow());
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, logger));
  app.whenReady().then(start, (error: unknown) => {
    logger.error('Electron failed to start', { error: String(error) });
    app.quit();
  });
}

function mainWindow(): BrowserWindow | undefined {
  return [...appWindows][0];
}

function focusMainWindow(): void {
  const window = mainWindow();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

async function start(): Promise<void> {
  serveRenderer(protocol, rendererRoot);
  const lock = acquireDataLock(paths.lockFile, LOCK_PROGRAM, logger);
  const settingsStore = createElectronSettingsStore(dataDir);
  const vault = await openSafeStorageVault({
    dataDir,
    acceptWeakStorage: settingsStore.read().acceptWeakTokenStorage === true,
    logger,
  });
  const emit = createEventSender(() => [...appWindows].map((window): WebContents => window.webContents));
  const picker = new CertificatePickerBridge((request) => emit('login.pickCertificate', request));
  const core = createAppCore({
    shell: 'electron',
    version: app.getVersion(),
    dataDir,
    logger,
    settingsStore,
    vault,
    login: {
      anafTransport: (account) =>
        createLoginWindowTransport({
          pickCertificate: picker.pick,
          logger,
          ...(mainWindow() ? { parent: mainWindow() } : {}),
          ...(account.certificate ? { preferredSerial: account.certificate.serial } : {}),
          ...sandboxLoginTrust(account.provider, core.services.sandbox),
        }),
      openLoginUrl: (url) => shell.openExternal(url),
      forceBrowserForSandbox: sandboxTestOptions.forceBrowserForSandbox,
      answerCertificate: (requestId, certificateId) => picker.answer(requestId, certificateId),
    },
    openExternal: (url) => shell.openExternal(url),
    deliver: saveWithDialog,
    chooseFolder: async () => {
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const window = mainWindow();
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    emit,
    ...(sandboxTestOptions.sandbox ? { sandbox: sandboxTestOptions.sandbox } : {}),
    ...(lock.acquired ? {} : { readOnlyReason: lock.message }),
    ...(!lock.acquired && lock.owner ? { readOnlyHolder: lock.owner } : {}),
    // Once the other process closes, this one takes the lock and its full mode.
    takeOverLock: { program: LOCK_PROGRAM },
  });
  registerIpcHandlers(ipcMain, createDispatcher(core.handlers, logger), appWindowIds, logger);
  createMainWindow();

  app.on('activate', () => {
    if (appWindows.size === 0) createMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    if (lock.acquired) lock.release();
    void core.close();
  });
  logger.info('App started', { dataDir, readOnly: !lock.acquired });
}

/** Asks where to save with the native dialog; opens allow-listed attachments. */
async function saveWithDialog(file: DeliverableFile): Promise<DeliveredFile> {
  const window = mainWindow();
  const options = { defaultPath: path.join(app.getPath('downloads'), file.fileName) };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { savedTo: null, downloadUrl: null };
  await file.write(choice.filePath);
  if (file.open) {
    const failure = await shell.openPath(choice.filePath);
    if (failure) logger.warn('The saved attachment could not be opened', { reason: failure });
  }
  return { savedTo: choice.filePath, downloadUrl: null };
}

function createMainWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'e-Factura Desktop',
    webPreferences: mainWindowPreferences(preloadPath),
  });
  const id = window.webContents.id;
  appWindows.add(window);
  appWindowIds.add(id);
  window.on('closed', () => {
    appWindows.delete(window);
    appWindowIds.delete(id);
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}
