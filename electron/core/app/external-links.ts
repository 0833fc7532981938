/**
 * The one way the app opens a link outside itself. Only `https:` URLs pass;
 * anything else (file:, javascript:, custom schemes, http:) is refused and
 * logged, because a URL from a document or an ANAF answer is untrusted text.
 */
import { AppFailure } from '../../../shared/result.ts';
import type { Logger } from '../log/logger.ts';

export type ExternalOpener = (url: string) => Promise<void>;

export function parseExternalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  return url;
}

export function createExternalLinkOpener(open: ExternalOpener, logger: Logger) {
  const log = logger.child('links');
  return async (raw: string): Promise<void> => {
    const url = parseExternalUrl(raw);
    if (!url) {
      log.warn('Refused to open a link that is not https', { url: raw.slice(0, 200) });
      throw new AppFailure('input.invalid', 'Only https:// links can be opened outside the app.');
    }
    log.info('Opening an external link', { origin: url.origin });
    await open(url.toString());
  };
}
