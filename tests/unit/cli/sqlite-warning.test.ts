// The command line runs as a real child process with `companies list`, which
// opens the archive with node:sqlite, so Node 22 would print its
// ExperimentalWarning unless the CLI installs the shared filter first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const CLI_MAIN = path.join(repoRoot, 'electron/cli/main.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'efactura-warning-'));

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cli sqlite warning', () => {
  const run = spawnSync(
    process.execPath,
    [CLI_MAIN, '--data-dir', dataDir, 'companies', 'list'],
    { cwd: repoRoot, encoding: 'utf8' },
  );

  it('exits with 0', () => {
    expect(run.status).toBe(0);
  });

  it('prints no SQLite warning', () => {
    expect(run.stderr).not.toContain('SQLite is an experimental feature');
  });

  it('prints no ExperimentalWarning', () => {
    expect(run.stderr).not.toContain('ExperimentalWarning');
  });
});
