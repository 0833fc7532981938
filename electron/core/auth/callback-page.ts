/**
 * The page the local callback listener shows in the browser, in Romanian and
 * English. It contains no script and loads nothing.
 */

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;' +
  'padding:0 1em;line-height:1.5}h1{font-size:1.4em}';

export function loginCompletePage(): string {
  return page('Autentificare reușită / Login complete', [
    '<h1>Autentificare reușită</h1>',
    '<p>Puteți închide această filă și reveni în aplicație.</p>',
    '<h1 lang="en">Login complete</h1>',
    '<p lang="en">You can close this tab and return to the app.</p>',
  ]);
}

export function loginFailedPage(message: string): string {
  const text = escapeHtml(message);
  return page('Autentificare eșuată / Login failed', [
    '<h1>Autentificarea a eșuat</h1>',
    '<p>Reveniți în aplicație pentru detalii și încercați din nou.</p>',
    '<h1 lang="en">Login failed</h1>',
    `<p lang="en">${text}</p>`,
  ]);
}

function page(title: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="ro"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...body,
    '</body></html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
