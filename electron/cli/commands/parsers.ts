/**
 * Option and argument parsers. Commander reports their InvalidArgumentError
 * as a usage error (exit code 2) with the option's name and the value.
 */
import { InvalidArgumentError } from 'commander';
import { MAX_RATE_LIMIT } from '../../../shared/settings.ts';

export function nonNegativeInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
    throw new InvalidArgumentError(
      `"${value}" is not a whole number of 0 or more.`,
    );
  }
  return parsed;
}

export function positiveInteger(value: string): number {
  const parsed = nonNegativeInteger(value);
  if (parsed === 0) throw new InvalidArgumentError('It must be 1 or more.');
  return parsed;
}

export function rateLimit(value: string): number {
  const parsed = positiveInteger(value);
  if (parsed > MAX_RATE_LIMIT) {
    throw new InvalidArgumentError(
      `${parsed} is above the maximum of ${MAX_RATE_LIMIT} calls per minute.`,
    );
  }
  return parsed;
}

/** Checks a calendar date written YYYY-MM-DD and returns it. */
export function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !match ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidArgumentError(
      `"${value}" is not a date written YYYY-MM-DD.`,
    );
  }
  return value;
}

/** ANAF's upload indexes and message ids are decimal numbers. */
export function isDecimalId(value: string): boolean {
  return /^\d{1,20}$/.test(value);
}
