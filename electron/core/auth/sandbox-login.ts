import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { readFile } from 'node:fs/promises';
import { request } from 'undici';
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import { registerSecret } from '../log/redact.ts';
import type { CertificateInfo } from './accounts.ts';
import type {
  AuthorizationRequest,
  AuthorizationResult,
  AuthorizationTransport,
} from './authorize.ts';
import type { CertificateCandidate } from './certificate-policy.ts';
import { authFailure } from './errors.ts';
import { createIdpDispatcher, type IdpConfig } from './idp.ts';
import { networkFailure } from './idp-http.ts';
import { mapOauthError } from './token-client.ts';

/** One of the sandbox's test certificates, as `startSandbox` lists them. */
export interface SandboxCertificate {
  certPath: string;
  keyPath: string;
  pfxPath: string;
  passphrase: string;
  subject: string;
  serial: string;
  cifs: string[];
}

/** A picker candidate that remembers which sandbox file it came from. */
export interface SandboxCandidate extends CertificateCandidate {
  file: SandboxCertificate;
}

/** Reads the sandbox certificates' PEM files for the picker's columns. */
export async function readSandboxCertificates(
  certificates: readonly SandboxCertificate[],
): Promise<SandboxCandidate[]> {
  return Promise.all(
    certificates.map(async (file) => {
      const info = certificateInfo(await readFile(file.certPath));
      return {
        id: info.serial,
        subject: info.subject,
        issuer: info.issuer ?? '',
        serial: info.serial,
        validFrom: info.validFrom ?? 0,
        validTo: info.validTo ?? 0,
        file,
      };
    }),
  );
}

/** Subject, issuer, serial and validity of a PEM or DER certificate. */
export function certificateInfo(certificate: Buffer | string): CertificateInfo {
  const x509 = new X509Certificate(certificate);
  return {
    subject: oneLine(x509.subject),
    serial: x509.serialNumber.toLowerCase(),
    issuer: oneLine(x509.issuer),
    validFrom: Date.parse(x509.validFrom),
    validTo: Date.parse(x509.validTo),
  };
}

/** Node lists a distinguished name one attribute per line. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

export interface SandboxTransportOptions {
  idp: IdpConfig;
  certificate: SandboxCertificate;
  logger: Logger;
}

/**
 * The sandbox login without a window: the core presents the chosen PKCS#12
 * file at `authorize`, reads the redirect's `Location` without following it,
 * and hands it to the callback matcher.
 */
export function createSandboxTransport(
  options: SandboxTransportOptions,
): AuthorizationTransport {
  return async (authorization) => {
    const file = options.certificate;
    registerSecret(file.passphrase);
    const pfx = await readPfx(file);
    const info = certificateInfo(await readFile(file.certPath));
    const dispatcher = createIdpDispatcher(options.idp, {
      pfx,
      passphrase: file.passphrase,
    });
    try {
      const location = await fetchRedirect(authorization, dispatcher);
      options.logger.info('Sandbox authorize responded with a redirect', {
        target: withoutQuery(location),
      });
      return resultFor(authorization, location, info);
    } finally {
      await dispatcher.close();
    }
  };
}

/** Opens the PKCS#12 file once here, so a bad passphrase gets its message. */
async function readPfx(file: SandboxCertificate): Promise<Buffer> {
  const pfx = await readFile(file.pfxPath);
  try {
    createSecureContext({ pfx, passphrase: file.passphrase });
  } catch (error) {
    throw authFailure('auth.noCertificate', {
      detail:
        `The certificate file ${file.pfxPath} could not be opened ` +
        `(${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  return pfx;
}

async function fetchRedirect(
  authorization: AuthorizationRequest,
  dispatcher: ReturnType<typeof createIdpDispatcher>,
): Promise<string> {
  let response;
  try {
    response = await request(authorization.authorizeUrl, {
      method: 'GET',
      dispatcher,
      signal: authorization.signal,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
  } catch (error) {
    if (authorization.signal.aborted) throw authFailure('auth.cancelled');
    throw networkFailure(authorization.authorizeUrl, error);
  }

  const text = await response.body.text();
  const location = response.headers.location;
  const isRedirect = response.statusCode >= 300 && response.statusCode < 400;
  if (isRedirect && typeof location === 'string') {
    return new URL(location, authorization.authorizeUrl).toString();
  }
  throw authorizeFailure(response.statusCode, text);
}

/**
 * Maps an authorize response that is not a redirect. The IdP sends an error
 * page instead of redirecting when the client id or the callback URL is not
 * registered, so the page text is searched for the parameter it names.
 */
function authorizeFailure(status: number, text: string): AppFailure {
  const body = parseOauthError(text);
  if (body) return mapOauthError('authorization_code', body);
  const detail = `The authorize endpoint answered HTTP ${status}.`;
  if (status < 500 && /redirect_uri/i.test(text)) {
    return authFailure('auth.redirectNotRegistered', { detail });
  }
  if (status < 500 && /client_id/i.test(text)) {
    return authFailure('auth.invalidClient', { detail });
  }
  if (status >= 500) {
    return authFailure('auth.network', { detail });
  }
  return new AppFailure(
    'internal',
    `The authorize endpoint answered HTTP ${status} instead of a redirect.`,
  );
}

function resultFor(
  authorization: AuthorizationRequest,
  location: string,
  certificate: CertificateInfo,
): AuthorizationResult {
  const match = authorization.match(location);
  if (match.kind === 'code') return { code: match.code, certificate };
  if (match.kind === 'failure') throw match.failure;
  throw new AppFailure(
    'internal',
    `The identity provider redirected to ${withoutQuery(location)} instead ` +
      'of the registered callback URL.',
  );
}

function parseOauthError(
  text: string,
): { error: string; error_description?: string } | null {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && 'error' in value) {
      const { error, error_description: description } = value as Record<
        string,
        unknown
      >;
      if (typeof error !== 'string') return null;
      return typeof description === 'string'
        ? { error, error_description: description }
        : { error };
    }
  } catch {
    // Not JSON: an HTML error page.
  }
  return null;
}

/** Origin and path only: the query carries the code. */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}
