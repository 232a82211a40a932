/** Ends an import as failed: used by the queue consumer and by inline runs; the end is announced by the lifecycle (workers/lifecycle). */
import type { Env } from '../env.ts';
import { coordinator } from '../coordinator/coordinator.ts';

/**
 * An import with ignoreErrors off rolls back first (see the coordinator); `deadWrite` is the chunk
 * of a write message that will not run again.
 */
export async function failImport(env: Env, importId: string, code: string, message: string, deadWrite?: number): Promise<void> {
  await coordinator(env, importId).fail(code, message, deadWrite);
}
