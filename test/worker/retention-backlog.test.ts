/**
 * Retention keeps up with a backlog (L5): the hourly run handles its budget of items, then queues a
 * `retention` message that runs the next batch in a fresh invocation, until nothing is due. Driven
 * through the Worker's scheduled and queue handlers, with the queue held by the test so every batch
 * is counted (a budget of 50 items per invocation here; 300 by default).
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { createWorkspace } from './helpers.ts';
import { keys } from '../../workers/chunk/keys.ts';
import { reserveStorage, storageUsed } from '../../workers/quota/storage.ts';
import { newId } from '../../workers/db/ids.ts';

const DAY_MS = 86_400_000;

describe('retention under a backlog', () => {
  it('purges 130 ended imports in batches of 50: 3 invocations, 2 continuation messages, nothing left', async () => {
    const { workspaceId } = await createWorkspace();
    const now = Date.now();
    const ended = new Date(now - 10 * DAY_MS).toISOString();
    const ids = Array.from({ length: 130 }, () => newId('imp'));
    for (let i = 0; i < ids.length; i += 50) {
      await env.DB.batch(
        ids.slice(i, i + 50).map((id) =>
          env.DB.prepare(
            `INSERT INTO imports (id, workspace_id, campaign_id, file_name, source, status, ignore_errors, error_counts, created_at, finished_at)
             VALUES (?1, ?2, 'cmp_x', 'old.csv', 'api', 'completed', 1, '{}', ?3, ?3)`,
          ).bind(id, workspaceId, ended),
        ),
      );
    }
    for (const id of ids) {
      await env.UPLOADS.put(keys.chunk(workspaceId, id, 0), 'x'.repeat(100));
      await reserveStorage(env, workspaceId, id, 100);
    }
    expect(await storageUsed(env, workspaceId)).toBe(13_000);

    const sent: unknown[] = [];
    const queue = { send: async (b: unknown) => void sent.push(b), sendBatch: async (b: { body: unknown }[]) => void sent.push(...b.map((m) => m.body)) };
    const runEnv = { ...env, RETENTION_ITEMS_PER_INVOCATION: '50', IMPORT_QUEUE: queue };
    const purged = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM imports WHERE workspace_id = ?1 AND purged_at IS NOT NULL').bind(workspaceId).first<{ n: number }>())!.n;

    // The hourly cron: one invocation, 50 items, then a message to go on.
    const at = now;
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: '17 * * * *' }), runEnv as any, ctx);
    await waitOnExecutionContext(ctx);
    const afterEach = [await purged()];
    // Each continuation is delivered to the Worker's queue consumer like the queue would.
    let invocations = 1;
    // (The cron also starts other jobs, e.g. re-profiling calling zones: only retention's messages are followed.)
    const next = () => {
      const i = sent.findIndex((m: any) => m.kind === 'retention');
      return i < 0 ? undefined : sent.splice(i, 1)[0];
    };
    for (let body = next(); body; body = next()) {
      expect(body).toEqual({ kind: 'retention', at });
      const batch = createMessageBatch('lead-import-chunks', [{ id: `r${invocations}`, timestamp: new Date(), attempts: 1, body }]);
      const qctx = createExecutionContext();
      await worker.queue!(batch as any, runEnv as any, qctx);
      expect((await getQueueResult(batch, qctx)).retryMessages).toEqual([]);
      invocations++;
      afterEach.push(await purged());
      expect(invocations).toBeLessThan(10);
    }
    expect(afterEach).toEqual([50, 100, 130]);
    expect(invocations).toBe(3);
    expect((await env.UPLOADS.list({ prefix: `ws/${workspaceId}/` })).objects).toEqual([]);
    expect(await storageUsed(env, workspaceId)).toBe(0);
  });
});
