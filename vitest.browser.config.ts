import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium (playwright-core) against a real `wrangler dev` started in globalSetup.
// Each file has its own demo workspace (global-setup.ts), so files run in parallel against one server.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['./test/browser/global-setup.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 3,
  },
});
