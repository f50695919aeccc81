import { defineConfig } from 'vitest/config';

// Browser tests: the real server and web app driven through Debian's Chromium
// (see tests/browser/). One file at a time: a Chromium per file is enough for 2 cores.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
