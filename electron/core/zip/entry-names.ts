/**
 * Checks on ZIP entry names. This module never turns an entry name into a
 * file path. It flags names that would be dangerous as paths (zip slip), so
 * that a reader can reject archives that contain them.
 */

/**
 * Says why an entry name is not a plain file name, or returns `null` for a
 * plain one such as `5001234567.xml`.
 */
export function entryNameProblem(name: string): string | null {
  if (name === '') return 'the name is empty';
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001F\u007F]/.test(name)) {
    return 'the name contains control characters';
  }
  if (name.startsWith('/') || name.startsWith('\\')) {
    return 'the name is an absolute path';
  }
  if (/^[A-Za-z]:/.test(name)) return 'the name starts with a drive letter';
  if (name.split(/[/\\]/).includes('..')) {
    return "the name leads out of the folder with '..'";
  }
  if (/[/\\]/.test(name)) return 'the name contains a folder separator';
  if (name === '.') return "the name is '.'";
  return null;
}

/** Quotes an entry name for a message, shortened and with controls escaped. */
export function quoteEntryName(name: string): string {
  const shortened = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return JSON.stringify(shortened);
}
