/**
 * The import coordinator: one Durable Object per import that every step of the pipeline reports to.
 * `coordinator(env, importId)` is its stub. The class (import-coordinator.ts) is its calls; what it
 * keeps is in state.ts, what happens next in phases.ts, the chunks in chunk-ledger.ts, the first
 * row of each number in first-occurrences.ts; watchdog.ts re-sends what stalls, live-progress.ts
 * tells watchers and the D1 row.
 */
import type { Env } from '../env.ts';

export function coordinator(env: Env, importId: string) {
  return env.IMPORTS.get(env.IMPORTS.idFromName(importId));
}
