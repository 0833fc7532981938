import { defineConfig } from 'vitest/config';

// Unit and integration tests run on Node against the sources. The Electron
// binary cannot be downloaded on the build machines, so `electron` is only
// ever a mock here (tests that need it call vi.mock and say so in their name).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    server: { deps: { inline: ['electron-store'] } },
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
  },
});
