import path from 'node:path';
import type { Logger } from '../log/logger.ts';
import { FileVault } from './file-vault.ts';
import {
  DEFAULT_KEYCHAIN_SERVICE,
  KeychainVault,
  probeKeychain,
  type KeychainProbe,
} from './keychain-vault.ts';
import { UnavailableVault } from './unavailable-vault.ts';
import type { SecretVault } from './vault.ts';

export interface NodeVaultOptions {
  /** The data folder; the insecure file goes to `vault/secrets.json` in it. */
  dataDir: string;
  /** True when the user passed `--insecure-storage` or its setting. */
  insecureStorage: boolean;
  logger: Logger;
  /** Keychain service name; tests use their own. */
  service?: string;
  /** Replaces the real keychain check in tests. */
  probe?: (service: string) => Promise<KeychainProbe>;
}

/** Relative path of the insecure vault file inside the data folder. */
export const INSECURE_VAULT_FILE = path.join('vault', 'secrets.json');

/**
 * Opens the vault for the browser shell and the CLI: the keychain when one
 * responds, else the insecure file if the user chose it, else a vault that
 * rejects every operation with the reason.
 */
export async function openNodeVault(
  options: NodeVaultOptions,
): Promise<SecretVault> {
  const service = options.service ?? DEFAULT_KEYCHAIN_SERVICE;
  const probe = await (options.probe ?? probeKeychain)(service);
  const logger = options.logger.child('vault');

  if (probe.available) {
    logger.info('Using the keychain', { service });
    return new KeychainVault(service, logger);
  }

  logger.warn('No keychain is available', { reason: probe.reason });
  if (options.insecureStorage) {
    const filePath = path.join(options.dataDir, INSECURE_VAULT_FILE);
    return new FileVault(filePath, logger);
  }
  return new UnavailableVault(probe.reason);
}
