/**
 * The folded form of text that the archive searches: lower case, without
 * diacritics, with runs of white space as one space. Canonical
 * decomposition (NFD) splits ș (comma below) and ş (cedilla) alike into `s`
 * plus a combining mark, and the same holds for ț/ţ, ă, â and î, so
 * dropping the marks makes every spelling of a Romanian name match.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins the non-empty parts of a search column with single spaces. */
export function foldedColumn(parts: ReadonlyArray<string | null>): string {
  return foldSearchText(parts.filter((part) => part).join(' '));
}
