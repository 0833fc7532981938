// Stands in for the system browser in the browser-login test. The CLI's
// `open` call runs xdg-open, which runs $BROWSER with the authorize URL.
// This opens that URL with a sandbox certificate, as a person's browser
// would, then follows the redirect to the CLI's callback listener. Each
// step is appended to $FAKE_BROWSER_LOG, so the test can show what failed.
import fs from 'node:fs';
import { Agent, request } from 'undici';

const log = (line: string): void =>
  fs.appendFileSync(process.env.FAKE_BROWSER_LOG ?? '/dev/null', `${line}\n`);

async function browse(authorizeUrl: string): Promise<void> {
  const identityProvider = new Agent({
    connect: {
      pfx: fs.readFileSync(process.env.FAKE_BROWSER_PFX ?? ''),
      passphrase: process.env.FAKE_BROWSER_PASSPHRASE ?? '',
      ca: fs.readFileSync(process.env.FAKE_BROWSER_CA ?? ''),
    },
  });
  const authorize = await request(authorizeUrl, {
    dispatcher: identityProvider,
  });
  await authorize.body.dump();
  const location = authorize.headers.location;
  log(`authorize: ${authorize.statusCode}`);
  if (typeof location !== 'string')
    throw new Error('The identity provider did not redirect');

  // The callback listener's certificate is generated locally, so a real
  // browser warns about it once; this one accepts it.
  const listener = new Agent({ connect: { rejectUnauthorized: false } });
  const callback = await request(location, { dispatcher: listener });
  const page = await callback.body.text();
  log(
    `callback: ${callback.statusCode} ${page.includes('complete') ? 'complete' : 'other page'}`,
  );
  await identityProvider.close();
  await listener.close();
}

browse(process.argv[2] ?? '').catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
