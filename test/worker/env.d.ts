// The bindings that `cloudflare:test`'s env carries: the Worker's own, plus the migrations for setup.
import type { Env as WorkerEnv } from '../../workers/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: { name: string; queries: string[] }[];
      TEST_LEADS_MIGRATIONS: { name: string; queries: string[] }[];
    }
  }
}
export {};
