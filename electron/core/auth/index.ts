// The login and token API that the shells, the CLI and the ANAF client use.
export type {
  Account,
  CertificateInfo,
  NewAccount,
  AccountStore,
} from './accounts.ts';
export { MemoryAccountStore } from './accounts.ts';
export { ACCOUNTS_FILE, FileAccountStore } from './account-file-store.ts';
export {
  AuthService,
  type AccountChange,
  type AccountSummary,
  type AuthServiceOptions,
  type BrowserLoginOptions,
} from './auth-service.ts';
export type {
  AuthorizationRequest,
  AuthorizationResult,
  AuthorizationTransport,
} from './authorize.ts';
export { createBrowserTransport } from './browser-login.ts';
export { CALLBACK_TLS_DIR, loadCallbackTls } from './callback-tls.ts';
export {
  chooseCertificate,
  type CertificateCandidate,
  type CertificateChoice,
  type PickerEntry,
} from './certificate-policy.ts';
export { ANAF_IDP, type IdentityProvider, type IdpConfig } from './idp.ts';
export type { LogoutReport } from './logout.ts';
export {
  readSandboxCertificates,
  type SandboxCandidate,
  type SandboxCertificate,
} from './sandbox-login.ts';
export type { TokenSource } from './token-manager.ts';
export type { LoginExpiry } from './token-timing.ts';
