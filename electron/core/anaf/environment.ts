/**
 * The base URLs of ANAF's services in each environment. The app talks either
 * to ANAF itself or to the local sandbox. Within ANAF, each company uses the
 * `test` or the `prod` API path, with the same hosts and tokens.
 */
import { readFile } from 'node:fs/promises';

export type EnvironmentKind = 'anaf' | 'sandbox';

/** The API path segment a company's calls use: `/test/...` or `/prod/...`. */
export type ApiPath = 'test' | 'prod';

export const API_PATHS: readonly ApiPath[] = ['test', 'prod'];

export interface AnafEnvironment {
  kind: EnvironmentKind;
  /** OAuth identity provider base, ending before `/authorize`. */
  idpUrl: string;
  /** Host of the OAuth-protected APIs (`TestOauth`, `FCTEL`, `ETRANSPORT`). */
  apiUrl: string;
  /** Host of the public services (`validare`, `transformare`, signature). */
  publicUrl: string;
  /**
   * PEM CA certificate that signs the server's certificate. Set only for the
   * sandbox, where it replaces the public roots for the sandbox's origin.
   */
  caCertificate?: string;
}

export const ANAF_ENVIRONMENT: Readonly<AnafEnvironment> = Object.freeze({
  kind: 'anaf',
  idpUrl: 'https://logincert.anaf.ro/anaf-oauth2/v1',
  apiUrl: 'https://api.anaf.ro',
  publicUrl: 'https://webservicesp.anaf.ro',
});

/** The part of the sandbox's start-up info that locates its services. */
export interface SandboxLocation {
  apiUrl: string;
  idpUrl: string;
  publicUrl?: string;
  caCertPath: string;
}

/**
 * Builds the sandbox environment from its start-up info, reading its CA
 * certificate. The public services default to `<origin>/public`.
 */
export async function sandboxEnvironment(
  location: SandboxLocation,
): Promise<AnafEnvironment> {
  const caCertificate = await readFile(location.caCertPath, 'utf8');
  const publicUrl =
    location.publicUrl ?? `${new URL(location.apiUrl).origin}/public`;
  return {
    kind: 'sandbox',
    idpUrl: location.idpUrl,
    apiUrl: location.apiUrl,
    publicUrl,
    caCertificate,
  };
}

/** Lists the origins an environment's requests may go to. */
export function environmentOrigins(environment: AnafEnvironment): string[] {
  const urls = [environment.idpUrl, environment.apiUrl, environment.publicUrl];
  return [...new Set(urls.map((url) => new URL(url).origin))];
}
