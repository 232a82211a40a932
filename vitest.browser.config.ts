import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium (playwright-core) against a real `wrangler dev` started in globalSetup.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['./test/browser/global-setup.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
