// One request's way through the sandbox, in the order ANAF's front ends
// apply: the API gateway's per-minute limit (counted at arrival), injected
// faults that end a call before anything is recorded, the bearer-token
// check, the service itself, and faults that spoil a response afterwards.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Call, type Sandbox } from './context.ts';
import type { EndpointName } from './endpoints.ts';
import { settleDeclarations } from './etransport.ts';
import { faultRecords, faultValue, type FaultSpec } from './faults.ts';
import { jsonReply, reply, type Reply } from './http.ts';
import { settleUploads } from './processing.ts';
import { firewallPage } from './public-services.ts';
import { resolveRoute, type Route } from './routes.ts';

const TOO_MANY_REQUESTS = (): Reply =>
  reply(
    429,
    'text/html; charset=utf-8',
    '<html><body><h1>429 Too Many Requests</h1></body></html>',
  );

function gatewayErrorPage(status: number): Reply {
  return reply(
    status,
    'text/html; charset=utf-8',
    `<html><body><h1>${status} Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>`,
  );
}

/** Builds the response a call-ending fault sends instead of the service's. */
function beforeFaultReply(spec: FaultSpec): Reply {
  switch (spec.kind) {
    case 'firewall':
      return firewallPage();
    case 'burst-429':
      return TOO_MANY_REQUESTS();
    case 'status-255':
      // NOTE: no capture of ANAF's 255 response exists, so the body is a guess.
      return jsonReply(
        {
          error: 'multiple_tokens',
          error_description: 'A token was already issued for this certificate',
        },
        255,
      );
    default:
      return gatewayErrorPage(faultValue(spec));
  }
}

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header?.toLowerCase().startsWith('bearer ')) return null;
  const token = header.slice(7).trim();
  return token === '' ? null : token;
}

/** Checks the bearer token; returns the gateway's refusal, or null. */
async function authenticate(call: Call): Promise<Reply | null> {
  const token = bearerToken(call.req);
  if (token === null)
    return reply(403, 'text/plain; charset=utf-8', 'Forbidden');
  const check = await call.sandbox.tokens.checkAccess(token, call.now);
  if (!check.ok) {
    return reply(
      401,
      'application/json',
      JSON.stringify({
        error: 'invalid_token',
        error_description: `The access token is ${check.reason}`,
      }),
      {
        'www-authenticate': `Bearer error="invalid_token", error_description="The access token is ${check.reason}"`,
      },
    );
  }
  call.grant = check.grant;
  return null;
}

function send(res: ServerResponse, answer: Reply): void {
  if (res.destroyed) return;
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(answer.body.length),
  });
  res.end(answer.body);
}

/**
 * Ends the connection without a response. A TLS socket cannot send a TCP
 * reset itself (Node's resetAndDestroy needs a plain TCP handle), so it is
 * destroyed, which the client sees as the connection closing mid-request.
 */
function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

/** Sends the headers and half the body, then resets the connection. */
function resetMidBody(res: ServerResponse, answer: Reply): void {
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(answer.body.length),
  });
  const half = Math.max(1, Math.floor(answer.body.length / 2));
  res.write(answer.body.subarray(0, half), () => {
    setTimeout(() => resetConnection(res), 20);
  });
}

function recordFault(call: Call, spec: FaultSpec): void {
  call.sandbox.counters.fault({
    at: call.now.toISOString(),
    endpoint: call.endpoint,
    kind: spec.kind,
    recorded: faultRecords(spec.kind),
    uploadIndex: call.recordedUploadIndex,
  });
}

async function applyAfterFault(
  call: Call,
  res: ServerResponse,
  answer: Reply,
  spec: FaultSpec,
): Promise<void> {
  const { counters, closing } = call.sandbox;
  recordFault(call, spec);
  switch (spec.kind) {
    case 'reset-after-record':
      counters.reset(call.endpoint);
      resetConnection(res);
      return;
    case 'reset-mid-body':
      counters.reset(call.endpoint);
      resetMidBody(res, answer);
      return;
    case 'error-after-record': {
      const status = faultValue(spec);
      counters.status(call.endpoint, status);
      send(res, gatewayErrorPage(status));
      return;
    }
    default:
      await delay(faultValue(spec), undefined, { signal: closing }).catch(
        () => undefined,
      );
      counters.status(call.endpoint, answer.status);
      send(res, answer);
  }
}

/** Runs the faults that end a call early; true when one did. */
async function applyBeforeFaults(
  call: Call,
  res: ServerResponse,
): Promise<boolean> {
  const { faults, counters, closing } = call.sandbox;
  const before = faults.takeBefore(call.endpoint);
  const latencyMs = before.latency.reduce(
    (sum, spec) => sum + faultValue(spec),
    0,
  );
  before.latency.forEach((spec) => recordFault(call, spec));
  if (latencyMs > 0) {
    await delay(latencyMs, undefined, { signal: closing }).catch(
      () => undefined,
    );
  }
  if (before.terminal === null) return false;

  recordFault(call, before.terminal);
  const answer = beforeFaultReply(before.terminal);
  if (answer.status === 429) counters.injected429(call.endpoint);
  else counters.status(call.endpoint, answer.status);
  // Drain the body so that the client receives the response, not a broken pipe.
  await call.body(0);
  send(res, answer);
  return true;
}

async function runRoute(
  call: Call,
  route: Route,
  res: ServerResponse,
): Promise<void> {
  const { sandbox } = call;
  if (route.zone === 'api' && !sandbox.limiter.tryAcquire(call.now.getTime())) {
    sandbox.counters.rateLimited(call.endpoint);
    await call.body(0);
    send(res, TOO_MANY_REQUESTS());
    return;
  }
  if (await applyBeforeFaults(call, res)) return;

  const refusal = route.bearer ? await authenticate(call) : null;
  const answer = refusal ?? (await route.handle(call));
  const after = refusal ? null : sandbox.faults.takeAfter(call.endpoint);
  if (after) {
    await applyAfterFault(call, res, answer, after);
    return;
  }
  sandbox.counters.status(call.endpoint, answer.status);
  send(res, answer);
}

/** Handles one HTTPS request. */
export async function handleRequest(
  sandbox: Sandbox,
  adminKey: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const now = sandbox.clock.now();
  const url = new URL(
    req.url ?? '/',
    `https://${req.headers.host ?? '127.0.0.1'}`,
  );
  const { route, params } = resolveRoute(
    req.method ?? 'GET',
    url.pathname,
    adminKey,
  );
  const call = new Call(
    sandbox,
    req,
    url,
    now,
    route.endpoint as EndpointName,
    params,
  );
  try {
    settleUploads(sandbox, now);
    settleDeclarations(sandbox, now);
    await runRoute(call, route, res);
  } catch (error) {
    sandbox.logger.error('request failed', {
      endpoint: route.endpoint,
      error: error instanceof Error ? error.message : String(error),
    });
    sandbox.counters.status(route.endpoint, 500);
    send(
      res,
      jsonReply(
        {
          timestamp: now.toISOString(),
          status: 500,
          error: 'Internal Server Error',
          path: url.pathname,
        },
        500,
      ),
    );
  }
}
