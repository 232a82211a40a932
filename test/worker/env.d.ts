// The bindings that `cloudflare:test`'s env carries: the Worker's own, plus the migrations for setup.
import type { Env as WorkerEnv } from '../../workers/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: { name: string; queries: string[] }[];
      TEST_LEADS_MIGRATIONS: { name: string; queries: string[] }[];
      /** Workbook readers that hang, crash or pollute their isolate (test/worker/fixtures/broken-readers.js). */
      HANGING_READER: WorkerEnv['WORKBOOK_READER'];
      CRASHING_READER: WorkerEnv['WORKBOOK_READER'];
      POLLUTING_READER: WorkerEnv['WORKBOOK_READER'];
    }
  }
}
export {};
