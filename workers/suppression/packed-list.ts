/**
 * GET /suppressions/packed: the numbers of the workspace's list in force now, in the packed form
 * the browser preview looks numbers up in (src/lib/suppression/packed-set.ts: sorted little-endian
 * doubles of the E.164 digits, 8 bytes a number).
 *
 * Building it reads, sorts and packs the whole list (seconds for a million numbers), so the bytes
 * are kept in R2 (packedCacheKey) with what they were built from: the list's shard and version
 * (store.ts, set anew by every write) and the earliest expiry among their entries. A request reads
 * the version (one small row) and the cached object's metadata (a head): when both still match and
 * no entry has expired since, the cache answers, and a client that has it already gets a 304
 * without the list being read at all. Otherwise the list is rebuilt and the cache overwritten.
 *
 * The cached object is derived data, one per workspace (8 bytes a listed number), overwritten in
 * place: it is not charged to the workspace's storage quota (workers/quota counts what users
 * upload) and lives outside `ws/<workspace>/imports/`, which retention sweeps.
 */
import type { Env } from '../env.ts';
import { e164Key, packSortedKeys } from '../../src/lib/suppression/packed-set.ts';
import { suppressionStore } from './store.ts';

export interface PackedList {
  /** A quoted strong ETag, new with every build (a new list version, or an entry that expired). */
  etag: string;
  count: number;
  /** The bytes; null when `notModified` accepted the ETag (nothing was read). */
  body: ReadableStream | Uint8Array<ArrayBuffer> | null;
}

/** What a cached packed list was built from (the R2 object's customMetadata, all strings). */
interface CacheMeta {
  version: string;
  shard: string;
  builtAt: string;
  /** The earliest expires_at, after builtAt, among the entries packed; 'none' when none expires. */
  nextExpiry: string;
  count: string;
  etag: string;
}

const NO_EXPIRY = 'none';

/** The R2 key of a workspace's cached packed list (outside its imports' prefix: see above). */
export function packedCacheKey(workspaceId: string): string {
  return `cache/suppressions/${workspaceId}/packed`;
}

/**
 * The packed list in force at `at`; `notModified(etag)` says whether the client already holds that
 * ETag (If-None-Match), in which case no bytes are read.
 */
export async function packedList(env: Env, workspaceId: string, at: Date, notModified: (etag: string) => boolean = () => false): Promise<PackedList> {
  const store = suppressionStore(env, workspaceId);
  const key = packedCacheKey(workspaceId);
  // Read before the list: a write during the build leaves the cache tagged with the older version.
  const { shard, version } = await store.version();
  const head = await env.UPLOADS.head(key).catch(() => null);
  const meta = head?.customMetadata as Partial<CacheMeta> | undefined;
  if (meta && isCurrent(meta, shard, version, at)) {
    const count = Number(meta.count);
    if (notModified(meta.etag!)) return { etag: meta.etag!, count, body: null };
    const object = await env.UPLOADS.get(key, { onlyIf: { etagMatches: head!.etag } }).catch(() => null);
    if (object && 'body' in object) return { etag: meta.etag!, count, body: object.body };
    // Overwritten (or gone) since the head: build it here.
  }
  const built = await build(store, workspaceId, shard, version, at);
  try {
    await env.UPLOADS.put(key, built.bytes, { customMetadata: { ...built.meta } });
  } catch {
    console.warn('suppressions: the packed list could not be cached; it is rebuilt at the next request');
  }
  const body = notModified(built.meta.etag) ? null : built.bytes;
  return { etag: built.meta.etag, count: built.count, body };
}

function isCurrent(meta: Partial<CacheMeta>, shard: string, version: string, at: Date): boolean {
  if (meta.shard !== shard || meta.version !== version || !meta.etag || !meta.builtAt || meta.count === undefined) return false;
  const now = at.toISOString();
  // A clock that went back must not keep a list built "later" than now.
  if (meta.builtAt > now) return false;
  return meta.nextExpiry === NO_EXPIRY || (meta.nextExpiry !== undefined && now < meta.nextExpiry);
}

async function build(store: ReturnType<typeof suppressionStore>, workspaceId: string, shard: string, version: string, at: Date) {
  let keys = new Float64Array(1024);
  let count = 0;
  let nextExpiry: string | null = null;
  for await (const page of store.activeNumbers(at)) {
    if (page.nextExpiry !== null && (nextExpiry === null || page.nextExpiry < nextExpiry)) nextExpiry = page.nextExpiry;
    if (count + page.phones.length > keys.length) {
      const grown = new Float64Array(Math.max(keys.length * 2, count + page.phones.length));
      grown.set(keys.subarray(0, count));
      keys = grown;
    }
    for (const phone of page.phones) {
      const key = e164Key(phone);
      if (key !== undefined) keys[count++] = key;
    }
  }
  // Stored numbers are distinct; text order is not numeric order (+44… vs +1…), so sort.
  const bytes = packSortedKeys(keys.subarray(0, count).sort());
  const builtAt = at.toISOString();
  const meta: CacheMeta = { version, shard, builtAt, nextExpiry: nextExpiry ?? NO_EXPIRY, count: String(count), etag: await etagOf(workspaceId, shard, version, builtAt) };
  return { bytes, count, meta };
}

/** 32 hex digits of a SHA-256 over what identifies a build (the workspace too: ETags never collide across workspaces). */
async function etagOf(...parts: string[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n'))));
  return '"' + Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('') + '"';
}
