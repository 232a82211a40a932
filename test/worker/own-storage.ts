/**
 * Worker test files that get storage of their own (a fresh workerd each, vitest.worker.config.ts):
 * those that run retention, the cron trigger or other passes over every workspace's imports, or
 * count sign-ins from one network. The other files share their worker's storage and module cache
 * from file to file; each makes its own workspaces. `test/unit/own-storage.test.ts` fails when a
 * file doing one of these things is missing here.
 */
export const OWN_STORAGE = [
  'abandoned-upload',
  'hostile',
  'lifecycle',
  'links',
  'list-import-db-bytes',
  'retention-backlog',
  'sign-in',
  'storage-limits',
  'suppression-imports',
  'undo',
  'webhooks',
].map((name) => `test/worker/${name}.test.ts`);

/** What makes a test file need its own storage: a pass over every workspace's imports (retention, the cron trigger). */
export const NEEDS_OWN_STORAGE = /\b(purgeExpired\w*|deleteExpired\w*|purgeEnded\w*|runRetention)\b|retention\/|\.scheduled\b|\bscheduled\(/;
