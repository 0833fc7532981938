/**
 * IPC handlers for accounts: listing with expiry, sandbox and ANAF logins,
 * log in again, log out, and the TestOauth connection test.
 */
import type { AccountSummary as AccountView } from '../../../../shared/domain.ts';
import { AppFailure } from '../../../../shared/result.ts';
import type { Account, AccountSummary, AuthorizationTransport, SandboxCertificate } from '../../auth/index.ts';
import type { HandlerTable } from '../../ipc/dispatcher.ts';
import type { CoreServices } from '../services.ts';
import type { EventEmitterFn } from '../app-core.ts';

export type AccountHandlers = Pick<
  HandlerTable,
  | 'accounts.list'
  | 'accounts.sandboxCertificates'
  | 'accounts.loginSandbox'
  | 'accounts.loginAnaf'
  | 'accounts.answerCertificate'
  | 'accounts.relogin'
  | 'accounts.logout'
  | 'accounts.testConnection'
>;

export interface LoginPlatform {
  /** The Electron login window, where the shell has one. */
  anafTransport?: (account: Account) => AuthorizationTransport;
  /** Opens the authorize URL for the browser path (a tab, or the system browser). */
  openLoginUrl(url: string): Promise<void>;
  /**
   * Sends sandbox logins the way this shell sends ANAF logins (the Electron
   * login window, else the browser path), so that the ANAF code path is
   * tested end to end against the sandbox.
   */
  forceBrowserForSandbox?: boolean;
  /** Passes the renderer's certificate choice to the login window, where one waits. */
  answerCertificate?(requestId: string, certificateId: string | null): boolean;
}

function iso(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

export function toAccountView(account: AccountSummary, persistent: boolean): AccountView {
  let status: AccountView['status'] = 'ok';
  if (!account.loggedIn) status = 'loggedOut';
  else if (account.expiry?.needsLogin) status = 'expired';
  else if (account.expiry?.refresh === 'warning' || account.expiry?.access === 'warning') status = 'expiring';
  return {
    id: account.id,
    provider: account.provider,
    clientId: account.clientId,
    redirectUri: account.redirectUri,
    certificateSubject: account.certificate?.subject || account.label,
    certificateSerial: account.certificate?.serial ?? '',
    certificateIssuer: account.certificate?.issuer ?? null,
    accessExpiresAt: iso(account.accessExpiresAt),
    refreshExpiresAt: iso(account.refreshExpiresAt),
    status,
    warning: account.expiry?.warning ?? null,
    storageProblem: account.storageError?.message ?? null,
    persistent,
  };
}

/** Certificate serials are hex; stores and the sandbox may differ in letter case. */
function sameSerial(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Returns the certificate's common name, for the account's label. */
function commonName(subject: string): string {
  return /CN=([^,/]+)/.exec(subject)?.[1]?.trim() ?? subject;
}

export function createAccountHandlers(services: CoreServices, platform: LoginPlatform, emit: EventEmitterFn): AccountHandlers {
  const { auth } = services;

  const views = async (): Promise<AccountView[]> => {
    const persistent = auth.vaultStatus().persistent;
    return (await auth.listAccounts()).map((account) => toAccountView(account, persistent));
  };
  const view = async (accountId: string): Promise<AccountView> => {
    const found = (await views()).find((candidate) => candidate.id === accountId);
    if (!found) throw new AppFailure('input.invalid', `No account has the id ${accountId}.`);
    return found;
  };
  const announce = async (): Promise<void> => emit('accounts.changed', await views());

  const sandboxInfo = async () => {
    await services.startSandbox();
    const info = services.sandbox.info();
    if (!info) throw new AppFailure('anaf.unavailable', 'The embedded sandbox did not start; the log has the details.');
    return info;
  };

  const sandboxCertificate = async (predicate: (certificate: SandboxCertificate) => boolean) => {
    const info = await sandboxInfo();
    const certificate = info.certificates.find(predicate);
    return { info, certificate };
  };

  /** Logs a new account in; an account whose first login fails is removed again. */
  const loginNew = async (account: Account, login: (id: string) => Promise<unknown>): Promise<AccountView> => {
    try {
      await login(account.id);
    } catch (error) {
      await auth.removeAccount(account.id).catch(() => undefined);
      throw error;
    }
    await announce();
    return view(account.id);
  };

  const anafLogin = (account: Account) => {
    if (platform.anafTransport) return auth.login(account.id, platform.anafTransport(account));
    return auth.loginWithBrowser(account.id, { openUrl: platform.openLoginUrl, dataDir: services.dataDir });
  };

  return {
    'accounts.list': () => views(),

    'accounts.sandboxCertificates': async () => {
      const info = await sandboxInfo();
      return info.certificates.map((certificate, index) => ({
        index,
        subject: certificate.subject,
        serial: certificate.serial,
        cifs: certificate.cifs,
      }));
    },

    'accounts.loginSandbox': async ({ certificateIndex, viaBrowser }) => {
      const info = await sandboxInfo();
      const certificate = info.certificates[certificateIndex];
      if (!certificate) {
        throw new AppFailure('input.invalid', `The sandbox has no certificate number ${certificateIndex}.`);
      }
      const login = (account: Account) =>
        (viaBrowser ?? platform.forceBrowserForSandbox)
          ? anafLogin(account)
          : auth.loginWithSandboxCertificate(account.id, certificate);
      const existing = (await auth.listAccounts()).find(
        (account) => account.provider === 'sandbox' && sameSerial(account.certificate?.serial, certificate.serial),
      );
      if (existing) {
        await login(existing);
        await announce();
        return view(existing.id);
      }
      const account = await auth.addAccount({
        provider: 'sandbox',
        label: commonName(certificate.subject),
        clientId: info.clientId,
        clientSecret: info.clientSecret,
        redirectUri: info.redirectUri,
      });
      return loginNew(account, () => login(account));
    },

    'accounts.loginAnaf': async ({ clientId, clientSecret, redirectUri }) => {
      const account = await auth.addAccount({ provider: 'anaf', label: clientId, clientId, clientSecret, redirectUri });
      return loginNew(account, () => anafLogin(account));
    },

    'accounts.answerCertificate': ({ requestId, certificateId }) => ({
      accepted: platform.answerCertificate?.(requestId, certificateId) ?? false,
    }),

    'accounts.relogin': async ({ accountId }) => {
      const account = await services.account(accountId);
      if (account.provider === 'sandbox') {
        const serial = account.certificate?.serial;
        const { certificate } = await sandboxCertificate((candidate) => sameSerial(candidate.serial, serial));
        if (!certificate) {
          throw new AppFailure('auth.noCertificate', 'The sandbox no longer has this account\'s certificate; log in with another one.');
        }
        await auth.loginWithSandboxCertificate(accountId, certificate);
      } else {
        await anafLogin(account);
      }
      await announce();
      return view(accountId);
    },

    'accounts.logout': async ({ accountId }) => {
      // Revoking at the sandbox needs its address, which is known once it runs.
      if ((await services.account(accountId)).provider === 'sandbox') await services.startSandbox();
      const report = await auth.logout(accountId);
      await announce();
      return { revoked: report.revoke === 'revoked', message: report.message };
    },

    'accounts.testConnection': async ({ accountId }) => {
      const result = await services.gateway.hello(accountId);
      return { answer: result.greeting };
    },
  };
}
