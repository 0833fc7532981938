// Authorization codes are kept only in memory. ANAF's are valid for about 60
// seconds, so a restart loses only codes that were about to expire anyway.
import { randomBytes } from 'node:crypto';
import type { TokenFormat } from './tokens.ts';

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  serial: string;
  /** The token format asked for on the authorize request. */
  format: TokenFormat;
  expiresAt: number;
}

export type CodeRedemption =
  | { ok: true; code: AuthorizationCode }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export class AuthorizationCodes {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly used = new Set<string>();

  issue(code: AuthorizationCode): string {
    const value = randomBytes(16).toString('hex');
    this.codes.set(value, code);
    return value;
  }

  /** Redeems a code once; a second redemption fails as `used`. */
  redeem(value: string, now: Date): CodeRedemption {
    if (this.used.has(value)) return { ok: false, reason: 'used' };
    const code = this.codes.get(value);
    if (!code) return { ok: false, reason: 'unknown' };
    this.codes.delete(value);
    this.used.add(value);
    if (code.expiresAt <= now.getTime())
      return { ok: false, reason: 'expired' };
    return { ok: true, code };
  }
}
