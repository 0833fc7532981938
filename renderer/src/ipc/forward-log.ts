/**
 * Forwards the renderer's own problems (uncaught errors, rejected promises)
 * to main's log through the contract, because the renderer writes no files.
 * At most a few lines a minute, so a loop of errors cannot flood the log.
 */
import { getApi } from './api.ts';

const MAX_LINES_PER_MINUTE = 20;

let sentThisMinute = 0;
let minuteStarted = Date.now();

export function logToMain(level: 'info' | 'warn' | 'error', message: string): void {
  const now = Date.now();
  if (now - minuteStarted > 60_000) {
    minuteStarted = now;
    sentThisMinute = 0;
  }
  if (sentThisMinute >= MAX_LINES_PER_MINUTE) return;
  sentThisMinute += 1;
  void getApi()
    .logWrite({ level, message: message.slice(0, 4000) })
    .catch(() => undefined);
}

export function forwardRendererErrors(): void {
  window.addEventListener('error', (event) => {
    logToMain('error', `Uncaught error: ${event.message} at ${event.filename}:${event.lineno}`);
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    logToMain('error', `Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
}
