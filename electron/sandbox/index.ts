// The ANAF sandbox's public surface. The app starts it in-process for the
// Sandbox environment and talks to it over HTTPS only; tests do the same.
export { startSandbox } from './server.ts';
export type {
  RunningSandbox,
  SandboxCertificateInfo,
  SandboxInfo,
} from './server.ts';
export { runSandboxCommand } from './cli.ts';
export {
  DEFAULT_DAILY_LIMITS,
  DEFAULT_REDIRECT_URI,
  DEFAULTS as SANDBOX_DEFAULTS,
} from './options.ts';
export type {
  CertificateRights,
  DailyLimits,
  RevokeMode,
  SandboxLogger,
  SandboxOptions,
  SignatureShape,
} from './options.ts';
export { formatFaultSpec, parseFaultSpec, FAULT_KINDS } from './faults.ts';
export type { FaultKind, FaultSpec } from './faults.ts';
export { ENDPOINTS } from './endpoints.ts';
export type { EndpointName } from './endpoints.ts';
