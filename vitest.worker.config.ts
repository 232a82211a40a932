import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { configDefaults, defineConfig } from 'vitest/config';

// Worker tests: the real Worker in workerd with local D1, R2, Queues and Durable Objects.
// `*.volume.test.ts` files (one full-size case per path) run only with VOLUME=1 (npm run test:volume).
const volume = !!process.env.VOLUME;
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'drizzle'));
  // Every leads shard (LEADS_0, LEADS_1 from wrangler.toml) gets the leads migrations in setup.
  const leadsMigrations = await readD1Migrations(path.join(import.meta.dirname, 'drizzle-leads'));
  return {
    plugins: [
      cloudflareTest({
        main: './workers/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, TEST_LEADS_MIGRATIONS: leadsMigrations, IMPORT_RATE_LIMIT_PER_MINUTE: '1000', LINK_SIGNING_KEY: 'test_link_signing_key_0123456789abcdef0123', ADMIN_TOKEN: 'adm_test_secret',
            // One isolate runs the tests: a move need not wait 5 s for other isolates' placement caches.
            PLACEMENT_CACHE_MS: '100' },
        },
      }),
    ],
    test: {
      include: volume ? ['test/worker/**/*.volume.test.ts'] : ['test/worker/**/*.test.ts'],
      exclude: volume ? configDefaults.exclude : [...configDefaults.exclude, '**/*.volume.test.ts'],
      setupFiles: ['./test/worker/setup.ts'],
      // Files wait far more than they compute (queue deliveries, retries, polling): more of them at
      // once than the machine has cores keeps the cores busy.
      maxWorkers: 4,
      globalSetup: ['./test/worker/corpus-global-setup.ts'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  };
});
