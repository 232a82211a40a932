import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Worker tests: the real Worker in workerd with local D1, R2, Queues and Durable Objects.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'drizzle'));
  return {
    plugins: [
      cloudflareTest({
        main: './workers/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, IMPORT_RATE_LIMIT_PER_MINUTE: '1000', LINK_SIGNING_KEY: 'test_link_signing_key_0123456789abcdef0123' },
        },
      }),
    ],
    test: {
      include: ['test/worker/**/*.test.ts'],
      setupFiles: ['./test/worker/setup.ts'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  };
});
