/** Locators in the invoice list, an AG Grid whose cells carry their column id in `col-id`. */
import type { Locator, Page } from '@playwright/test';
import type { Strings } from './strings.ts';

/** Returns the grid's data rows (those with cells, so not the header row), in display order. */
export function gridRows(page: Page, strings: Strings): Locator {
  return page
    .getByRole('region', { name: strings.invoices.grid })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });
}

/** Returns one cell of a row, by the column id the grid's column definitions give it. */
export function gridCell(row: Locator, columnId: string): Locator {
  return row.locator(`[col-id="${columnId}"]`);
}
