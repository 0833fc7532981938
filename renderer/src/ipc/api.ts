/**
 * The renderer's single way to main: the preload's `window.efactura` in
 * Electron, or the WebSocket transport in the browser shell.
 */
import type { EfacturaApi } from '../../../shared/ipc/api.ts';
import type { Result } from '../../../shared/result.ts';
import { connectBrowserTransport, readKeyFromLocation } from './browser-transport.ts';

declare global {
  interface Window {
    efactura?: EfacturaApi;
  }
}

let api: EfacturaApi | null = null;

/**
 * Returns the preload's API when there is one (Electron, and tests that set
 * `window.efactura`), else the browser shell's WebSocket transport, opened
 * once per page.
 */
export function getApi(): EfacturaApi {
  if (window.efactura) return window.efactura;
  if (api) return api;
  const key = readKeyFromLocation(location.hash);
  if (!key) {
    throw new ApiError('ipc.forbidden', 'This page needs the address printed by the app, including its #key=... part.', {
      reason: 'missingKey',
    });
  }
  api = connectBrowserTransport(key);
  return api;
}

/** An error carrying the contract's error code, thrown by `unwrap` for the query layer. */
export class ApiError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.details);
}
