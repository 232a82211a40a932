/**
 * GET /suppressions/packed served from its R2 cache: a 304 reads no list (the cached object's
 * builtAt and upload time stay), every change of the list (add, delete, a move between shards) gives
 * a new ETag and bytes that show it, an entry expiring needs no rebuild (the bytes carry expiries),
 * and no workspace is ever served another's.
 */
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { client, createWorkspace } from './helpers.ts';
import { createSuppressionLookup, readPackedHeader } from '../../src/lib/suppression/packed-list.ts';
import { packedCacheKey, packedList } from '../../workers/suppression/packed-list.ts';
import { moveWorkspace } from '../../workers/leads/move.ts';
import { shardOf } from '../../workers/leads/placement.ts';
import { suppressionStore } from '../../workers/suppression/store.ts';

async function workspace() {
  const ws = await createWorkspace();
  return { ...ws, api: client(ws.token) };
}

function packed(token: string, etag?: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (etag) headers['If-None-Match'] = etag;
  return SELF.fetch('http://example.com/api/v1/suppressions/packed', { headers });
}

async function numbers(res: Response) {
  expect(res.status).toBe(200);
  return createSuppressionLookup(new Uint8Array(await res.arrayBuffer()));
}

/** What the cache holds for the workspace: when it was built and uploaded, and the test's mark (a rebuild drops it). */
async function cached(workspaceId: string) {
  const head = await env.UPLOADS.head(packedCacheKey(workspaceId));
  return head && { builtAt: head.customMetadata?.builtAt, uploaded: head.uploaded.getTime(), etag: head.customMetadata?.etag, marked: head.customMetadata?.marked };
}

/** Marks the cached object (same bytes and metadata, plus `marked`): a rebuild, however fast, would lose the mark. */
async function markCache(workspaceId: string) {
  const object = (await env.UPLOADS.get(packedCacheKey(workspaceId)))!;
  await env.UPLOADS.put(packedCacheKey(workspaceId), await object.arrayBuffer(), { customMetadata: { ...object.customMetadata, marked: 'yes' } });
}

async function moveTo(workspaceId: string, to: number) {
  for (let i = 0; i < 50; i++) if ((await moveWorkspace(env, workspaceId, to, { drainMs: 0, batchRows: 500 })).phase === 'done') return;
  throw new Error('move did not finish');
}

describe('GET /suppressions/packed from its cache', () => {
  it('answers an unchanged list with a 304 and the same ETag without rebuilding it; a plain GET is served from the cache', async () => {
    const { api, token, workspaceId } = await workspace();
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001', '+442079460958'] }));
    const first = await packed(token);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await numbers(first)).size).toBe(2);
    // Never stored by the browser: the page keeps the bytes and revalidates with If-None-Match itself.
    expect(first.headers.get('Cache-Control')).toBe('private, no-store');
    await markCache(workspaceId);
    const built = await cached(workspaceId);
    expect(built).toMatchObject({ etag, marked: 'yes' });

    const again = await packed(token, etag);
    expect(again.status).toBe(304);
    expect(again.headers.get('Cache-Control')).toBe('private, no-store');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('X-Suppression-Count')).toBe('2');
    expect(again.headers.get('X-Suppression-Format')).toBe('spk2');
    expect(again.headers.get('X-Suppression-Form')).toBe('exact');
    expect(await cached(workspaceId)).toEqual(built);

    const plain = await packed(token);
    expect(plain.headers.get('etag')).toBe(etag);
    expect(plain.headers.get('content-type')).toBe('application/octet-stream');
    const set = await numbers(plain);
    expect([set.has('+14152000001'), set.has('+442079460958'), set.size]).toEqual([true, true, 2]);
    expect(await cached(workspaceId)).toEqual(built);
  });

  it('gives a new ETag after an add (the number in the bytes), none after an add of numbers already listed, and a new one after a delete', async () => {
    const { api, token } = await workspace();
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001'] }));
    const e1 = (await packed(token)).headers.get('etag')!;

    expect(await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001'] }))).toMatchObject({ added: 0 });
    expect((await packed(token, e1)).status).toBe(304);

    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000002'] }));
    const added = await packed(token, e1);
    const e2 = added.headers.get('etag')!;
    expect(e2).not.toBe(e1);
    expect(added.headers.get('X-Suppression-Count')).toBe('2');
    expect((await numbers(added)).has('+14152000002')).toBe(true);

    expect((await api.del('/suppressions/%2B14152000001')).status).toBe(204);
    const removed = await packed(token, e2);
    expect(removed.headers.get('etag')).not.toBe(e2);
    expect(removed.headers.get('etag')).not.toBe(e1);
    const set = await numbers(removed);
    expect([set.has('+14152000001'), set.has('+14152000002'), set.size]).toEqual([false, true, 1]);
  });

  it('entries expiring seconds apart never make a rebuild: the bytes carry each expiry and the reader drops an entry once it passes', async () => {
    const { api, workspaceId } = await workspace();
    const t0 = Date.parse('2098-01-01T00:00:00.000Z');
    const phones = Array.from({ length: 10 }, (_, i) => `+1415200001${i}`);
    // One request per expiry, each a second after the one before.
    for (let i = 0; i < phones.length; i++) await api.json(api.post('/suppressions', { phoneNumbers: [phones[i]], expiresAt: new Date(t0 + i * 1_000).toISOString() }));
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000099'] }));
    const first = await packedList(env, workspaceId, new Date(t0 - 60_000));
    const built = await cached(workspaceId);
    // Asked at every expiry and between them: the same bytes, never built again.
    for (let i = 0; i <= phones.length; i++) {
      const at = new Date(t0 + i * 1_000 - 500);
      const again = await packedList(env, workspaceId, at, (etag) => etag === first.etag);
      expect(again).toMatchObject({ etag: first.etag, body: null });
    }
    expect(await cached(workspaceId)).toEqual(built);
    const bytes = new Uint8Array(await new Response((await packedList(env, workspaceId, new Date(t0 + 20_000))).body).arrayBuffer());
    expect(readPackedHeader(bytes)).toMatchObject({ form: 'exact', permanent: 1, expiring: 10 });
    for (let i = 0; i <= phones.length; i++) {
      const listed = createSuppressionLookup(bytes, t0 + i * 1_000 - 500);
      expect(phones.map((p) => listed.has(p))).toEqual(phones.map((_, k) => k >= i));
      expect(listed.has('+14152000099')).toBe(true);
    }
  });

  it("never serves a workspace another's cached list, nor accepts another's ETag", async () => {
    const a = await workspace();
    const b = await workspace();
    await a.api.json(a.api.post('/suppressions', { phoneNumbers: ['+14152000001', '+14152000002'] }));
    const etagA = (await packed(a.token)).headers.get('etag')!;
    // B has never written a list: its version is "none", and so is that of any workspace like it.
    const c = await workspace();
    const etagC = (await packed(c.token)).headers.get('etag')!;

    const resB = await packed(b.token, `${etagA}, ${etagC}`);
    expect(resB.status).toBe(200);
    expect(resB.headers.get('X-Suppression-Count')).toBe('0');
    expect((await numbers(resB)).size).toBe(0);
    expect((await cached(b.workspaceId))!.etag).not.toBe(etagA);
    expect((await cached(a.workspaceId))!.etag).toBe(etagA);
  });

  it('moving the workspace away and back never brings back the list cached before the moves', async () => {
    const { api, token, workspaceId } = await workspace();
    await api.json(api.post('/suppressions', { phoneNumbers: ['+14152000001', '+14152000002'] }));
    const home = await shardOf(env, workspaceId);
    const etag = (await packed(token)).headers.get('etag')!;

    await moveTo(workspaceId, 1 - home);
    // Changed on the other shard (no packed list asked for there), then moved home again.
    expect((await api.del('/suppressions/%2B14152000001')).status).toBe(204);
    await moveTo(workspaceId, home);
    expect(await shardOf(env, workspaceId)).toBe(home);
    const back = await packed(token, etag);
    expect(back.headers.get('etag')).not.toBe(etag);
    const set = await numbers(back);
    expect([set.has('+14152000001'), set.has('+14152000002'), set.size]).toEqual([false, true, 1]);

    // Moved away again: the same numbers on the other shard, under a new ETag.
    const etagHome = back.headers.get('etag')!;
    await moveTo(workspaceId, 1 - home);
    const away = await packed(token, etagHome);
    expect(away.headers.get('etag')).not.toBe(etagHome);
    expect((await numbers(away)).has('+14152000002')).toBe(true);
  });

  it('reads the list in force source by source, in pages, expired entries skipped; the packed form keeps a number once, without expiry if any source says so, else its latest', async () => {
    const { api, workspaceId } = await workspace();
    const phones = Array.from({ length: 8 }, (_, i) => `+1415200000${i}`);
    await api.json(api.post('/suppressions', { phoneNumbers: phones.filter((_, i) => i % 3 === 0) }));
    await api.json(api.post('/suppressions', { phoneNumbers: phones.filter((_, i) => i % 3 === 1), expiresAt: '2020-01-01T00:00:00.000Z' }));
    await api.json(api.post('/suppressions', { phoneNumbers: [phones[2]!], expiresAt: '2099-01-01T00:00:00.000Z' }));
    await api.json(api.post('/suppressions', { phoneNumbers: [phones[5]!], expiresAt: '2098-01-01T00:00:00.000Z' }));
    // The same numbers in a second source: permanent there for 2, a later expiry for 5.
    await api.json(api.post('/suppressions', { phoneNumbers: [phones[2]!], source: 'partner-dnc' }));
    await api.json(api.post('/suppressions', { phoneNumbers: [phones[5]!], source: 'partner-dnc', expiresAt: '2098-06-01T00:00:00.000Z' }));
    const pages = [];
    for await (const page of suppressionStore(env, workspaceId).activeNumbers(new Date(), 3)) pages.push(page);
    expect(pages).toEqual([
      { permanent: [phones[0]], expiring: [[phones[2], '2099-01-01T00:00:00.000Z']] },
      { permanent: [phones[3]], expiring: [[phones[5], '2098-01-01T00:00:00.000Z']] },
      { permanent: [phones[6]], expiring: [] },
      { permanent: [phones[2]], expiring: [[phones[5], '2098-06-01T00:00:00.000Z']] },
    ]);
    const bytes = new Uint8Array(await new Response((await packedList(env, workspaceId, new Date())).body).arrayBuffer());
    expect(readPackedHeader(bytes)).toMatchObject({ form: 'exact', count: 5, permanent: 4, expiring: 1 });
    const at = (iso: string) => createSuppressionLookup(bytes, Date.parse(iso));
    expect(phones.map((p) => at('2098-03-01T00:00:00Z').has(p))).toEqual([true, false, true, true, false, true, true, false]);
    expect(at('2098-07-01T00:00:00Z').has(phones[5]!)).toBe(false);
  });

  it('keeps the cache outside the prefix of the workspace imports', () => {
    expect(packedCacheKey('ws_x').startsWith('ws/')).toBe(false);
  });
});
