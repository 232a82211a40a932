/**
 * Parallel POST /imports/{id}/undo start exactly one chain of undo steps (I5 of the review): the
 * request that marks the import `undoing` starts it, the others answer 202 and send nothing; a later
 * request resumes the undo only when it made no step for 5 minutes (its messages lost). Through the
 * Worker's fetch and queue handlers, the queue held by the test so every step message is counted.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { UNDO_STALE_MS } from '../../workers/undo/request-undo.ts';

describe('undo chain', () => {
  it('20 parallel requests start one chain; requests during it add none; a stale undo is resumed once', async () => {
    const { api, campaign, token } = await seededCampaign();
    const file = csv([['phone_number', 'customer_name'], ...usNumbers(2_000, 960_000).map((p) => [p, 'Ann'])]);
    const started = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=u.csv`, file, { 'Content-Type': 'text/csv' });
    const imp = await waitForEnd(api, (await started.json<any>()).id);
    expect(imp).toMatchObject({ status: 'completed', importedRows: 2_000 });

    const sent: unknown[] = [];
    const queue = { send: async (b: unknown) => void sent.push(b), sendBatch: async (b: { body: unknown }[]) => void sent.push(...b.map((m) => m.body)) };
    const stepEnv = { ...env, UNDO_STEP_ROWS: '300', IMPORT_QUEUE: queue };
    const undo = async () => {
      const ctx = createExecutionContext();
      const res = await worker.fetch!(new Request(`http://example.com/api/v1/imports/${imp.id}/undo`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }) as any, stepEnv as any, ctx);
      await waitOnExecutionContext(ctx);
      return res.status;
    };
    const deliver = async (body: unknown) => {
      const batch = createMessageBatch('lead-import-chunks', [{ id: 'm', timestamp: new Date(), attempts: 1, body }]);
      const ctx = createExecutionContext();
      await worker.queue!(batch as any, stepEnv as any, ctx);
      expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([]);
    };

    // Before: each of 20 requests sent a step message (20 chains at once).
    expect(await Promise.all(Array.from({ length: 20 }, undo))).toEqual(Array(20).fill(202));
    expect(sent).toEqual([{ kind: 'undo', workspaceId: expect.any(String), importId: imp.id }]);

    let steps = 0;
    while (sent.length) {
      expect(sent).toHaveLength(1);
      const message = sent.shift();
      await deliver(message);
      steps++;
      // Requests while the undo runs (and made a step just now) add no chain.
      if (steps === 2) {
        expect(await Promise.all(Array.from({ length: 5 }, undo))).toEqual(Array(5).fill(202));
        expect(sent).toHaveLength(1);
      }
      // The chain's messages are lost after the fourth step: nothing is pending.
      if (steps === 4) sent.length = 0;
      expect(steps).toBeLessThan(20);
    }
    const stalled = await api.json(api.get(`/imports/${imp.id}`));
    expect(stalled).toMatchObject({ status: 'undoing', undoneRows: 1_200 });
    // Within 5 minutes of its last step a request does not resume it...
    expect(await undo()).toBe(202);
    expect(sent).toEqual([]);
    // ...after that, one of several concurrent requests does.
    await env.DB.prepare('UPDATE imports SET undo_step_at = ?1 WHERE id = ?2').bind(new Date(Date.now() - UNDO_STALE_MS - 1_000).toISOString(), imp.id).run();
    expect(await Promise.all(Array.from({ length: 5 }, undo))).toEqual(Array(5).fill(202));
    expect(sent).toHaveLength(1);
    while (sent.length) {
      expect(sent).toHaveLength(1);
      await deliver(sent.shift());
      steps++;
      expect(steps).toBeLessThan(20);
    }
    expect(await api.json(api.get(`/imports/${imp.id}`))).toMatchObject({ status: 'undone', undoneRows: 2_000 });
    expect(await undo()).toBe(200);
    expect(sent).toEqual([]);
  });
});
