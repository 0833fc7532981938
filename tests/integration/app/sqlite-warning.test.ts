// The warning filter in a real Node process: node:sqlite loads after it,
// and a different warning is emitted to show that it still prints.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/harness.ts';

const FILTER = pathToFileURL(
  path.join(repoRoot, 'electron/core/app/sqlite-warning.ts'),
).href;

function stderrOf(script: string): string {
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return result.stderr;
}

describe('sqlite warning filter', () => {
  const stderr = stderrOf(
    `await import(${JSON.stringify(FILTER)});` +
      "await import('node:sqlite');" +
      "process.emitWarning('kept warning for the test');",
  );

  it('drops the SQLite warning', () => {
    expect(stderr).not.toContain('SQLite is an experimental feature');
  });

  it('keeps other warnings', () => {
    expect(stderr).toContain('kept warning for the test');
  });
});
