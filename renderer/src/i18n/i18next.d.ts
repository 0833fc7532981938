// Types `t()` keys against the Romanian strings, so a missing or misspelt
// key fails the type check instead of showing the raw key on screen.
import 'i18next';
import type { Strings } from './ro.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Strings };
  }
}
