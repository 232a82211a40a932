/**
 * The workspace's suppression list in the browser, in its packed form (GET /api/v1/suppressions/packed,
 * src/lib/suppression/packed-list.ts: exact at 8 bytes a number while it fits 24 MB, a filter
 * beyond). Kept in memory with its ETag; a refetch sends If-None-Match and a 304 keeps the bytes
 * already here. One cache per page.
 */
import { checkPacked, createSuppressionLookup, type PackedForm, type SuppressionLookup } from '../../suppression/packed-list.ts';

export interface PackedList {
  /** The list to look numbers up in, made when first asked for (the preview's worker makes its own from a copy). */
  readonly set: SuppressionLookup;
  /** exact, or filter (a hit is only "probably listed"). */
  form: PackedForm;
  /** The packed bytes; not to be transferred (the cache keeps using them): transfer a `copyBytes()` instead. */
  bytes: ArrayBuffer;
  etag: string | null;
  /** When the server built it (expired entries left out as of then). */
  asOf: string | null;
}

/** Error of a fetch the server refused or could not answer; `status` 0 when the network failed. */
export class PackedListError extends Error {
  override name = 'PackedListError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface PackedListCache {
  /** The list of the workspace `scope`, fetched at the first call and revalidated (If-None-Match) at each later one. Concurrent calls share one request. */
  get(scope: string): Promise<PackedList>;
  /** The list last fetched, without asking the server; null before the first fetch. */
  peek(): PackedList | null;
  /** Forgets the list (e.g. after signing out). */
  clear(): void;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A lookup over bytes received elsewhere, e.g. a copy transferred to the preview worker (expiries as of now). */
export function packedSetFromBuffer(buffer: ArrayBuffer): SuppressionLookup {
  return createSuppressionLookup(new Uint8Array(buffer));
}

/** A copy of the list's bytes to transfer to a worker (postMessage(…, [copy])) while the cache keeps its own. */
export function copyBytes(list: PackedList): ArrayBuffer {
  return list.bytes.slice(0);
}

export function createPackedListCache(fetchImpl: Fetch = (input, init) => fetch(input, init), path = '/api/v1/suppressions/packed'): PackedListCache {
  let cached: (PackedList & { scope: string }) | null = null;
  let inflight: { scope: string; promise: Promise<PackedList> } | null = null;

  async function load(scope: string): Promise<PackedList> {
    const previous = cached?.scope === scope ? cached : null;
    const headers: Record<string, string> = {};
    if (previous?.etag) headers['If-None-Match'] = previous.etag;
    let res: Response;
    try {
      res = await fetchImpl(path, { headers, cache: 'no-store' });
    } catch {
      throw new PackedListError('The suppression list could not be fetched: the server could not be reached.', 0);
    }
    if (res.status === 304 && previous) return previous;
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new PackedListError(body?.error?.message ?? `The suppression list could not be fetched (HTTP ${res.status}).`, res.status);
    }
    const bytes = await res.arrayBuffer();
    let form: PackedForm;
    try {
      // Only its header and length here, on the page's thread: the lookup is built where it is used.
      form = checkPacked(new Uint8Array(bytes)).form;
    } catch (e) {
      throw new PackedListError(e instanceof Error ? e.message : 'The suppression list arrived damaged.', res.status);
    }
    let set: SuppressionLookup | null = null;
    cached = {
      scope,
      form,
      get set() {
        return (set ??= packedSetFromBuffer(bytes));
      },
      bytes,
      etag: res.headers.get('etag'),
      asOf: res.headers.get('x-suppression-as-of'),
    };
    return cached;
  }

  return {
    get(scope) {
      if (inflight?.scope === scope) return inflight.promise;
      const promise = load(scope).finally(() => {
        if (inflight?.promise === promise) inflight = null;
      });
      inflight = { scope, promise };
      return promise;
    },
    peek: () => cached,
    clear() {
      cached = null;
      inflight = null;
    },
  };
}

/**
 * The list's bytes to transfer to a worker, from the page's cache: revalidated (a 304 costs the
 * server no list read), or the request already in flight (a fetch started when the page opened)
 * awaited. The cache keeps its own bytes for the next file. Throws a PackedListError.
 */
export function transferableList(cache: PackedListCache, scope: string): () => Promise<ArrayBuffer> {
  return async () => copyBytes(await cache.get(scope));
}
