/**
 * The handler table behind both transports. `dispatch` is the single entry:
 * it checks that the channel exists, parses the input with the channel's
 * schema, calls the handler and turns the outcome into a result value.
 * Expected failures (AppFailure) keep their code; anything else is a bug,
 * logged here and reported as `internal`.
 */
import {
  channels,
  type ChannelName,
  type ChannelOutput,
  type ChannelResult,
  type ParsedInput,
} from '../../../shared/ipc/contract.ts';
import { AppFailure, fail, ok, type Result } from '../../../shared/result.ts';
import { describeError, type Logger } from '../log/logger.ts';

export interface CallContext {
  shell: 'electron' | 'browser' | 'cli';
  /** The window or connection that sent the call, for logs. */
  sender: string;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  context: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type HandlerTable = { [C in ChannelName]: Handler<C> };

export type Dispatch = (
  channel: unknown,
  input: unknown,
  context: CallContext,
) => Promise<Result<unknown>>;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

/** Lists schema problems as "path: message" so the renderer can show them. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export function createDispatcher(table: HandlerTable, logger: Logger): Dispatch {
  const log = logger.child('ipc');

  return async (channel, input, context) => {
    if (!isChannelName(channel)) {
      log.warn('Rejected a call on an unknown channel', { channel: String(channel).slice(0, 80), sender: context.sender });
      return fail('input.invalid', `Unknown channel "${String(channel).slice(0, 80)}".`);
    }
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues);
      log.warn('Rejected invalid input', { channel, sender: context.sender, problems });
      return fail('input.invalid', `Invalid input for ${channel}: ${problems}.`);
    }
    return runHandler(channel, parsed.data, context, table, log);
  };
}

async function runHandler<C extends ChannelName>(
  channel: C,
  input: ParsedInput<C>,
  context: CallContext,
  table: HandlerTable,
  log: Logger,
): Promise<ChannelResult<C>> {
  const handler = table[channel] as Handler<C>;
  try {
    return ok(await handler(input, context));
  } catch (error) {
    if (error instanceof AppFailure) {
      log.info('Call ended with an expected failure', { channel, code: error.code });
      return { ok: false, error: error.toAppError() };
    }
    log.error('Handler failed unexpectedly', { channel, error: describeError(error) });
    return fail('internal', `Unexpected error in ${channel}; the log has the details.`);
  }
}
