/**
 * Locators on the upload screen: the review of files before sending and
 * the history of uploads, where each file's state and ANAF's errors show.
 */
import type { Locator, Page } from '@playwright/test';
import type { Strings } from './strings.ts';

/** Returns the review table's row of a file, found by its exact name. */
export function reviewRow(
  page: Page,
  strings: Strings,
  fileName: string,
): Locator {
  return page
    .getByRole('table', { name: strings.upload.review })
    .locator('tr[data-verdict]')
    .filter({ has: page.getByText(fileName, { exact: true }) });
}

/**
 * Returns the history row of a file uploaded for one company. The row's second
 * line names the company, so uploads of the same file name for two
 * companies stay apart.
 */
export function historyRow(
  page: Page,
  strings: Strings,
  fileName: string,
  companyName: string,
): Locator {
  return page
    .getByRole('table', { name: strings.upload.history })
    .locator('tr[data-state]')
    .filter({ has: page.getByText(fileName, { exact: true }) })
    .filter({ hasText: companyName });
}

/** Returns the row under a history row that lists ANAF's errors in plain words. */
export function errorDetails(row: Locator): Locator {
  return row.locator('xpath=following-sibling::tr[1][@data-details-of]');
}
