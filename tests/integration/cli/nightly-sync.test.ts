// Runs the nightly example script, which uses efactura commands only, on a
// fresh data folder and checks that it leaves a synced archive behind.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUp,
  CLI_MAIN,
  json,
  repoRoot,
  runCli,
  runProcess,
  tempDir,
  type CliRun,
} from './harness.ts';

const SCRIPT = path.join(
  repoRoot,
  'tests/integration/cli/nightly-sync-example.sh',
);

let dataDir: string;
let script: CliRun;

/** Lists the files under `folder` whose names end with `.zip`. */
function zipFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.zip'));
}

beforeAll(async () => {
  dataDir = path.join(tempDir('nightly'), 'data');
  script = await runProcess('sh', [SCRIPT, dataDir], {
    env: { EFACTURA: `${process.execPath} ${CLI_MAIN}` },
  });
}, 120_000);

afterAll(cleanUp);

describe('nightly sync example', () => {
  it('passes sh -n', () => {
    expect(spawnSync('sh', ['-n', SCRIPT]).status).toBe(0);
  });

  it('ends with exit code 0', () => {
    expect({ code: script.code, stderr: script.stderr }).toMatchObject({
      code: 0,
    });
  });

  it('archives the synced messages', async () => {
    const rows = json<Array<{ state: string }>>(
      await runCli(['--json', 'list'], { dataDir }),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.state === 'downloaded')).toHaveLength(
      zipFiles(path.join(dataDir, 'archive')).length,
    );
  });
});
