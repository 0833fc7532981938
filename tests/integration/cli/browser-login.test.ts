// `efactura login --via-browser`: the login path used for ANAF, run against
// the sandbox. The CLI opens the authorize URL through the `open` package,
// which runs xdg-open and so $BROWSER. A stand-in browser presents a
// sandbox certificate and follows the redirect to the CLI's local listener.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../shared/domain.ts';
import {
  cleanUp,
  json,
  repoRoot,
  runCli,
  startSandbox,
  tempDir,
  type CliRun,
  type StartedSandbox,
} from './harness.ts';

const FAKE_BROWSER = path.join(
  repoRoot,
  'tests/integration/cli/fake-browser.ts',
);

interface CertificateFiles {
  subject: string;
  pfxPath: string;
  passphrase: string;
}

let sandbox: StartedSandbox;
let browserLog: string;
let login: CliRun;

/** Returns a TCP port that was free a moment ago, for the callback URL. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Writes an executable that runs the stand-in browser, for $BROWSER. */
function writeBrowserCommand(folder: string): string {
  const command = path.join(folder, 'fake-browser');
  fs.writeFileSync(
    command,
    `#!/bin/sh\nexec "${process.execPath}" "${FAKE_BROWSER}" "$@"\n`,
    { mode: 0o755 },
  );
  return command;
}

beforeAll(async () => {
  const port = await freePort();
  sandbox = await startSandbox([
    '--seed-messages',
    '0',
    '--redirect-uri',
    `https://localhost:${port}/callback`,
  ]);
  const line = JSON.parse(fs.readFileSync(sandbox.configFile, 'utf8')) as {
    caCertPath: string;
    certificates: CertificateFiles[];
  };
  const certificate = line.certificates[1];
  if (!certificate) throw new Error('The sandbox has no second certificate');

  const folder = tempDir('browser');
  browserLog = path.join(folder, 'browser.log');
  login = await runCli(
    [
      '--json',
      'login',
      '--env',
      'sandbox',
      '--sandbox-config',
      sandbox.configFile,
      '--certificate',
      '1',
      '--via-browser',
    ],
    {
      dataDir: tempDir('browser-data'),
      env: {
        BROWSER: writeBrowserCommand(folder),
        // Without a desktop session, xdg-open goes straight to $BROWSER.
        DISPLAY: '',
        WAYLAND_DISPLAY: '',
        XDG_CURRENT_DESKTOP: '',
        FAKE_BROWSER_LOG: browserLog,
        FAKE_BROWSER_PFX: certificate.pfxPath,
        FAKE_BROWSER_PASSPHRASE: certificate.passphrase,
        FAKE_BROWSER_CA: line.caCertPath,
      },
    },
  );
}, 60_000);

afterAll(cleanUp);

describe('efactura login --via-browser', () => {
  it('logs in through the browser', () => {
    expect({ code: login.code, stderr: login.stderr }).toMatchObject({
      code: 0,
    });
    const account = json<AccountSummary>(login);
    expect(account.provider).toBe('sandbox');
    expect(account.status).toBe('ok');
  });

  it('shows the login complete page', () => {
    expect(fs.readFileSync(browserLog, 'utf8')).toContain(
      'callback: 200 complete',
    );
  });

  it('prints the address to open', () => {
    expect(login.stderr).toContain('If no browser opens, open this address:');
  });
});
