// Names for the sandbox's endpoints, used by fault specs and admin counters.
// ANAF's own method names are kept so that a fault reads like the call it
// breaks (`upload:reset-after-record`, `descarcare:reset-mid-body`).

export const ENDPOINTS = [
  'authorize',
  'token',
  'revoke',
  'hello',
  'upload',
  'uploadb2c',
  'stareMesaj',
  'listaMesajeFactura',
  'listaMesajePaginatieFactura',
  'descarcare',
  'validare',
  'transformare',
  'signature',
  'etransport-upload',
  'etransport-stareMesaj',
  'etransport-lista',
  'public-validare',
  'public-transformare',
  'public-signature',
  'admin',
  'unknown',
] as const;

export type EndpointName = (typeof ENDPOINTS)[number];

/** Which host of ANAF's an endpoint stands for. */
export type Zone = 'idp' | 'api' | 'public' | 'admin';

export function isEndpointName(value: string): value is EndpointName {
  return (ENDPOINTS as readonly string[]).includes(value);
}
