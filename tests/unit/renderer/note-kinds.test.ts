// Every kind of upload note, sync error and download failure that main
// sends must have a Romanian and an English sentence, and each sentence
// must name exactly the values its kind carries.
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import {
  DOWNLOAD_FAILURE_VALUES,
  SYNC_ERROR_VALUES,
  UPLOAD_NOTE_VALUES,
} from '../../../shared/domain.ts';

const LANGUAGES = { ro, en };

const TABLES = {
  uploadNotes: UPLOAD_NOTE_VALUES,
  syncErrors: SYNC_ERROR_VALUES,
  downloadFailures: DOWNLOAD_FAILURE_VALUES,
} as const;

/** Returns the names of a sentence's `{{value}}` placeholders. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w]+)[^}]*\}\}/g)].map(
    (match) => match[1] ?? '',
  );
}

const cases = Object.entries(LANGUAGES).flatMap(([language, strings]) =>
  Object.entries(TABLES).flatMap(([section, table]) =>
    Object.entries(table).map(([kind, names]) => ({
      language,
      key: `${section}.${kind}`,
      text: (strings[section as keyof typeof TABLES] as Record<string, string>)[
        kind
      ],
      names: [...(names as readonly string[])],
    })),
  ),
);

describe('note kinds', () => {
  it.each(cases)('$language has $key', ({ text }) => {
    expect(typeof text).toBe('string');
    expect(text?.trim()).not.toBe('');
  });

  it.each(cases)('$language $key names its values', ({ text, names }) => {
    expect([...new Set(placeholders(text ?? ''))].sort()).toEqual(
      [...names].sort(),
    );
  });

  it('has no sentence without a kind', () => {
    for (const strings of Object.values(LANGUAGES)) {
      for (const [section, table] of Object.entries(TABLES)) {
        const words = strings[section as keyof typeof TABLES];
        expect(Object.keys(words).sort()).toEqual(Object.keys(table).sort());
      }
    }
  });

  it('words each kind in Romanian', () => {
    const sameAsEnglish = cases.filter(
      (entry) =>
        entry.language === 'ro' &&
        cases.some(
          (other) =>
            other.language === 'en' &&
            other.key === entry.key &&
            other.text === entry.text,
        ),
    );
    expect(sameAsEnglish.map((entry) => entry.key)).toEqual([]);
  });
});
