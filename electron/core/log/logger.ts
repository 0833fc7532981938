/**
 * The logger every core service receives at start-up. Each shell backs it
 * with electron-log (the main-process entry in Electron, the Node entry in the
 * browser shell and the CLI); tests back it with an in-memory sink. Every line
 * passes through `redactText`/`redactFields` before it reaches a sink.
 */
import { redactFields, redactText } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Returns a logger whose lines start with `[tag]`, for one component. */
  child(tag: string): Logger;
}

/** Where redacted lines end up: electron-log, a test array, the console. */
export type LogSink = (level: LogLevel, line: string) => void;

export function createLogger(sink: LogSink, tag = 'app'): Logger {
  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    let line = `[${tag}] ${redactText(message)}`;
    if (fields && Object.keys(fields).length > 0) {
      line += ` ${JSON.stringify(redactFields(fields))}`;
    }
    sink(level, line);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (childTag) => createLogger(sink, `${tag}:${childTag}`),
  };
}

/** A logger that keeps its lines in memory, for tests and for start-up. */
export function createMemoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger((level, line) => lines.push(`${level} ${line}`));
  return { logger, lines };
}

/** Formats an unknown thrown value for a log field without its stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} ${code}: ${error.message}` : `${error.name}: ${error.message}`;
  }
  return String(error);
}
