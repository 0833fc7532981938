#!/usr/bin/env node
// The package's `efactura` command (`npx efactura` in a checkout). Plain
// JavaScript, so that it can report which Node version is needed before any
// TypeScript loads. It runs the build in dist/ when one exists, and else the
// sources, which Node runs by stripping their types (Node 22.18 and newer).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
const built = path.join(root, 'dist', 'electron', 'cli', 'main.js');
const source = path.join(root, 'electron', 'cli', 'main.ts');

/** The lowest Node version package.json's `engines` field allows, as numbers. */
function requiredNode() {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(manifest.engines?.node ?? '');
  return match ? match.slice(1).map(Number) : [22, 18, 0];
}

function isOlder(version, minimum) {
  for (let index = 0; index < minimum.length; index += 1) {
    if (version[index] !== minimum[index])
      return version[index] < minimum[index];
  }
  return false;
}

const minimum = requiredNode();
const current = process.versions.node.split('.').map(Number);
if (isOlder(current, minimum)) {
  process.stderr.write(
    `efactura: error: Node.js ${minimum.join('.')} or newer is required, and this is ${process.versions.node}. ` +
      'Install a current Node.js 22 or 24 (https://nodejs.org), or use the efactura launcher of the installed desktop app.\n',
  );
  process.exit(1);
}

const useBuild = fs.existsSync(built);
if (!useBuild && !process.features.typescript) {
  process.stderr.write(
    `efactura: error: ${built} is missing and this Node.js cannot run TypeScript sources. ` +
      'Run `npm run build` first, or use Node.js 22.18 or newer.\n',
  );
  process.exit(1);
}

await import(pathToFileURL(useBuild ? built : source).href);
