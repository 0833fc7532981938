/** The first-run screen's list of sandbox certificates, each a card with a one-click login. */
import type { Locator, Page } from '@playwright/test';
import { pattern, type Strings } from './strings.ts';

export interface FirstRunCertificate {
  /** The card's login button. */
  login: Locator;
  /** The person the certificate names (its subject's CN). */
  commonName: string;
  /** Upper-case hex, as the card shows it. */
  serial: string;
  /** The CIFs the certificate has SPV rights on. */
  cifs: string[];
}

/** Reads the first certificate card that lists rights on at least `minimumCifs` CIFs. */
export async function firstRunCertificate(
  page: Page,
  strings: Strings,
  minimumCifs: number,
): Promise<FirstRunCertificate> {
  const rights = pattern(strings.firstRun.certificateCifs, {
    cifs: `\\d+(?:, \\d+){${minimumCifs - 1},}`,
  });
  const card = page
    .locator('.mantine-Card-root')
    .filter({ hasText: rights })
    .first();
  const rightsText = (await card.getByText(rights).textContent()) ?? '';
  const serialText =
    (await card
      .getByText(pattern(strings.firstRun.certificateSerial))
      .textContent()) ?? '';
  const login = card.getByRole('button', {
    name: pattern(strings.firstRun.loginWith),
  });
  const label = (await login.getAttribute('aria-label')) ?? '';

  const cifs = rightsText.match(rights)?.[0].match(/\d+/g) ?? [];
  const serial = pattern(strings.firstRun.certificateSerial, {
    serial: '([0-9A-F]+)',
  }).exec(serialText)?.[1];
  const commonName = /CN=([^,]+)/.exec(label)?.[1];
  if (!serial)
    throw new Error(`The certificate card shows no serial: "${serialText}".`);
  if (!commonName)
    throw new Error(
      `The login button names no certificate subject: "${label}".`,
    );
  return { login, commonName, serial, cifs };
}
