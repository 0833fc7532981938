/**
 * The renderer's own interface strings, so the specs find controls by the
 * labels users see in either language without copying them.
 */
import { en } from '../../../renderer/src/i18n/en.ts';
import { ro, type Strings } from '../../../renderer/src/i18n/ro.ts';

export type { Strings };
export { en, ro };

/**
 * Fills an i18next template's `{{name}}` and `{{name, format}}` slots. The
 * values are used as given, so pass numbers that need no locale grouping.
 */
export function fill(
  template: string,
  values: Record<string, string | number>,
): string {
  return template.replace(
    /\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g,
    (slot, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new Error(`No value for ${slot} in "${template}".`);
      return String(value);
    },
  );
}

/**
 * Returns a regular expression that matches a template. Each slot matches
 * the pattern source given for its name in `slots`, else any text.
 */
export function pattern(
  template: string,
  slots: Record<string, string> = {},
): RegExp {
  const source = template
    .split(/(\{\{[^}]*\}\})/)
    .map((part) => {
      const slot = /^\{\{\s*(\w+)/.exec(part)?.[1];
      if (slot !== undefined) return slots[slot] ?? '.*?';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(source);
}
