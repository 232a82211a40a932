/**
 * A store that fails is never blamed on the user's file: an R2 failure during a headless import
 * answers 503 with a retryable code and Retry-After (not 422 FILE_CORRUPT), and a Durable Object
 * failure while sealing a browser import is not 409 CHUNKS_MISSING (an overloaded one answers 503
 * with Retry-After: another try may succeed). The faults are injected into
 * the real bindings the Worker's fetch receives (one method of each made to reject).
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign } from './helpers.ts';
import { usNumbers } from './csv.ts';

/** `target` with `method` rejecting as a failing store would; every other member is the real one. */
function failing<T extends object>(target: T, method: string, message: string, marks: Record<string, boolean> = {}): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop === method) return async () => Promise.reject(Object.assign(new Error(message), marks));
      const value = Reflect.get(t, prop);
      return typeof value === 'function' ? (...args: unknown[]) => Reflect.apply(value, t, args) : value;
    },
  });
}

async function fetchWith(faulty: typeof env, token: string, method: string, path: string, body: string, type: string): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    // The Worker's fetch is typed for requests from the edge (with their cf properties); this one is built here.
    new Request(`http://example.com/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body }) as Request<unknown, IncomingRequestCfProperties>,
    faulty,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe('infrastructure failures', () => {
  it('R2 failing while a headless import stores its chunk: 503 SERVICE_UNAVAILABLE with Retry-After, not FILE_CORRUPT', async () => {
    const { api, campaign, token } = await seededCampaign();
    const file = 'phone_number,customer_name\n' + usNumbers(3, 81_000).map((p, i) => `${p},N${i}`).join('\n') + '\n';
    const faulty = { ...env, UPLOADS: failing(env.UPLOADS, 'put', 'R2 internal error') };
    const res = await fetchWith(faulty, token, 'POST', `/campaigns/${campaign.id}/imports?fileName=ok.csv`, file, 'text/csv');
    const body = await res.json<any>();
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.message).not.toMatch(/damaged|corrupt/i);
    // The import created before the failure ends failed with the same retryable code.
    const importId = body.error.details.importId;
    expect(importId).toMatch(/^imp_/);
    const view = await api.json(api.get(`/imports/${importId}`));
    expect(view.status).toBe('failed');
    // The same file through the real bucket imports: nothing was wrong with it.
    const again = await api.post(`/campaigns/${campaign.id}/imports?fileName=ok.csv`, file, { 'Content-Type': 'text/csv' });
    expect(again.status).toBe(201);
  });

  it('a Durable Object failing at seal is not 409 CHUNKS_MISSING; missing chunks still are', async () => {
    const { api, campaign, token } = await seededCampaign();
    const phones = usNumbers(2, 82_000);
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: ['phone_number', 'customer_name'], totalRows: 2 }));
    const missing = await api.post(`/imports/${created.id}/start`, { chunkCount: 1 });
    expect(missing.status).toBe(409);
    expect((await missing.json<any>()).error.code).toBe('CHUNKS_MISSING');
    const put = await api.put(`/imports/${created.id}/chunks/0`, { v: 1, index: 0, rows: phones.map((p, i) => ({ row: i + 1, cells: [p, `N${i}`] })) });
    expect(put.status).toBe(200);
    // Every stub the Worker gets has a seal that fails as an overloaded Durable Object does (workerd marks it `overloaded`).
    const imports = new Proxy(env.IMPORTS, {
      get(t, prop) {
        if (prop === 'get') return (id: DurableObjectId) => failing(t.get(id), 'seal', 'Durable Object is overloaded', { overloaded: true });
        const value = Reflect.get(t, prop);
        return typeof value === 'function' ? (...args: unknown[]) => Reflect.apply(value, t, args) : value;
      },
    });
    const faulty = { ...env, IMPORTS: imports };
    const res = await fetchWith(faulty, token, 'POST', `/imports/${created.id}/start`, JSON.stringify({ chunkCount: 1 }), 'application/json');
    const body = await res.json<any>();
    expect(body.error.code).not.toBe('CHUNKS_MISSING');
    // Another try may succeed, and the answer says so.
    expect(res.status).toBe(503);
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
    // Through the real binding the same start succeeds.
    const started = await api.post(`/imports/${created.id}/start`, { chunkCount: 1 });
    expect(started.status).toBe(201);
  });
});
