/** The queue's side of the sweep (sweep.ts): a bounded run, then the next message when entries remain. */
import type { Env } from '../env.ts';
import { sendWithRetry } from '../queue/send.ts';
import { listSweepMessage } from '../queue/messages.ts';
import { sweepSource } from './sweep.ts';
import { shardCount, shardDb } from '../leads/shards.ts';

/** Milliseconds one message sweeps for. */
const SWEEP_RUN_MS = 20_000;

export async function continueSweep(env: Env, workspaceId: string, source: string): Promise<void> {
  if (await sweepSource(env, workspaceId, source, Date.now() + SWEEP_RUN_MS)) await sendWithRetry(env.IMPORT_QUEUE, [listSweepMessage(workspaceId, source)]);
}

/**
 * The hourly retention's part: sweeps that stopped (a message given up, a move in between) are sent
 * again, at most `limit` per shard. Returns how many were sent.
 */
export async function resumeSweeps(env: Env, limit = 100): Promise<number> {
  let sent = 0;
  for (let shard = 0; shard < shardCount(env); shard++) {
    const { results } = await shardDb(env, shard)
      .prepare('SELECT workspace_id, source FROM suppression_sources WHERE sweep_pending = 1 LIMIT ?1')
      .bind(limit)
      .all<{ workspace_id: string; source: string }>();
    if (!results.length) continue;
    await sendWithRetry(env.IMPORT_QUEUE, results.map((r) => listSweepMessage(r.workspace_id, r.source)));
    sent += results.length;
  }
  return sent;
}
