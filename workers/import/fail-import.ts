/** Ends an import as failed and tells its owner: used by the queue consumer and by inline runs. */
import type { Env } from '../env.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { notifyEnded } from '../report/finalize.ts';

/**
 * An import with ignoreErrors off rolls back first (see the coordinator); `deadWrite` is the chunk
 * of a write message that will not run again.
 */
export async function failImport(env: Env, importId: string, code: string, message: string, deadWrite?: number): Promise<void> {
  const coord = coordinator(env, importId);
  const view = await coord.fail(code, message, deadWrite);
  const { config } = await coord.snapshot();
  await notifyEnded(env, config, view);
}
