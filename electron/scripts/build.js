#!/usr/bin/env node
// Builds the app into dist/: the main process, core, browser shell, CLI and
// sandbox with tsc (one file per source file, ESM), the sandboxed preload as
// one CommonJS bundle (a sandboxed preload cannot load other local files),
// and the React renderer with Vite.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function step(name, work) {
  const started = Date.now();
  process.stdout.write(`build: ${name}...\n`);
  return Promise.resolve(work()).then(() => {
    process.stdout.write(`build: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
}

async function main() {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  await step('main process (tsc)', () => {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  });
  await step('preload (vite)', () =>
    build({
      configFile: false,
      logLevel: 'warn',
      root,
      build: {
        outDir: path.join(root, 'dist', 'preload'),
        emptyOutDir: true,
        sourcemap: true,
        minify: false,
        target: 'chrome140',
        lib: {
          entry: path.join(root, 'electron', 'shell', 'preload.ts'),
          formats: ['cjs'],
          fileName: () => 'preload.cjs',
        },
        rollupOptions: { external: ['electron'] },
      },
    }),
  );
  await step('renderer (vite)', () =>
    build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' }),
  );
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
