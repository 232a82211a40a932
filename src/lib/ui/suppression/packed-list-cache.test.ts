import { describe, expect, it } from 'vitest';
import { packExact } from '../../suppression/packed-list.ts';
import { copyBytes, createPackedListCache, packedSetFromBuffer, PackedListError, transferableList } from './packed-list-cache.ts';

type Call = { path: string; headers: Record<string, string> };

/** A server answering like GET /suppressions/packed: 304 when If-None-Match names its current ETag. */
function fakeServer(initial: string[]) {
  let numbers = initial;
  let version = 1;
  const calls: Call[] = [];
  const state = { signedIn: true };
  const fetchImpl = async (path: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ path, headers: { ...headers } });
    if (!state.signedIn) {
      return new Response(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'You are signed out. Sign in again.' } }), { status: 401 });
    }
    const etag = `"v${version}"`;
    if (headers['If-None-Match'] === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(packExact(numbers), { status: 200, headers: { ETag: etag, 'X-Suppression-As-Of': '2026-01-01T00:00:00.000Z' } });
  };
  return {
    fetchImpl,
    calls,
    state,
    change(next: string[]) {
      numbers = next;
      version++;
    },
  };
}

describe('packed suppression list cache', () => {
  it('fetches once, then revalidates with If-None-Match and keeps its bytes on 304', async () => {
    const server = fakeServer(['+14155550100', '+442071838750']);
    const cache = createPackedListCache(server.fetchImpl);
    const first = await cache.get('good');
    expect(first.set.size).toBe(2);
    expect(first.set.has('+14155550100')).toBe(true);
    expect(first.set.has('+14155550101')).toBe(false);
    expect(first.etag).toBe('"v1"');
    expect(server.calls[0]!.headers['If-None-Match']).toBeUndefined();
    // The session cookie rides along: no token is ever sent by the app.
    expect(server.calls[0]!.headers.Authorization).toBeUndefined();

    const second = await cache.get('good');
    expect(server.calls[1]!.headers['If-None-Match']).toBe('"v1"');
    expect(second).toBe(first);
    expect(second.bytes).toBe(first.bytes);
  });

  it('replaces the list when the server has a newer one', async () => {
    const server = fakeServer(['+14155550100']);
    const cache = createPackedListCache(server.fetchImpl);
    await cache.get('good');
    server.change(['+14155550100', '+14155550199']);
    const next = await cache.get('good');
    expect(next.etag).toBe('"v2"');
    expect(next.set.has('+14155550199')).toBe(true);
    expect(cache.peek()).toBe(next);
  });

  it('never revalidates another workspace\'s list: fetches it whole', async () => {
    const server = fakeServer(['+14155550100']);
    const cache = createPackedListCache(server.fetchImpl);
    await cache.get('good');
    await cache.get('other');
    expect(server.calls[1]!.headers['If-None-Match']).toBeUndefined();
    cache.clear();
    expect(cache.peek()).toBeNull();
    await cache.get('other');
    expect(server.calls[2]!.headers['If-None-Match']).toBeUndefined();
  });

  it('shares one request between concurrent calls', async () => {
    const server = fakeServer(['+14155550100']);
    const cache = createPackedListCache(server.fetchImpl);
    const [a, b] = await Promise.all([cache.get('good'), cache.get('good')]);
    expect(a).toBe(b);
    expect(server.calls).toHaveLength(1);
  });

  it('reports the API\'s message when refused, and a network failure as status 0', async () => {
    const server = fakeServer([]);
    server.state.signedIn = false;
    const cache = createPackedListCache(server.fetchImpl);
    await expect(cache.get('good')).rejects.toMatchObject({ name: 'PackedListError', status: 401, message: 'You are signed out. Sign in again.' });
    const offline = createPackedListCache(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = await offline.get('good').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackedListError);
    expect((err as PackedListError).status).toBe(0);
  });

  it('refuses bytes that are not a packed list', async () => {
    const cache = createPackedListCache(async () => new Response(new Uint8Array(12), { status: 200, headers: { ETag: '"x"' } }));
    await expect(cache.get('good')).rejects.toThrow(/arrived damaged/);
  });

  it('gives a copy to transfer, readable as a set on the other side, while the cache keeps its own', async () => {
    const server = fakeServer(['+14155550100', '+33142685300']);
    const cache = createPackedListCache(server.fetchImpl);
    const list = await cache.get('good');
    const copy = copyBytes(list);
    structuredClone(copy, { transfer: [copy] }); // detaches the copy, as postMessage would
    expect(copy.byteLength).toBe(0);
    expect(list.set.has('+33142685300')).toBe(true);
    expect(packedSetFromBuffer(copyBytes(list)).has('+33142685300')).toBe(true);
  });

  it('hands the preview a copy from the request started when the page opened, then revalidates for the next file', async () => {
    const server = fakeServer(['+14155550100', '+14155550101']);
    const cache = createPackedListCache(server.fetchImpl);
    const prefetch = cache.get('good');
    const forPreview = transferableList(cache, 'good');
    const bytes = await forPreview();
    expect(server.calls).toHaveLength(1);
    expect(await prefetch).toBe(cache.peek());
    expect(bytes).not.toBe(cache.peek()!.bytes);
    expect(packedSetFromBuffer(bytes).has('+14155550101')).toBe(true);
    // Transferring the copy away leaves the cache's own bytes intact.
    structuredClone(bytes, { transfer: [bytes] });
    expect(cache.peek()!.set.has('+14155550101')).toBe(true);

    const again = await forPreview();
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]!.headers['If-None-Match']).toBe('"v1"');
    expect(packedSetFromBuffer(again).size).toBe(2);
  });
});
