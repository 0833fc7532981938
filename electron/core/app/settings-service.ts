/**
 * Settings read and write. Stored values are checked field by field: a field
 * that is missing or invalid falls back to its default (and is logged), so a
 * hand-edited or older settings file never stops the app.
 */
import path from 'node:path';

import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings.ts';
import { AppFailure } from '../../../shared/result.ts';
import { folderFailure } from '../archive/target-folder.ts';
import type { Logger } from '../log/logger.ts';

/** The persistence behind settings: electron-store in Electron, `conf` elsewhere. */
export interface SettingsStore {
  read(): Record<string, unknown>;
  write(settings: Settings): void;
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

export function normaliseSettings(stored: Record<string, unknown>, logger: Logger): Settings {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as Array<keyof Settings>) {
    if (!(key in stored)) continue;
    const parsed = shape[key].safeParse(stored[key]);
    if (parsed.success) result[key] = parsed.data;
    else logger.warn('Ignored an invalid stored setting; using its default', { setting: key });
  }
  return settingsSchema.parse(result);
}

/**
 * Writes through the store, turning a denied write or a full disk into an
 * `input.invalid` failure that names the settings file's folder.
 */
function writeSettings(store: SettingsStore, settings: Settings): void {
  try {
    store.write(settings);
  } catch (error) {
    const failedPath = (error as NodeJS.ErrnoException).path;
    if (typeof failedPath !== 'string') throw error;
    throw folderFailure(error, path.dirname(failedPath)) ?? error;
  }
}

export function createSettingsService(store: SettingsStore, logger: Logger): SettingsService {
  const log = logger.child('settings');
  let current = normaliseSettings(store.read(), log);
  const listeners = new Set<(settings: Settings) => void>();

  return {
    get: () => current,
    update(patch) {
      const next = settingsSchema.safeParse({ ...current, ...patch });
      if (!next.success) {
        const issue = next.error.issues[0];
        throw new AppFailure('input.invalid', `Invalid settings: ${issue?.message ?? 'unknown problem'}.`, {
          reason: 'invalidSetting',
          setting: issue?.path.map(String).join('.') ?? '',
        });
      }
      writeSettings(store, next.data);
      current = next.data;
      log.info('Settings changed', { fields: Object.keys(patch) });
      for (const listener of listeners) listener(current);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
