// Access and refresh tokens. ANAF issues RS512 JWTs when the client requests
// `token_content_type=jwt`, and opaque 64-hex tokens otherwise. The sandbox
// does the same and stores only a hash of each token to check it later.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { SignJWT, compactVerify } from 'jose';
import type { TokenRecord } from './records.ts';
import type { SandboxStore } from './store.ts';

export type TokenFormat = 'jwt' | 'opaque';

export interface Grant {
  serial: string;
  clientId: string;
  format: TokenFormat;
}

/** The token endpoint's success body. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
}

export interface Lifetimes {
  accessSeconds: number;
  refreshSeconds: number;
}

export type BearerCheck =
  | { ok: true; grant: Grant }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

const KEY_ID = 'sandbox_2026';

// The role claim of a real token lists the services it may call.
const ROLES = ['EFACTURA', 'ETRANSPORT', 'SRV_EFACTURA', 'HELLO'];

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class TokenService {
  lifetimes: Lifetimes;
  private readonly store: SandboxStore;
  private readonly issuer: string;
  private readonly privateKey: ReturnType<typeof createPrivateKey>;
  private readonly publicKey: ReturnType<typeof createPublicKey>;

  constructor(
    store: SandboxStore,
    keyPem: string,
    issuer: string,
    lifetimes: Lifetimes,
  ) {
    this.store = store;
    this.issuer = issuer;
    this.lifetimes = lifetimes;
    this.privateKey = createPrivateKey(keyPem);
    this.publicKey = createPublicKey(this.privateKey);
  }

  async issuePair(grant: Grant, now: Date): Promise<TokenResponse> {
    const accessToken = await this.issue(
      'access',
      grant,
      now,
      this.lifetimes.accessSeconds,
    );
    const refreshToken = await this.issue(
      'refresh',
      grant,
      now,
      this.lifetimes.refreshSeconds,
    );
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.lifetimes.accessSeconds,
      refresh_token: refreshToken,
    };
  }

  /** Checks an access token presented as `Authorization: Bearer`. */
  async checkAccess(token: string, now: Date): Promise<BearerCheck> {
    const record = await this.find(token, 'access');
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.revoked) return { ok: false, reason: 'revoked' };
    if (record.expiresAt <= now.getTime())
      return { ok: false, reason: 'expired' };
    return { ok: true, grant: grantOf(record) };
  }

  /**
   * Finds a refresh token that may still be exchanged: not expired, not
   * revoked and, when rotation invalidates old tokens, not yet rotated.
   */
  async findRefresh(
    token: string,
    now: Date,
    allowRotated: boolean,
  ): Promise<TokenRecord | null> {
    const record = await this.find(token, 'refresh');
    if (!record || record.revoked) return null;
    if (record.expiresAt <= now.getTime()) return null;
    if (record.rotated && !allowRotated) return null;
    return record;
  }

  markRotated(record: TokenRecord): void {
    record.rotated = true;
    this.store.changed();
  }

  /** Revokes a token of either kind; false when it is not known. */
  async revoke(token: string): Promise<boolean> {
    const record = this.store.token(hashToken(token));
    if (!record) return false;
    record.revoked = true;
    this.store.changed();
    return true;
  }

  private async find(
    token: string,
    kind: TokenRecord['kind'],
  ): Promise<TokenRecord | null> {
    const record = this.store.token(hashToken(token));
    if (!record || record.kind !== kind) return null;
    // A JWT must also carry a valid signature; the hash match makes this a
    // second check, kept because the real gateway validates the signature.
    if (record.format === 'jwt' && !(await this.verifySignature(token)))
      return null;
    return record;
  }

  private async verifySignature(token: string): Promise<boolean> {
    try {
      // Only the signature: expiry is judged against the sandbox's clock.
      await compactVerify(token, this.publicKey, { algorithms: ['RS512'] });
      return true;
    } catch {
      return false;
    }
  }

  private async issue(
    kind: TokenRecord['kind'],
    grant: Grant,
    now: Date,
    lifetimeSeconds: number,
  ): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + lifetimeSeconds;
    const token =
      grant.format === 'jwt'
        ? await this.signJwt(kind, grant, issuedAt, expiresAt)
        : randomBytes(32).toString('hex');
    this.store.addToken({
      hash: hashToken(token),
      kind,
      format: grant.format,
      serial: grant.serial,
      clientId: grant.clientId,
      issuedAt: issuedAt * 1000,
      expiresAt: expiresAt * 1000,
      revoked: false,
      rotated: false,
    });
    return token;
  }

  private async signJwt(
    kind: TokenRecord['kind'],
    grant: Grant,
    issuedAt: number,
    expiresAt: number,
  ): Promise<string> {
    return new SignJWT({
      token_type: kind === 'access' ? 'Bearer' : 'Refresh',
      scope: 'clientappid info issuer role serial',
      role: ROLES,
      clientappid: grant.clientId,
      serial: grant.serial,
    })
      .setProtectedHeader({ alg: 'RS512', kid: KEY_ID, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}

function grantOf(record: TokenRecord): Grant {
  return {
    serial: record.serial,
    clientId: record.clientId,
    format: record.format,
  };
}
