/**
 * The CIF check before a CIF goes into a URL. Normalisation and the check
 * digit live in `shared/cif.ts`, which the renderer uses too; this turns its
 * refusal into the client's typed `input.invalid` failure.
 */
import { validateCif } from '../../../shared/cif.ts';
import { invalidInput } from './errors.ts';

/**
 * Returns the CIF's digits (without `RO` and spaces) when its check digit is
 * right, or throws `input.invalid` naming the value, before any request.
 */
export function requireValidCif(input: string, field = 'cif'): string {
  const result = validateCif(input);
  if (!result.ok) throw invalidInput(result.error.message, field);
  return result.value;
}
