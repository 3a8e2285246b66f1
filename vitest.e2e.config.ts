import { defineConfig } from 'vitest/config';

// Browser e2e: real renderer + real preload + real router over the simulated Windows, in Debian
// Chromium. One file at a time: each launches a browser, and CI machines have two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts', 'e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
