import { defineConfig } from 'vitest/config';

// Pure code: the validation core (src/lib), the Worker's pure modules (workers/**/*.test.ts) and scripts. Runs in Node.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
