import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { configDefaults, defineConfig } from 'vitest/config';
import { OWN_STORAGE } from './test/worker/own-storage.ts';

/** The workbook reader Worker, bundled as `wrangler deploy` bundles it (an auxiliary Worker must be one JS file). */
function buildWorkbookReader(): string {
  const outdir = path.join(import.meta.dirname, '.wrangler', 'test-workbook-reader');
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir, '-c', 'workers/workbook-reader/wrangler.toml'], {
    cwd: import.meta.dirname,
    stdio: 'ignore',
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  });
  return path.join(outdir, 'index.js');
}

// Worker tests: the real Worker in workerd with local D1, R2, Queues and Durable Objects, and the
// workbook reader Worker it reaches through its WORKBOOK_READER service binding.
// `*.volume.test.ts` files (one full-size case per path) run only with VOLUME=1 (npm run test:volume).
const volume = !!process.env.VOLUME;
// Files in OWN_STORAGE (retention, the cron trigger, sign-in limits) get a fresh workerd each; the
// rest share their worker's storage and module cache from file to file (isolate: false): starting a
// workerd per file cost ~2 s of a core each.
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
          // Readers that hang, crash or pollute their own isolate, for the containment tests (test/worker/workbook-reader.test.ts).
          serviceBindings: {
            HANGING_READER: { name: 'broken-readers', entrypoint: 'HangingReader' },
            CRASHING_READER: { name: 'broken-readers', entrypoint: 'CrashingReader' },
            POLLUTING_READER: { name: 'broken-readers', entrypoint: 'PollutingReader' },
          },
          workers: [
            { name: 'lead-import-workbook-reader', modules: true, scriptPath: buildWorkbookReader(), compatibilityDate: '2026-08-01' },
            { name: 'broken-readers', modules: true, scriptPath: './test/worker/fixtures/broken-readers.js', compatibilityDate: '2026-08-01' },
          ],
          bindings: { APP_URL: 'http://127.0.0.1:8787', TEST_MIGRATIONS: migrations, TEST_LEADS_MIGRATIONS: leadsMigrations, IMPORT_RATE_LIMIT_PER_MINUTE: '1000', LINK_SIGNING_KEY: 'test_link_signing_key_0123456789abcdef0123', ADMIN_TOKEN: 'adm_test_secret_0123456789abcdef0123456789', WEBHOOK_ALLOW_PRIVATE: 'true',
            // One isolate runs the tests: a move need not wait 5 s for other isolates' placement caches.
            PLACEMENT_CACHE_MS: '100' },
        },
      }),
    ],
    test: {
      projects: volume
        ? [{ extends: true, test: { name: 'volume', include: ['test/worker/**/*.volume.test.ts'] } }]
        : [
            { extends: true, test: { name: 'shared', include: ['test/worker/**/*.test.ts'], exclude: [...configDefaults.exclude, '**/*.volume.test.ts', ...OWN_STORAGE], isolate: false } },
            { extends: true, test: { name: 'own-storage', include: OWN_STORAGE } },
          ],
      setupFiles: ['./test/worker/setup.ts'],
      // Files wait far more than they compute (queue deliveries, retries, polling): more of them at
      // once than the machine has cores keeps the cores busy.
      maxWorkers: 4,
      // The encoding corpus; a webhook receiver on 127.0.0.1 (Node) that the Worker's deliveries reach.
      globalSetup: ['./test/worker/corpus-global-setup.ts', './test/worker/webhook-receiver.ts'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  };
});
