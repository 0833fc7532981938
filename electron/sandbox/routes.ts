// The sandbox's paths. One port stands for three ANAF hosts:
//   logincert.anaf.ro   -> /anaf-oauth2/v1/... (and the F5 /my.policy page)
//   api.anaf.ro         -> the root: /TestOauth/..., /{test|prod}/FCTEL/rest/...,
//                          /{test|prod}/ETRANSPORT/ws/v1/..., /api/validate/signature
//   webservicesp.anaf.ro -> /public/prod/FCTEL/rest/..., /public/api/validate/signature
// plus the admin endpoint under /sandbox-admin.
import { ADMIN_PATH, handleAdmin } from './admin.ts';
import type { Call } from './context.ts';
import { handleDownload, handleStatus } from './efactura-messages.ts';
import { handlePagedList, handleSimpleList } from './efactura-lists.ts';
import { handleUpload } from './efactura-upload.ts';
import type { EndpointName, Zone } from './endpoints.ts';
import {
  handleEtransportList,
  handleEtransportStatus,
  handleEtransportUpload,
} from './etransport.ts';
import { handleHello } from './hello.ts';
import { redirectReply, reply, springErrorReply, type Reply } from './http.ts';
import {
  handleAuthorize,
  handleLoginWall,
  handleRevoke,
  handleToken,
} from './idp.ts';
import {
  handleSignatureCheck,
  handleTransform,
  handleValidate,
} from './public-services.ts';

export const IDP_PATH = '/anaf-oauth2/v1';
export const PUBLIC_PATH = '/public';

type Handler = (call: Call) => Reply | Promise<Reply>;

export interface Route {
  endpoint: EndpointName;
  zone: Zone;
  /** Whether the gateway requires a bearer token before the handler runs. */
  bearer: boolean;
  handle: Handler;
}

interface RouteEntry extends Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
}

export interface ResolvedRoute {
  route: Route;
  params: string[];
}

const EFACTURA = '/(?:test|prod)/FCTEL/rest';
const ETRANSPORT = '/(?:test|prod)/ETRANSPORT/ws/v1';

function api(
  method: RouteEntry['method'],
  path: string,
  endpoint: EndpointName,
  handle: Handler,
): RouteEntry {
  return {
    method,
    pattern: new RegExp(`^${path}$`),
    endpoint,
    zone: 'api',
    bearer: true,
    handle,
  };
}

function open(
  zone: Zone,
  method: RouteEntry['method'],
  path: string,
  endpoint: EndpointName,
  handle: Handler,
): RouteEntry {
  return {
    method,
    pattern: new RegExp(`^${path}$`),
    endpoint,
    zone,
    bearer: false,
    handle,
  };
}

const ROUTES: RouteEntry[] = [
  open('idp', 'GET', `${IDP_PATH}/authorize`, 'authorize', handleAuthorize),
  open('idp', 'POST', `${IDP_PATH}/token`, 'token', handleToken),
  open('idp', 'POST', `${IDP_PATH}/revoke`, 'revoke', handleRevoke),
  open('idp', 'GET', '/my\\.policy', 'unknown', handleLoginWall),

  api('GET', '/TestOauth/jaxrs/hello', 'hello', handleHello),
  api('POST', `${EFACTURA}/upload`, 'upload', (call) =>
    handleUpload(call, 'upload'),
  ),
  api('POST', `${EFACTURA}/uploadb2c`, 'uploadb2c', (call) =>
    handleUpload(call, 'uploadb2c'),
  ),
  api('GET', `${EFACTURA}/stareMesaj`, 'stareMesaj', handleStatus),
  api(
    'GET',
    `${EFACTURA}/listaMesajeFactura`,
    'listaMesajeFactura',
    handleSimpleList,
  ),
  api(
    'GET',
    `${EFACTURA}/listaMesajePaginatieFactura`,
    'listaMesajePaginatieFactura',
    handlePagedList,
  ),
  api('GET', `${EFACTURA}/descarcare`, 'descarcare', handleDownload),
  // validare and transformare exist on the production path only.
  api('POST', '/prod/FCTEL/rest/validare/([^/]+)', 'validare', handleValidate),
  api(
    'POST',
    '/prod/FCTEL/rest/transformare/([^/]+)(?:/(DA))?',
    'transformare',
    handleTransform,
  ),
  api('POST', '/api/validate/signature', 'signature', handleSignatureCheck),
  api(
    'POST',
    `${ETRANSPORT}/upload/([^/]+)/([^/]+)(?:/([^/]+))?`,
    'etransport-upload',
    handleEtransportUpload,
  ),
  api(
    'GET',
    `${ETRANSPORT}/stareMesaj/([^/]+)`,
    'etransport-stareMesaj',
    handleEtransportStatus,
  ),
  api(
    'GET',
    `${ETRANSPORT}/lista/([^/]+)/([^/]+)`,
    'etransport-lista',
    handleEtransportList,
  ),

  open(
    'public',
    'POST',
    `${PUBLIC_PATH}/prod/FCTEL/rest/validare/([^/]+)`,
    'public-validare',
    handleValidate,
  ),
  open(
    'public',
    'POST',
    `${PUBLIC_PATH}/prod/FCTEL/rest/transformare/([^/]+)(?:/(DA))?`,
    'public-transformare',
    handleTransform,
  ),
  open(
    'public',
    'POST',
    `${PUBLIC_PATH}/api/validate/signature`,
    'public-signature',
    handleSignatureCheck,
  ),
];

/** Returns the path the Java service behind the gateway receives, for its 404 bodies. */
function servicePath(pathname: string): string {
  return pathname
    .replace(/^\/public/, '')
    .replace(/^\/(?:test|prod)(?=\/)/, '');
}

function springFallback(zone: Zone, status: 404 | 405, bearer: boolean): Route {
  return {
    endpoint: 'unknown',
    zone,
    bearer,
    handle: (call) =>
      springErrorReply(status, servicePath(call.url.pathname), call.now),
  };
}

const SERVICE_PREFIX = /^\/(?:test|prod)\/(?:FCTEL\/rest|ETRANSPORT\/ws\/v1)\//;

/** Picks the route for a path that matches none, as ANAF's hosts do. */
function fallback(pathname: string, methodMismatch: boolean): Route {
  const status = methodMismatch ? 405 : 404;
  if (pathname.startsWith(`${PUBLIC_PATH}/`))
    return springFallback('public', status, false);
  // The IdP's F5 front end sends unknown paths to its login page.
  if (pathname.startsWith(`${IDP_PATH}/`) || pathname === IDP_PATH) {
    return {
      endpoint: 'unknown',
      zone: 'idp',
      bearer: false,
      handle: (call) =>
        redirectReply(new URL('/my.policy', call.url).toString()),
    };
  }
  if (SERVICE_PREFIX.test(pathname)) return springFallback('api', status, true);
  // The API gateway forbids any other path, e.g. /listaMesajeFactura
  // without its /prod/FCTEL/rest prefix.
  return {
    endpoint: 'unknown',
    zone: 'api',
    bearer: false,
    handle: () => reply(403, 'text/plain; charset=utf-8', 'Forbidden'),
  };
}

export function resolveRoute(
  method: string,
  pathname: string,
  adminKey: string,
): ResolvedRoute {
  if (pathname === ADMIN_PATH || pathname.startsWith(`${ADMIN_PATH}/`)) {
    return {
      route: {
        endpoint: 'admin',
        zone: 'admin',
        bearer: false,
        handle: (call) => handleAdmin(call, adminKey),
      },
      params: [],
    };
  }
  let methodMismatch = false;
  for (const entry of ROUTES) {
    const match = entry.pattern.exec(pathname);
    if (!match) continue;
    if (entry.method !== method) {
      methodMismatch = true;
      continue;
    }
    const params = match
      .slice(1)
      .filter((value): value is string => value !== undefined);
    return { route: entry, params };
  }
  return { route: fallback(pathname, methodMismatch), params: [] };
}
