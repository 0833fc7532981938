import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built renderer in Debian's Chromium through the
// browser shell. Playwright's own browser download is never used.
export default defineConfig({
  outputDir: 'tests/output/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['html', { outputFolder: 'tests/output/e2e-report', open: 'never' }]],
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
