// The admin endpoint, on the sandbox's own port under /sandbox-admin and
// protected by the key printed at start-up (header `x-admin-key`). Tests and
// the app's developer tools read the counters and uploads here, switch
// faults, change settings and move the sandbox's clock.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Call, Sandbox } from './context.ts';
import {
  FAULT_KINDS,
  formatFaultSpec,
  toFaultSpec,
  type FaultSpec,
} from './faults.ts';
import { ENDPOINTS } from './endpoints.ts';
import { jsonReply, type Reply } from './http.ts';

export const ADMIN_PATH = '/sandbox-admin';
const MAX_ADMIN_BODY = 1024 * 1024;

const faultObject = z.object({
  endpoint: z.enum([...ENDPOINTS, '*']),
  kind: z.enum(FAULT_KINDS),
  value: z.number().int().nonnegative().optional(),
  count: z.number().int().positive().optional(),
});
const faultInput = z.union([z.string().max(200), faultObject]);
const faultsBody = z.object({ faults: z.array(faultInput).max(100) });
const faultBody = z.object({ fault: faultInput });
const clockBody = z.object({ advanceMs: z.number().int().nonnegative() });
const settingsBody = z
  .object({
    processingMs: z.number().int().nonnegative(),
    listLagMs: z.number().int().nonnegative(),
    signatureShape: z.enum(['detached', 'enveloped']),
    revokeMode: z.enum(['redirect', 'rfc7009']),
    oldRefreshTokenValid: z.boolean(),
    codeLifetimeSeconds: z.number().int().positive(),
    rateLimit: z.number().int().positive(),
  })
  .partial()
  .strict();

function keyMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

function adminError(status: number, message: string): Reply {
  return jsonReply({ error: message }, status);
}

async function readJson<T>(
  call: Call,
  schema: z.ZodType<T>,
): Promise<T | string> {
  const body = await call.body(MAX_ADMIN_BODY);
  if (body.tooLarge) return 'The request body is larger than 1 MB';
  let value: unknown;
  try {
    value = JSON.parse(body.bytes.toString('utf8'));
  } catch {
    return 'The request body is not valid JSON';
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : z.prettifyError(parsed.error);
}

function uploadsView(sandbox: Sandbox): object[] {
  return sandbox.store
    .uploads()
    .filter((upload) => upload.source !== 'seed')
    .map((upload) => ({
      index: upload.index,
      cif: upload.cif,
      sha256: upload.sha256,
      standard: upload.standard,
      endpoint: upload.source,
      uploadedAt: new Date(upload.uploadedAt).toISOString(),
      state: upload.state,
      downloadId: upload.downloadId,
      errors: upload.errors,
    }));
}

function faultsView(sandbox: Sandbox): { faults: string[] } {
  return { faults: sandbox.faults.list().map(formatFaultSpec) };
}

export function adminState(sandbox: Sandbox): object {
  return {
    now: sandbox.clock.now().toISOString(),
    settings: { ...sandbox.settings, rateLimit: sandbox.limiter.limit },
    rateLimitWindow: sandbox.limiter.inWindow(),
    counters: sandbox.counters.toJSON(),
    uploads: uploadsView(sandbox),
    ...faultsView(sandbox),
  };
}

function parseFaults(inputs: (string | FaultSpec)[]): FaultSpec[] | string {
  try {
    return inputs.map(toFaultSpec);
  } catch (error) {
    return (error as Error).message;
  }
}

async function changeFaults(call: Call, method: string): Promise<Reply> {
  const { faults } = call.sandbox;
  if (method === 'GET') return jsonReply(faultsView(call.sandbox));
  if (method === 'DELETE') {
    faults.clear();
    return jsonReply(faultsView(call.sandbox));
  }
  const schema = method === 'PUT' ? faultsBody : faultBody;
  const body = await readJson<{
    faults?: (string | FaultSpec)[];
    fault?: string | FaultSpec;
  }>(call, schema);
  if (typeof body === 'string') return adminError(400, body);
  const specs = parseFaults(body.faults ?? (body.fault ? [body.fault] : []));
  if (typeof specs === 'string') return adminError(400, specs);
  if (method === 'PUT') faults.replace(specs);
  else specs.forEach((spec) => faults.add(spec));
  call.sandbox.logger.info('faults changed', faultsView(call.sandbox));
  return jsonReply(faultsView(call.sandbox));
}

async function changeSettings(call: Call): Promise<Reply> {
  const body = await readJson(call, settingsBody);
  if (typeof body === 'string') return adminError(400, body);
  const { rateLimit, ...settings } = body;
  Object.assign(call.sandbox.settings, settings);
  if (rateLimit !== undefined) call.sandbox.limiter.limit = rateLimit;
  return jsonReply(adminState(call.sandbox));
}

async function advanceClock(call: Call): Promise<Reply> {
  const body = await readJson(call, clockBody);
  if (typeof body === 'string') return adminError(400, body);
  call.sandbox.clock.advance(body.advanceMs);
  return jsonReply({ now: call.sandbox.clock.now().toISOString() });
}

/** Routes an admin call; `subpath` is the part after /sandbox-admin. */
export async function handleAdmin(
  call: Call,
  adminKey: string,
): Promise<Reply> {
  if (
    !keyMatches(adminKey, call.req.headers['x-admin-key'] as string | undefined)
  ) {
    return adminError(401, 'Missing or wrong x-admin-key header');
  }
  const subpath = call.url.pathname.slice(ADMIN_PATH.length) || '/';
  const method = call.req.method ?? 'GET';
  const route = `${method} ${subpath}`;
  switch (route) {
    case 'GET /':
    case 'GET /state':
      return jsonReply(adminState(call.sandbox));
    case 'GET /counters':
      return jsonReply(call.sandbox.counters.toJSON());
    case 'DELETE /counters':
      call.sandbox.counters.clear();
      return jsonReply(call.sandbox.counters.toJSON());
    case 'GET /uploads':
      return jsonReply({ uploads: uploadsView(call.sandbox) });
    case 'GET /faults':
    case 'PUT /faults':
    case 'POST /faults':
    case 'DELETE /faults':
      return changeFaults(call, method);
    case 'PATCH /settings':
      return changeSettings(call);
    case 'POST /clock':
      return advanceClock(call);
    default:
      return adminError(404, `No admin route ${route}`);
  }
}
