import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global_setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Room and browser tests bind ports; one worker per core keeps a 2-core CI machine responsive.
    maxWorkers: 2,
  },
});
