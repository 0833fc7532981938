/**
 * AG Grid setup shared by every grid: the community modules the app uses,
 * registered once, and themes drawn from Mantine's CSS variables so the grid
 * follows the light and dark schemes. No expression module is registered:
 * it compiles string expressions with `new Function`, which the CSP forbids.
 */
import { AG_GRID_LOCALE_EN, AG_GRID_LOCALE_RO } from '@ag-grid-community/locale';
import {
  CellStyleModule,
  colorSchemeDark,
  colorSchemeLight,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowSelectionModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
} from 'ag-grid-community';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  RowSelectionModule,
  CellStyleModule,
  TooltipModule,
  LocaleModule,
  // Names a missing module in the console during development only.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

const sharedParams = {
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  spacing: 5,
  rowHeight: 30,
  headerHeight: 34,
  wrapperBorderRadius: 4,
  backgroundColor: 'var(--mantine-color-body)',
  foregroundColor: 'var(--mantine-color-text)',
  borderColor: 'var(--mantine-color-default-border)',
  accentColor: 'var(--mantine-primary-color-filled)',
};

export const gridThemes = {
  light: themeQuartz.withPart(colorSchemeLight).withParams(sharedParams),
  dark: themeQuartz.withPart(colorSchemeDark).withParams(sharedParams),
};

export function gridLocale(language: string): Record<string, string> {
  return language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_RO;
}
