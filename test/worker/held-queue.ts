/**
 * A queue held by the test: what the Worker sends is kept, and the test delivers each message to the
 * Worker's queue consumer when it chooses (so a cancel always comes before processing, a step is
 * counted, a message can be lost). Requests and deliveries go through the Worker's own handlers with
 * the held queue in place of the real one.
 */
import { env, createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { expect } from 'vitest';
import worker from '../../workers/index.ts';

export function heldQueue(vars: Record<string, unknown> = {}) {
  const held: any[] = [];
  const queue = { send: async (b: unknown) => void held.push(b), sendBatch: async (b: { body: unknown }[]) => void held.push(...b.map((m) => m.body)) };
  const heldEnv = { ...env, ...vars, IMPORT_QUEUE: queue };
  return {
    held,
    env: heldEnv,
    /** A request to /api/v1 through the Worker's fetch with the held queue. */
    async fetch(token: string, method: string, path: string, body?: string, type = 'text/csv'): Promise<Response> {
      const ctx = createExecutionContext();
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      if (body !== undefined) headers['Content-Type'] = type;
      const res = await worker.fetch!(new Request(`http://example.com/api/v1${path}`, { method, headers, body }) as any, heldEnv as any, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    },
    /** Delivers one message to the Worker's queue consumer, as the queue would (it must not be retried). */
    async deliver(body: unknown): Promise<void> {
      const batch = createMessageBatch('lead-import-chunks', [{ id: 'm', timestamp: new Date(), attempts: 1, body }]);
      const ctx = createExecutionContext();
      await worker.queue!(batch as any, heldEnv as any, ctx);
      expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([]);
    },
  };
}
