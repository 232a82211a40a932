/**
 * `mode=replace` through the API: a source's entries swapped for the file's all at once. The queue
 * is the test's (it keeps what the import sends), so the test delivers each chunk itself and reads
 * the list between deliveries: a reader sees the old list or the new one, never part of each. A
 * replace that fails, or that a newer one supersedes, leaves the list as it was; the sweep then
 * deletes the rows no generation names. Also: an import run in the request and one run by the queue
 * fail the same way, and a list past the byte budget reaches the browser as a filter.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../workers/index.ts';
import { client, createWorkspace } from './helpers.ts';
import { usNumbers } from './csv.ts';
import { createSuppressionLookup, readPackedHeader } from '../../src/lib/suppression/packed-list.ts';
import { shardOf } from '../../workers/leads/placement.ts';
import { shardDb } from '../../workers/leads/shards.ts';
import { listImportKeys } from '../../workers/suppression/list-import/keys.ts';
import { resumeStalledListImports } from '../../workers/suppression/list-import/resume.ts';
import { resumeSweeps } from '../../workers/suppression/continue-sweep.ts';

const TEXT = { 'Content-Type': 'text/csv' };

async function workspace() {
  const ws = await createWorkspace();
  return { ...ws, api: client(ws.token) };
}

/** An environment whose queue keeps what is sent, and whose list imports cut 2 rows a chunk. */
function holding() {
  const sent: any[] = [];
  const queue = { send: async (b: any) => void sent.push(b), sendBatch: async (b: any[]) => void sent.push(...b.map((m) => m.body)) };
  return { sent, env: { ...env, IMPORT_QUEUE: queue, LIST_CHUNK_ROWS: '2' } as any };
}

/** A request through the real Worker with another environment. */
async function fetchWith(environment: any, token: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://example.com/api/v1${path}`, { method: body === undefined ? 'GET' : 'POST', body, headers: { Authorization: `Bearer ${token}`, ...headers } });
  const ctx = createExecutionContext();
  const res = await worker.fetch!(request as any, environment, ctx);
  return res;
}

async function deliver(bodies: unknown[], environment: any): Promise<string[]> {
  const batch = createMessageBatch('lead-import-chunks', bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue!(batch as any, environment, ctx);
  return (await getQueueResult(batch, ctx)).retryMessages.map((m) => m.msgId);
}

/** What a reader sees of these numbers: the listed ones, through the API and in the packed list. */
async function seen(api: ReturnType<typeof client>, token: string, numbers: string[]) {
  const viaApi: string[] = [];
  for (const n of numbers) if ((await api.json(api.get(`/suppressions?phoneNumber=${encodeURIComponent(n)}`))).items.length) viaApi.push(n);
  const packed = await SELF.fetch('http://example.com/api/v1/suppressions/packed', { headers: { Authorization: `Bearer ${token}` } });
  const set = createSuppressionLookup(new Uint8Array(await packed.arrayBuffer()));
  expect(numbers.filter((n) => set.has(n))).toEqual(viaApi);
  const source = (await api.json(api.get('/suppressions/sources'))).items.find((s: any) => s.source === 'us-national-dnc');
  return { listed: viaApi, count: source?.count ?? 0 };
}

/** Rows on the shard for the source, every generation (what the sweep deletes). */
async function storedRows(workspaceId: string, source: string): Promise<number> {
  const d1 = shardDb(env, await shardOf(env, workspaceId));
  return (await d1.prepare('SELECT count(*) AS n FROM suppressions WHERE workspace_id = ?1 AND source = ?2').bind(workspaceId, source).first<{ n: number }>())!.n;
}

const digits = (numbers: string[]) => numbers.map((n) => n.slice(2)).join('\n') + '\n';

describe('POST /suppressions/import?mode=replace', () => {
  it('swaps the source whole: a reader between any two chunks sees the old list, then the new one; other sources stay', async () => {
    const { api, token, workspaceId } = await workspace();
    const all = usNumbers(10);
    const old = all.slice(0, 6);
    const next = all.slice(4, 10);
    await api.json(api.post('/suppressions', { phoneNumbers: [all[0]!] })); // internal: stays whatever the registry does
    expect(await api.json(api.post('/suppressions/import?source=us-national-dnc&asOf=2026-11-01', digits(old), TEXT))).toMatchObject({ added: 6 });
    const before = await seen(api, token, all);
    expect(before).toEqual({ listed: old, count: 6 });

    const held = holding();
    const res = await fetchWith(held.env, token, '/suppressions/import?source=us-national-dnc&mode=replace&asOf=2026-12-01', digits(next), { ...TEXT, Prefer: 'respond-async' });
    const started = await res.json<any>();
    expect(res.status, JSON.stringify(started)).toBe(202);
    expect(started).toMatchObject({ mode: 'replace', source: 'us-national-dnc', totalRows: 6 });
    const messages = held.sent.splice(0);
    expect(messages).toHaveLength(3);
    expect((await api.json(api.get('/suppressions/sources'))).items.find((s: any) => s.source === 'us-national-dnc').replacing).toBe(started.id);

    for (const [i, message] of messages.entries()) {
      expect(await seen(api, token, all), `before chunk ${i}`).toEqual(before);
      expect(await deliver([message], held.env)).toEqual([]);
    }
    const after = await seen(api, token, all);
    expect(after).toEqual({ listed: [all[0]!, ...next], count: 6 });
    expect(await api.json(api.get(`/suppressions/imports/${started.id}`))).toMatchObject({ status: 'completed', added: 6, alreadyPresent: 0 });
    const source = (await api.json(api.get('/suppressions/sources'))).items.find((s: any) => s.source === 'us-national-dnc');
    expect(source).toMatchObject({ asOf: '2026-12-01', count: 6, replacing: null });

    // The flip asked for a sweep: the replaced generation's rows go, the new ones stay.
    expect(await storedRows(workspaceId, 'us-national-dnc')).toBe(12);
    const sweep = held.sent.splice(0);
    expect(sweep).toEqual([{ kind: 'list-sweep', workspaceId, source: 'us-national-dnc' }]);
    expect(await deliver(sweep, held.env)).toEqual([]);
    expect(await storedRows(workspaceId, 'us-national-dnc')).toBe(6);
    expect(await seen(api, token, all)).toEqual(after);
  });

  it('a replace that fails leaves the old list; one that a newer replace supersedes never flips', async () => {
    const { api, token, workspaceId } = await workspace();
    const all = usNumbers(9, 100);
    await api.json(api.post('/suppressions/import?source=us-national-dnc&asOf=2026-11-01', digits(all.slice(0, 3)), TEXT));
    const before = await seen(api, token, all);

    // A chunk lost from storage: the import fails with CHUNK_MISSING after a chunk was written.
    const held = holding();
    const failing = await (await fetchWith(held.env, token, '/suppressions/import?source=us-national-dnc&mode=replace', digits(all.slice(3, 7)), { ...TEXT, Prefer: 'respond-async' })).json<any>();
    const [first, second] = held.sent.splice(0);
    expect(await deliver([first], held.env)).toEqual([]);
    await env.UPLOADS.delete(listImportKeys.chunk(workspaceId, failing.id, 1));
    expect(await deliver([second], held.env)).toEqual([]);
    expect(await api.json(api.get(`/suppressions/imports/${failing.id}`))).toMatchObject({ status: 'failed', error: { code: 'CHUNK_MISSING' } });
    expect(await seen(api, token, all)).toEqual(before);
    expect((await api.json(api.get('/suppressions/sources'))).items.find((s: any) => s.source === 'us-national-dnc')).toMatchObject({ count: 3, asOf: '2026-11-01', replacing: null });
    // Its written chunk is swept.
    expect(await storedRows(workspaceId, 'us-national-dnc')).toBe(5);
    expect(await deliver(held.sent.splice(0), held.env)).toEqual([]);
    expect(await storedRows(workspaceId, 'us-national-dnc')).toBe(3);

    // Two replaces: the later one started wins, whichever finishes first.
    const a = await (await fetchWith(held.env, token, '/suppressions/import?source=us-national-dnc&mode=replace', digits(all.slice(3, 5)), { ...TEXT, Prefer: 'respond-async' })).json<any>();
    const aMessages = held.sent.splice(0);
    const b = await (await fetchWith(held.env, token, '/suppressions/import?source=us-national-dnc&mode=replace', digits(all.slice(5, 9)), { ...TEXT, Prefer: 'respond-async' })).json<any>();
    const bMessages = held.sent.splice(0);
    expect(await deliver(aMessages, held.env)).toEqual([]);
    expect(await api.json(api.get(`/suppressions/imports/${a.id}`))).toMatchObject({ status: 'failed', error: { code: 'SUPERSEDED' } });
    expect(await seen(api, token, all)).toEqual(before);
    for (const m of bMessages) expect(await deliver([m], held.env)).toEqual([]);
    expect(await api.json(api.get(`/suppressions/imports/${b.id}`))).toMatchObject({ status: 'completed', added: 4 });
    expect(await seen(api, token, all)).toEqual({ listed: all.slice(5, 9), count: 4 });
    for (let sweeps = held.sent.splice(0); sweeps.length; sweeps = held.sent.splice(0)) expect(await deliver(sweeps, held.env)).toEqual([]);
    expect(await storedRows(workspaceId, 'us-national-dnc')).toBe(4);
  });

  it('in the request: the same swap, answered with the counts', async () => {
    const { api } = await workspace();
    const all = usNumbers(5, 300);
    await api.json(api.post('/suppressions/import?source=acme', digits(all.slice(0, 3)), TEXT));
    const res = await api.json(api.post('/suppressions/import?source=acme&mode=replace', digits(all.slice(2, 5)) + 'junk\n', TEXT));
    expect(res).toMatchObject({ status: 'completed', mode: 'replace', added: 3, invalidCount: 1, rows: 4 });
    const listed = [];
    for (const n of all) if ((await api.json(api.get(`/suppressions?phoneNumber=${encodeURIComponent(n)}&source=acme`))).items.length) listed.push(n);
    expect(listed).toEqual(all.slice(2, 5));
  });
});

describe('what the hourly retention takes up again', () => {
  it('a replace whose messages were lost is queued again and completes; a sweep that stopped is started again', async () => {
    const { api, token, workspaceId } = await workspace();
    const all = usNumbers(6, 700);
    await api.json(api.post('/suppressions/import?source=us-national-dnc', digits(all.slice(0, 3)), TEXT));
    // The messages go nowhere (a request that died, a queue that lost them).
    const lost = holding();
    const started = await (await fetchWith(lost.env, token, '/suppressions/import?source=us-national-dnc&mode=replace', digits(all.slice(3)), { ...TEXT, Prefer: 'respond-async' })).json<any>();
    expect((await api.json(api.get(`/suppressions/imports/${started.id}`))).status).toBe('running');
    // An hour on, retention sends the chunks again to the real queue, which lists them and flips.
    const held = holding();
    expect(await resumeStalledListImports(held.env, Date.now() + 2 * 3_600_000)).toBeGreaterThanOrEqual(1);
    const resent = held.sent.splice(0).filter((m) => m.importId === started.id);
    expect(resent.map((m) => m.chunk).sort()).toEqual([0, 1]);
    expect(await deliver(resent, held.env)).toEqual([]);
    expect(await api.json(api.get(`/suppressions/imports/${started.id}`))).toMatchObject({ status: 'completed', added: 3 });
    expect((await seen(api, token, all)).listed).toEqual(all.slice(3));
    // The sweep message of the flip was lost too (held): retention starts it again.
    held.sent.splice(0);
    expect(await storedRows(workspaceId, 'us-national-dnc')).toBe(6);
    expect(await resumeSweeps(held.env)).toBeGreaterThanOrEqual(1);
    const sweeps = held.sent.splice(0).filter((m) => m.workspaceId === workspaceId);
    expect(sweeps).toEqual([{ kind: 'list-sweep', workspaceId, source: 'us-national-dnc' }]);
    expect(await deliver(sweeps, held.env)).toEqual([]);
    expect(await storedRows(workspaceId, 'us-national-dnc')).toBe(3);
  });
});

describe('one engine, the same failures', () => {
  it('a chunk missing from storage fails the import with the same code and message in the request as through the queue', async () => {
    const { token } = await workspace();
    // Chunks are stored, then read back as missing.
    const missing = { ...env, UPLOADS: new Proxy(env.UPLOADS, { get: (t, p) => (p === 'get' ? async (key: string) => (key.includes('/chunks/') ? null : t.get(key)) : (t as any)[p]?.bind?.(t) ?? (t as any)[p]) }) };
    const inline = await fetchWith(missing, token, '/suppressions/import', '4152000001\n4152000002\n', TEXT);
    const answer = await inline.json<any>();
    expect(inline.status).toBe(503);
    expect(answer.error.code).toBe('PROCESSING_FAILED');
    const id = answer.error.details.id;
    const held = holding();
    const queued = await (await fetchWith({ ...held.env, LIST_CHUNK_ROWS: undefined, UPLOADS: missing.UPLOADS }, token, '/suppressions/import', '4152000003\n', { ...TEXT, Prefer: 'respond-async' })).json<any>();
    expect(await deliver(held.sent.splice(0), { ...held.env, UPLOADS: missing.UPLOADS })).toEqual([]);
    const api = client(token);
    const a = await api.json(api.get(`/suppressions/imports/${id}`));
    const b = await api.json(api.get(`/suppressions/imports/${queued.id}`));
    expect(a).toMatchObject({ status: 'failed', error: { code: 'CHUNK_MISSING' } });
    expect(b.error).toEqual(a.error);
    expect(answer.error.details.failure).toEqual(a.error);
  });
});

describe('a list past the byte budget', () => {
  it('reaches the browser as a filter within the budget that finds every listed number', async () => {
    const { api, token } = await workspace();
    const numbers = usNumbers(400, 500);
    await api.json(api.post('/suppressions', { phoneNumbers: numbers }));
    const small = { ...env, PACKED_LIST_MAX_BYTES: '2048' };
    const res = await fetchWith(small, token, '/suppressions/packed');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Suppression-Form')).toBe('filter');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBeLessThanOrEqual(2048);
    expect(readPackedHeader(bytes)).toMatchObject({ form: 'filter', count: 400 });
    const set = createSuppressionLookup(bytes);
    expect(numbers.filter((n) => !set.has(n))).toEqual([]);
    // With the default budget the same list is exact.
    const exact = await SELF.fetch('http://example.com/api/v1/suppressions/packed', { headers: { Authorization: `Bearer ${token}` } });
    expect(exact.headers.get('X-Suppression-Form')).toBe('exact');
  });
});
