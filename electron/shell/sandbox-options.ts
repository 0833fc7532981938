/**
 * The desktop app's settings for its embedded sandbox: test options read
 * from the environment, and the sandbox CA that the login window trusts for
 * the sandbox's origin only.
 */
import type { EmbeddedSandbox } from '../core/app/embedded-sandbox.ts';
import type { SandboxOptions } from '../sandbox/options.ts';
import type { TrustedIdpCa } from './auth/idp-trust.ts';

export interface SandboxTestOptions {
  /**
   * `EFACTURA_SANDBOX_VIA_BROWSER=1`: sandbox logins go through the login
   * window, as ANAF logins do, instead of presenting the certificate file.
   */
  forceBrowserForSandbox: boolean;
  /**
   * `EFACTURA_SANDBOX_FAULTS`: comma-separated fault specs for the embedded
   * sandbox, each `endpoint:kind[=value][@count]` (e.g. `authorize:firewall`).
   */
  sandbox?: Partial<SandboxOptions>;
}

/** Reads the sandbox test options. Unset variables leave the defaults. */
export function readSandboxTestOptions(
  env: NodeJS.ProcessEnv = process.env,
): SandboxTestOptions {
  const faults = (env.EFACTURA_SANDBOX_FAULTS ?? '')
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  return {
    forceBrowserForSandbox: env.EFACTURA_SANDBOX_VIA_BROWSER === '1',
    ...(faults.length > 0 ? { sandbox: { faults } } : {}),
  };
}

/**
 * Returns the login window's extra trust for an account: the sandbox CA for
 * the sandbox's origin when the account is a sandbox one and the sandbox
 * runs, else nothing.
 */
export function sandboxLoginTrust(
  provider: string,
  sandbox: Pick<EmbeddedSandbox, 'info' | 'caCertificate'>,
): { trustedCa?: TrustedIdpCa } {
  if (provider !== 'sandbox') return {};
  const info = sandbox.info();
  if (!info) return {};
  return {
    trustedCa: {
      origin: new URL(info.idpUrl).origin,
      caCertPem: sandbox.caCertificate(info),
    },
  };
}
