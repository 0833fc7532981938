import { AppFailure } from '../../../shared/result.ts';
import { authFailure } from './errors.ts';

export interface CallbackExpectation {
  /** The registered callback URL sent as `redirect_uri` on authorize. */
  redirectUri: string;
  /** The `state` sent on authorize. */
  state: string;
}

export type CallbackMatch =
  | { kind: 'other' }
  | { kind: 'code'; code: string }
  | { kind: 'failure'; failure: AppFailure };

const MAX_DESCRIPTION_LENGTH = 200;

/**
 * Tells whether a URL is the registered callback: scheme, host, port and
 * path are compared exactly (the query and fragment are not). Works for
 * https and for custom schemes, whose URL origin is always "null".
 */
export function isCallbackUrl(url: string, redirectUri: string): boolean {
  const candidate = parseUrl(url);
  const registered = parseUrl(redirectUri);
  if (!candidate || !registered) return false;
  return (
    candidate.protocol.toLowerCase() === registered.protocol.toLowerCase() &&
    candidate.host.toLowerCase() === registered.host.toLowerCase() &&
    candidate.pathname === registered.pathname
  );
}

/**
 * Reads the identity provider's redirect to the callback. A code needs the
 * exact `state` sent on authorize. An error needs no state, because ANAF may
 * drop it and an error grants nothing, but a state that differs still wins.
 */
export function matchCallback(
  url: string,
  expected: CallbackExpectation,
): CallbackMatch {
  if (!isCallbackUrl(url, expected.redirectUri)) return { kind: 'other' };
  const params = new URL(url).searchParams;

  const states = params.getAll('state');
  const errors = params.getAll('error');
  const codes = params.getAll('code');
  const stateMatches = states.length === 1 && states[0] === expected.state;
  const stateDiffers = states.length > 0 && !stateMatches;

  if (stateDiffers) return fail(authFailure('auth.stateMismatch'));
  if (errors.length > 0 || codes.length > 1) {
    return fail(callbackError(errors, params.get('error_description')));
  }
  if (codes.length === 0 || !codes[0]) {
    return fail(
      new AppFailure(
        'internal',
        'The login callback carried neither a code nor an error. Start the ' +
          'login again.',
      ),
    );
  }
  if (!stateMatches) return fail(authFailure('auth.stateMismatch'));
  return { kind: 'code', code: codes[0] };
}

/** Maps an OAuth `error` on the callback (RFC 6749 section 4.1.2.1). */
function callbackError(
  errors: string[],
  description: string | null,
): AppFailure {
  const error = errors.length === 1 ? errors[0] : undefined;
  const said = description
    ? `: ${description.slice(0, MAX_DESCRIPTION_LENGTH)}`
    : '';
  const detail = `The identity provider answered ${error ?? 'an ambiguous callback'}${said}.`;

  switch (error) {
    case 'access_denied':
      // ANAF's front end sends this when the TLS handshake carried no
      // client certificate, which is the usual cause.
      return authFailure('auth.noCertificate');
    case 'invalid_client':
    case 'unauthorized_client':
      return authFailure('auth.invalidClient', { detail });
    case 'server_error':
    case 'temporarily_unavailable':
      return authFailure('auth.network', { detail });
    default:
      if (description && /redirect/i.test(description)) {
        return authFailure('auth.redirectNotRegistered', { detail });
      }
      return new AppFailure(
        'internal',
        `The login failed. ${detail} Start the login again.`,
      );
  }
}

/**
 * The `webRequest` URL pattern for a callback: its origin and path followed
 * by `*`, because the redirect carries a query.
 */
export function callbackUrlPattern(redirectUri: string): string {
  const url = new URL(redirectUri);
  return `${url.protocol}//${url.host}${url.pathname}*`;
}

function fail(failure: AppFailure): CallbackMatch {
  return { kind: 'failure', failure };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
