import { randomUUID } from 'node:crypto';
import { allowOrigins, expectDeniedNavigations } from '../security.ts';
import {
  app,
  BrowserWindow,
  session,
  type Certificate,
  type Session,
  type WebContents,
} from 'electron';
import { AppFailure } from '../../../shared/result.ts';
import type {
  AuthorizationRequest,
  AuthorizationResult,
  AuthorizationTransport,
} from '../../core/auth/authorize.ts';
import { callbackUrlPattern, isCallbackUrl } from '../../core/auth/callback.ts';
import {
  loginCompletePage,
  loginFailedPage,
} from '../../core/auth/callback-page.ts';
import {
  chooseCertificate,
  type CertificateCandidate,
} from '../../core/auth/certificate-policy.ts';
import type { CertificateInfo } from '../../core/auth/accounts.ts';
import { authFailure } from '../../core/auth/errors.ts';
import { withoutQuery } from '../../core/auth/sandbox-login.ts';
import type { Logger } from '../../core/log/logger.ts';
import type { CertificatePicker } from './certificate-picker.ts';
import { isTrustedByIdpCa, type TrustedIdpCa } from './idp-trust.ts';

export interface LoginWindowOptions {
  pickCertificate: CertificatePicker;
  logger: Logger;
  parent?: BrowserWindow;
  /** The serial of the account's certificate, used first when offered. */
  preferredSerial?: string;
  /**
   * A CA trusted for the identity provider's origin only, for the embedded
   * sandbox. Without it the window trusts only the system's CAs, as for ANAF.
   */
  trustedCa?: TrustedIdpCa;
  now?: () => number;
}

/**
 * Creates the ANAF login for Electron: a window on a fresh in-memory session
 * with no preload and Node off, limited to the identity provider's origin. Chromium
 * requests the client certificate from the operating system's store and the
 * app chooses it. The redirect to the callback URL is caught and cancelled, so
 * it is never sent and no port is opened.
 */
export function createLoginWindowTransport(
  options: LoginWindowOptions,
): AuthorizationTransport {
  return (request) => new LoginWindow(request, options).run();
}

/** Electron's certificate fields, in the policy's terms. */
export function toCandidate(certificate: Certificate): CertificateCandidate {
  return {
    id: certificate.fingerprint,
    subject: certificate.subjectName,
    issuer: certificate.issuerName,
    serial: certificate.serialNumber,
    validFrom: certificate.validStart * 1000,
    validTo: certificate.validExpiry * 1000,
  };
}

class LoginWindow {
  readonly #request: AuthorizationRequest;
  readonly #options: LoginWindowOptions;
  readonly #logger: Logger;
  readonly #idpOrigin: string;
  readonly #session: Session;
  readonly #window: BrowserWindow;
  readonly #customScheme: string | null;
  #certificate: CertificateInfo | undefined;
  #settle: (outcome: AuthorizationResult | AppFailure) => void = () => {};
  #settled = false;

  constructor(request: AuthorizationRequest, options: LoginWindowOptions) {
    this.#request = request;
    this.#options = options;
    this.#logger = options.logger.child('login-window');
    this.#idpOrigin = new URL(request.authorizeUrl).origin;
    const scheme = new URL(request.redirectUri).protocol.slice(0, -1);
    this.#customScheme =
      scheme === 'https' || scheme === 'http' ? null : scheme;

    // A partition name without `persist:` gives an in-memory session, and a
    // new name each time makes Chromium ask for the certificate again.
    this.#session = session.fromPartition(`login-${randomUUID()}`, {
      cache: false,
    });
    this.#window = new BrowserWindow({
      width: 900,
      height: 720,
      title: 'ANAF login',
      ...(options.parent ? { parent: options.parent, modal: true } : {}),
      webPreferences: {
        session: this.#session,
        nodeIntegration: false,
        contextIsolation: true,
        sandbox: true,
        webSecurity: true,
        spellcheck: false,
      },
    });
  }

  run(): Promise<AuthorizationResult> {
    const outcome = new Promise<AuthorizationResult>((resolve, reject) => {
      this.#settle = (result) => {
        if (this.#settled) return;
        this.#settled = true;
        if (result instanceof AppFailure) reject(result);
        else resolve(result);
      };
    });

    allowOrigins(this.#window.webContents, [this.#idpOrigin]);
    // The app-wide guard also receives the redirect to the callback, which
    // this window catches itself, so the guard logs it at debug level only.
    expectDeniedNavigations(this.#window.webContents, (url) =>
      isCallbackUrl(url, this.#request.redirectUri),
    );
    this.#install();
    this.#logger.info('Login window opened', { idp: this.#idpOrigin });
    this.#window.loadURL(this.#request.authorizeUrl).catch((error: unknown) => {
      this.#onLoadFailed(error);
    });
    return outcome.finally(() => this.#uninstall());
  }

  #install(): void {
    const contents = this.#window.webContents;
    const { signal } = this.#request;

    // webRequest URL patterns cover http(s) only, so a custom scheme is
    // served by a protocol handler on this session instead.
    if (this.#customScheme) {
      this.#session.protocol.handle(this.#customScheme, (request) =>
        this.#onCustomScheme(request.url),
      );
    } else {
      this.#session.webRequest.onBeforeRequest(
        { urls: [callbackUrlPattern(this.#request.redirectUri)] },
        (details, callback) => {
          callback({ cancel: true });
          this.#onCallback(details.url);
        },
      );
    }

    contents.on('will-navigate', this.#onNavigation);
    contents.on('will-redirect', this.#onNavigation);
    contents.on('certificate-error', this.#onCertificateError);
    contents.setWindowOpenHandler(({ url }) => {
      this.#logger.warn('Blocked a new window', { target: withoutQuery(url) });
      return { action: 'deny' };
    });
    app.on('select-client-certificate', this.#onSelectCertificate);
    this.#window.on('closed', this.#onClosed);
    if (signal.aborted) this.#onAbort();
    signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  #uninstall(): void {
    app.removeListener('select-client-certificate', this.#onSelectCertificate);
    this.#request.signal.removeEventListener('abort', this.#onAbort);
    if (this.#customScheme) this.#session.protocol.unhandle(this.#customScheme);
    else this.#session.webRequest.onBeforeRequest(null);
    if (!this.#window.isDestroyed()) {
      this.#window.removeListener('closed', this.#onClosed);
      this.#window.close();
    }
  }

  /** Handles the callback URL; returns false for any other URL. */
  #onCallback(url: string): boolean {
    const match = this.#request.match(url);
    if (match.kind === 'other') return false;
    if (match.kind === 'failure') {
      this.#logger.warn('Login callback carried an error', {
        code: match.failure.code,
      });
      this.#settle(match.failure);
      return true;
    }
    this.#logger.info('Login callback carried a code');
    this.#settle(
      this.#certificate
        ? { code: match.code, certificate: this.#certificate }
        : { code: match.code },
    );
    return true;
  }

  #onCustomScheme(url: string): Response {
    const match = this.#request.match(url);
    this.#onCallback(url);
    const body =
      match.kind === 'failure'
        ? loginFailedPage(match.failure.message)
        : loginCompletePage();
    const status = match.kind === 'other' ? 404 : 200;
    return new Response(body, {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }

  /** Handles will-navigate and will-redirect: the callback, the IdP, or blocked. */
  readonly #onNavigation = (event: { url: string; preventDefault(): void }) => {
    const { url } = event;
    if (this.#onCallback(url)) {
      event.preventDefault();
      return;
    }
    if (originOf(url) !== this.#idpOrigin) {
      event.preventDefault();
      this.#logger.warn(
        'Blocked a navigation away from the identity provider',
        {
          target: withoutQuery(url),
        },
      );
    }
  };

  /**
   * Trusts a server certificate that Chromium rejected only when the
   * trusted CA issued it and the URL is on that CA's origin. Otherwise
   * Electron rejects it, which is the event's default.
   */
  readonly #onCertificateError = (
    event: { preventDefault(): void },
    url: string,
    error: string,
    certificate: Certificate,
    callback: (isTrusted: boolean) => void,
  ) => {
    const trust = this.#options.trustedCa;
    const now = (this.#options.now ?? Date.now)();
    if (trust && isTrustedByIdpCa(url, certificate.data, trust, now)) {
      event.preventDefault();
      callback(true);
      return;
    }
    this.#logger.warn('Rejected a server certificate in the login window', {
      target: withoutQuery(url),
      error,
    });
  };

  readonly #onSelectCertificate = (
    event: { preventDefault(): void },
    contents: WebContents | null,
    _url: string,
    certificates: Certificate[],
    callback: (certificate?: Certificate) => void,
  ) => {
    if (contents?.id !== this.#window.webContents.id) return;
    event.preventDefault();
    void this.#selectCertificate(certificates, callback);
  };

  async #selectCertificate(
    certificates: Certificate[],
    callback: (certificate?: Certificate) => void,
  ): Promise<void> {
    const now = (this.#options.now ?? Date.now)();
    const choice = chooseCertificate(
      certificates.map(toCandidate),
      now,
      this.#options.preferredSerial,
    );

    let chosenId: string | null = null;
    if (choice.kind === 'use') chosenId = choice.certificate.id;
    if (choice.kind === 'pick') {
      chosenId = await this.#options.pickCertificate(choice.entries);
    }

    const chosen = certificates.find((item) => item.fingerprint === chosenId);
    if (!chosen) {
      // Without a certificate ANAF redirects with access_denied, but a
      // dismissed picker ends the login at once instead.
      callback();
      if (choice.kind === 'pick') this.#settle(authFailure('auth.cancelled'));
      return;
    }

    const candidate = toCandidate(chosen);
    this.#certificate = {
      subject: candidate.subject,
      serial: candidate.serial,
      issuer: candidate.issuer,
      validFrom: candidate.validFrom,
      validTo: candidate.validTo,
    };
    this.#logger.info('Presenting a client certificate', {
      serial: candidate.serial,
      how: choice.kind,
    });
    callback(chosen);
  }

  readonly #onClosed = () => {
    this.#logger.info('Login window closed by the user');
    this.#settle(authFailure('auth.cancelled'));
  };

  readonly #onAbort = () => {
    this.#settle(authFailure('auth.cancelled'));
  };

  /** loadURL also rejects when the callback was cancelled on purpose. */
  #onLoadFailed(error: unknown): void {
    if (this.#settled) return;
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : 'the page did not load';
    this.#logger.warn('The login page failed to load', { reason });
    this.#settle(
      authFailure('auth.network', {
        detail: `The login page at ${this.#idpOrigin} did not load (${reason}).`,
      }),
    );
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
