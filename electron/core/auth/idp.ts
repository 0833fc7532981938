import { Agent, type Dispatcher } from 'undici';

export type IdentityProvider = 'sandbox' | 'anaf';

/** The address of an identity provider and the CA to trust for it. */
export interface IdpConfig {
  provider: IdentityProvider;
  /** The base URL; `/authorize`, `/token` and `/revoke` follow it. */
  baseUrl: string;
  /**
   * PEM of a CA trusted for this provider's origin only (the sandbox's own
   * CA). ANAF is checked against the system's CAs.
   */
  caCert?: string;
}

export const ANAF_IDP: IdpConfig = {
  provider: 'anaf',
  baseUrl: 'https://logincert.anaf.ro/anaf-oauth2/v1',
};

export interface IdpEndpoints {
  authorize: string;
  token: string;
  revoke: string;
}

export function idpEndpoints(idp: IdpConfig): IdpEndpoints {
  const base = idp.baseUrl.replace(/\/+$/, '');
  return {
    authorize: `${base}/authorize`,
    token: `${base}/token`,
    revoke: `${base}/revoke`,
  };
}

/** A PKCS#12 file the client presents in the TLS handshake. */
export interface ClientCertificate {
  pfx: Buffer;
  passphrase: string;
}

/**
 * Builds the undici dispatcher for one identity provider. It rejects requests
 * to every other origin, so the sandbox's CA (and a client certificate, when given)
 * are never used for another host.
 */
export function createIdpDispatcher(
  idp: IdpConfig,
  clientCertificate?: ClientCertificate,
): Dispatcher {
  const allowedOrigin = new URL(idp.baseUrl).origin;
  const connect: Record<string, unknown> = {};
  if (idp.caCert) connect.ca = idp.caCert;
  if (clientCertificate) {
    connect.pfx = clientCertificate.pfx;
    connect.passphrase = clientCertificate.passphrase;
  }

  const agent = new Agent({ connect });
  return agent.compose((dispatch) => (options, handler) => {
    const origin = options.origin ? new URL(String(options.origin)).origin : '';
    if (origin !== allowedOrigin) {
      throw new Error(
        `The ${idp.provider} identity provider's connection rejected a ` +
          `request to ${origin || 'an unknown origin'}`,
      );
    }
    return dispatch(options, handler);
  });
}
