/**
 * Saving in the browser shell: main answers with a URL it serves once, and
 * the page starts an ordinary browser download through an `<a download>`.
 */
export function startBrowserDownload(url: string, fileName?: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName ?? '';
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export interface SaveAnswer {
  savedTo: string | null;
  downloadUrl: string | null;
}

/**
 * Finishes a save: starts the download when main returned a URL, and
 * returns the path main wrote to when it saved the file itself (Electron).
 */
export function completeSave(answer: SaveAnswer, fileName?: string): string | null {
  if (answer.downloadUrl) startBrowserDownload(answer.downloadUrl, fileName);
  return answer.savedTo;
}
