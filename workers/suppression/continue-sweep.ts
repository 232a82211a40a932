/** The queue's side of the sweep (sweep.ts): a bounded run, then the next message when entries remain. */
import type { Env } from '../env.ts';
import { sendWithRetry } from '../queue/send.ts';
import { listSweepMessage } from '../queue/messages.ts';
import { sweepSource } from './sweep.ts';

/** Milliseconds one message sweeps for. */
const SWEEP_RUN_MS = 20_000;

export async function continueSweep(env: Env, workspaceId: string, source: string): Promise<void> {
  if (await sweepSource(env, workspaceId, source, Date.now() + SWEEP_RUN_MS)) await sendWithRetry(env.IMPORT_QUEUE, [listSweepMessage(workspaceId, source)]);
}
