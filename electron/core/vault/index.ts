// The vaults outside Electron; the Electron one is in electron/shell/auth.

export { FileVault, INSECURE_STORAGE_WARNING } from './file-vault.ts';
export {
  DEFAULT_KEYCHAIN_SERVICE,
  KeychainVault,
  probeKeychain,
} from './keychain-vault.ts';
export { MemoryVault } from './memory-vault.ts';
export {
  INSECURE_VAULT_FILE,
  openNodeVault,
  type NodeVaultOptions,
} from './node-vault.ts';
export { UnavailableVault } from './unavailable-vault.ts';
export {
  CLIENT_SECRET,
  TOKENS,
  type SecretVault,
  type VaultKind,
  type VaultStatus,
} from './vault.ts';
