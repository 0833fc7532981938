/**
 * Words the read-only banner from the lock holder main reports, in the
 * interface language and with the start time in Romania time, rather than
 * main's English sentence with an ISO timestamp.
 */
import type { TFunction } from 'i18next';
import type { LockHolder } from '../../../shared/domain.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { formatDateTime } from './format.ts';

/** The lock programs' names as the shells write them, and their i18n keys. */
const PROGRAM_KEYS = {
  'e-Factura Desktop': 'app.programDesktop',
  'e-Factura browser shell': 'app.programBrowser',
  'efactura command line': 'app.programCli',
} as const;

function programName(t: TFunction, program: string): string {
  return Object.hasOwn(PROGRAM_KEYS, program)
    ? t(PROGRAM_KEYS[program as keyof typeof PROGRAM_KEYS])
    : program;
}

function holderText(t: TFunction, holder: LockHolder, language: string): string {
  const values = {
    program: programName(t, holder.program),
    pid: String(holder.pid),
    host: holder.host,
  };
  const startedAt = formatDateTime(holder.startedAt, language);
  if (startedAt === '') return t('app.readOnlyHolderNoTime', values);
  return t('app.readOnlyHolder', { ...values, startedAt });
}

/** Returns the banner sentence for a read-only window, or null when it may write. */
export function readOnlyText(
  t: TFunction,
  info: AppInfo,
  language: string,
): string | null {
  if (!info.readOnly) return null;
  if (info.readOnlyHolder) return holderText(t, info.readOnlyHolder, language);
  return t('app.readOnlyUnknownHolder');
}
