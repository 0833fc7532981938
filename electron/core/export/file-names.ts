/**
 * File names built from what invoices contain. A name from an invoice is
 * data written by the sender, so it is reduced to a plain file name: no
 * folders, no control or reserved characters, no leading dots, not a
 * Windows device name, and at most 120 characters.
 */

const MAX_NAME_LENGTH = 120;

/** Characters Windows, macOS or Linux reject or treat specially in names. */
const RESERVED_CHARACTERS = '<>:"/\\|?*';

function isReserved(character: string): boolean {
  const code = character.charCodeAt(0);
  return (
    code < 0x20 || code === 0x7f || RESERVED_CHARACTERS.includes(character)
  );
}
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Returns a safe file name for `name`, or `fallback` when nothing usable is
 * left. The extension, when `extension` is given, replaces any other.
 */
export function sanitizeFileName(
  name: string | null,
  fallback: string,
  extension?: string,
): string {
  let base = (name ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/./gsu, (character) => (isReserved(character) ? '_' : character))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (extension !== undefined) base = base.replace(/\.[^.]*$/, '');
  if (base === '' || WINDOWS_DEVICE.test(base)) base = fallback;

  const suffix = extension === undefined ? '' : `.${extension}`;
  return `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
}
