/**
 * Puts files into the renderer the two ways a user does: a drag and drop of
 * real `File` objects onto the window, and the file picker.
 */
import type { Download, Page } from '@playwright/test';
import fs from 'node:fs';
import type { InvoiceFile } from './invoice-files.ts';

/**
 * Drops the files on the page as the browser does: `dragenter` on the
 * document shows the window-wide drop target, then `dragover` and `drop` on
 * it carry a `DataTransfer` that contains the files. The target is named by the
 * drop overlay's heading, `dropTitle`.
 */
export async function dropFiles(
  page: Page,
  files: readonly InvoiceFile[],
  dropTitle: string,
): Promise<void> {
  const payload = files.map((file) => ({
    name: file.name,
    base64: file.bytes.toString('base64'),
  }));
  const transfer = await page.evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (char) =>
        char.charCodeAt(0),
      );
      data.items.add(new File([bytes], item.name, { type: 'text/xml' }));
    }
    return data;
  }, payload);
  await page
    .locator('body')
    .dispatchEvent('dragenter', { dataTransfer: transfer });
  const target = page.getByRole('heading', { name: dropTitle });
  await target.waitFor();
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await transfer.dispose();
}

/** Chooses the files in the file picker that the button `buttonName` opens. */
export async function chooseFiles(
  page: Page,
  buttonName: string,
  files: readonly InvoiceFile[],
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (
    await chooser
  ).setFiles(
    files.map((file) => ({
      name: file.name,
      mimeType: 'text/xml',
      buffer: file.bytes,
    })),
  );
}

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

/** Runs `start` and returns the browser download it causes, read from disk. */
export async function downloadFrom(
  page: Page,
  start: () => Promise<void>,
): Promise<DownloadedFile> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    start(),
  ]);
  return {
    name: download.suggestedFilename(),
    bytes: await readDownload(download),
  };
}

async function readDownload(download: Download): Promise<Buffer> {
  const failure = await download.failure();
  if (failure)
    throw new Error(`The download of ${download.url()} failed: ${failure}`);
  return fs.readFileSync(await download.path());
}
