// Builders for raw responses and readers for the typed failures they cause.
import { AppFailure } from '../../../shared/result.ts';
import {
  anafFailureDetails,
  type AnafFailureDetails,
} from '../../../electron/core/anaf/errors.ts';
import type { TransportResponse } from '../../../electron/core/anaf/transport.ts';

export function fakeResponse(
  body: string | Uint8Array,
  status = 200,
  headers: Record<string, string> = {},
): TransportResponse {
  const bytes =
    typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return { status, headers, body: bytes };
}

export interface CaughtFailure extends AnafFailureDetails {
  code: string;
  message: string;
}

function describe(error: unknown): CaughtFailure {
  if (!(error instanceof AppFailure)) {
    throw new Error(`Expected an AppFailure, got ${String(error)}`);
  }
  const details = anafFailureDetails(error);
  if (!details)
    throw new Error(`AppFailure without ANAF details: ${error.message}`);
  return { ...details, code: error.code, message: error.message };
}

/** Runs a function that must throw an ANAF failure and returns it. */
export function failureOf(run: () => unknown): CaughtFailure {
  try {
    run();
  } catch (error) {
    return describe(error);
  }
  throw new Error('Expected a failure, but the call returned');
}

/** Awaits a promise that must reject with an ANAF failure. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<CaughtFailure> {
  try {
    await promise;
  } catch (error) {
    return describe(error);
  }
  throw new Error('Expected a rejection, but the promise resolved');
}
