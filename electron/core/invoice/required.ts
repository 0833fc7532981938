import { documentFailure } from './failure.ts';

/**
 * Returns a required header value, or throws an `input.invalid` failure that
 * names the missing business term and where it belongs in the XML.
 */
export function requireText(
  value: string | null,
  label: string,
  where: string,
): string {
  if (value !== null) return value;
  throw documentFailure(
    'missingValue',
    `The invoice has no ${label} (${where}). Add it in the program that produced the file and export the XML again.`,
    { field: label },
  );
}
