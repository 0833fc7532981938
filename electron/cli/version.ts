import fs from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'efactura-desktop';

/**
 * Reads the app's version from its package.json, found by walking up from
 * this file: `electron/cli/` in a checkout, `dist/electron/cli/` in a build
 * or inside the packaged app's asar archive.
 */
export function appVersion(): string {
  let folder = import.meta.dirname;
  for (let depth = 0; depth < 5; depth += 1) {
    const file = path.join(folder, 'package.json');
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (parsed.name === PACKAGE_NAME && typeof parsed.version === 'string')
        return parsed.version;
    } catch {
      // No package.json at this level: look one level up.
    }
    folder = path.dirname(folder);
  }
  return '0.0.0';
}
