import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  download,
  finishProcessing,
  startTestSandbox,
  status,
  upload,
  type TestSandbox,
} from './harness.ts';
import { ublInvoice, unzip } from './invoices.ts';

const folders: string[] = [];
let running: TestSandbox[] = [];

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  folders.push(folder);
  return folder;
}

async function start(
  options: Parameters<typeof startTestSandbox>[0],
): Promise<TestSandbox> {
  const t = await startTestSandbox(options);
  running.push(t);
  return t;
}

afterEach(async () => {
  await Promise.all(running.map((t) => t.close()));
  running = [];
  for (const folder of folders.splice(0))
    rmSync(folder, { recursive: true, force: true });
});

describe('state folder', () => {
  it('survives a restart', async () => {
    const stateDir = newFolder();
    const first = await start({ stateDir, certificatesDir: undefined });
    const A = first.info.certificates[0]?.cifs[0] ?? '';
    const B = first.info.certificates[0]?.cifs[1] ?? '';
    const tokens = await first.login(0);
    const outcome = await upload(
      first,
      tokens.access_token,
      ublInvoice({ sellerCif: A, buyerCif: B }),
      { standard: 'UBL', cif: A },
    );
    await finishProcessing(first);
    const done = await status(first, tokens.access_token, outcome.index ?? '');
    const firstZip = await download(
      first,
      tokens.access_token,
      done.downloadId ?? '',
    );
    const ca = readFileSync(first.info.caCertPath, 'utf8');
    await first.close();
    running = [];

    const second = await start({ stateDir, certificatesDir: undefined });
    expect(readFileSync(second.info.caCertPath, 'utf8')).toBe(ca);
    expect(second.info.clientId).toBe(first.info.clientId);
    expect(second.info.clientSecret).toBe(first.info.clientSecret);
    expect(second.info.certificates[0]?.passphrase).toBe(
      first.info.certificates[0]?.passphrase,
    );

    const hello = await second.call('GET', '/TestOauth/jaxrs/hello?name=x', {
      token: tokens.access_token,
    });
    expect(hello.status).toBe(200);
    const again = await status(
      second,
      tokens.access_token,
      outcome.index ?? '',
    );
    expect(again.stare).toBe('ok');
    const secondZip = await download(
      second,
      tokens.access_token,
      done.downloadId ?? '',
    );
    expect(secondZip.body.equals(firstZip.body)).toBe(true);
  });

  it('keeps nothing without a folder', async () => {
    const first = await start({});
    const second = await start({});
    expect(second.info.clientId).not.toBe(first.info.clientId);
  });
});

describe('seeding', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');

  async function seededIds(seed: string): Promise<string[]> {
    const t = await start({ seedMessages: 40, seed, now: () => new Date(now) });
    const A = t.info.certificates[0]?.cifs[0] ?? '';
    const { access_token: token } = await t.login(0);
    const query = `startTime=${now - 59 * 86_400_000}&endTime=${now - 1000}&cif=${A}&pagina=1`;
    const list = await t.call(
      'GET',
      `/prod/FCTEL/rest/listaMesajePaginatieFactura?${query}`,
      { token },
    );
    const items = list.json<{
      mesaje: {
        id: string;
        id_solicitare: string;
        data_creare: string;
        tip: string;
      }[];
    }>().mesaje;
    const zip = await unzip(
      (await download(t, token, items[0]?.id ?? '')).body,
    );
    const documents = [...zip.entries()]
      .filter(([name]) => !name.startsWith('semnatura_'))
      .map(
        ([name, bytes]) =>
          `${name}:${createHash('sha256').update(bytes).digest('hex')}`,
      );
    return [
      ...items.map(
        (item) => `${item.id_solicitare}/${item.data_creare}/${item.tip}`,
      ),
      ...documents,
    ];
  }

  it('is deterministic for a seed', async () => {
    const first = await seededIds('same');
    const second = await seededIds('same');
    expect(first.length).toBeGreaterThan(1);
    expect(second).toEqual(first);
  });

  it('differs between seeds', async () => {
    expect(await seededIds('one')).not.toEqual(await seededIds('two'));
  });

  it('spreads invoices over the last 60 days', async () => {
    const t = await start({
      seedMessages: 60,
      seed: 'spread',
      now: () => new Date(now),
    });
    const A = t.info.certificates[0]?.cifs[0] ?? '';
    const { access_token: token } = await t.login(0);
    const query = `startTime=${now - 60 * 86_400_000 + 1000}&endTime=${now}&cif=${A}&pagina=1`;
    const items = (
      await t.call(
        'GET',
        `/prod/FCTEL/rest/listaMesajePaginatieFactura?${query}`,
        { token },
      )
    ).json<{ mesaje: { data_creare: string; tip: string }[] }>().mesaje;
    const days = new Set(items.map((item) => item.data_creare.slice(0, 8)));
    expect(days.size).toBeGreaterThan(3);
    expect(new Set(items.map((item) => item.tip))).toEqual(
      new Set(['FACTURA TRIMISA', 'FACTURA PRIMITA']),
    );
  });
});
