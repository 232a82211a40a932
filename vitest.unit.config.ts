import { defineConfig } from 'vitest/config';

// Pure code: the validation core (src/lib) and scripts. Runs in Node.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
