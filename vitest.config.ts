import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'threads',
    // Vitest leaves a core free by default, which on a 2-core CI machine means one worker and every file
    // in a row (the IPC fuzzer alone was 100 s of a 200 s run). The main thread only collects results.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
