/**
 * The one redaction step for everything the app logs. Tokens, authorization
 * codes, client secrets, passphrases, `Authorization` headers and URL query
 * strings never reach a log file.
 *
 * Two defences work together: patterns catch the shapes secrets arrive in
 * (JWTs, Bearer and Basic headers, `key=value` pairs, query strings), and
 * `registerSecret` records exact values the app keeps (an opaque token has no
 * recognisable shape), which are then replaced wherever they appear.
 */

const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 6;
const knownSecrets = new Set<string>();

const SECRET_KEY = /token|secret|password|passphrase|authorization|cookie|^key$|adminkey|apikey/i;

/**
 * A `code` field is an OAuth authorization code, unless its value has the
 * shape of an error code (`anaf.rateLimited`, `ECONNRESET`, `ERR_TLS_...`),
 * which logs must keep.
 */
const ERROR_CODE_SHAPE = /^(?:[a-z]+\.[a-zA-Z]+|[A-Z][A-Z0-9_]+)$/;

function isSecretField(key: string, value: unknown): boolean {
  if (SECRET_KEY.test(key)) return true;
  return /^code$/i.test(key) && !(typeof value === 'string' && ERROR_CODE_SHAPE.test(value));
}

const PATTERNS: Array<[RegExp, string]> = [
  // Authorization and cookie headers, whatever the scheme.
  [/\b(authorization|proxy-authorization|cookie|set-cookie)(\s*[:=]\s*)[^\r\n,;}"]+/gi, `$1$2${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  // JWTs: three base64url parts, the first two starting with `eyJ` ('{"').
  [/\beyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, REDACTED],
  // key=value and "key":"value" pairs whose key names a secret.
  [
    /\b(access_token|refresh_token|id_token|client_secret|client_id|code|state|password|passphrase|key|adminKey)=([^&\s"']+)/gi,
    `$1=${REDACTED}`,
  ],
  [
    /"(access_token|refresh_token|id_token|client_secret|code|password|passphrase|accessToken|refreshToken|clientSecret|adminKey)"\s*:\s*"[^"]*"/gi,
    `"$1":"${REDACTED}"`,
  ],
  // Query strings of URLs: everything after `?` up to white space or a quote.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)\?[^\s"'<>]*/gi, `$1?${REDACTED}`],
];

/** Records a value that must never appear in a log line. */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= MIN_SECRET_LENGTH) knownSecrets.add(value);
}

export function forgetSecret(value: string | undefined | null): void {
  if (value) knownSecrets.delete(value);
}

export function redactText(text: string): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) {
    result = result.replace(pattern, replacement);
  }
  return result;
}

/** Redacts a structured log field set: secret-named keys lose their value. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[nested]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSecretField(key, item) ? REDACTED : redactFields(item, depth + 1);
    }
    return out;
  }
  return value;
}
