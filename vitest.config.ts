import { defineConfig } from 'vitest/config';

// One runner for the whole workspace. Server tests share one PGlite per file and are
// slower to boot, so files run in parallel but with a generous hook timeout.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['packages/web/test/global-setup.ts'],
  },
});
