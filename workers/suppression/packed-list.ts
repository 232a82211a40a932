/**
 * GET /suppressions/packed: the numbers of the workspace's list in force now, in the packed form
 * the browser preview looks numbers up in (src/lib/suppression/packed-list.ts): exact while it fits
 * the byte budget (24 MiB), a filter that never misses a listed number beyond.
 *
 * Building it reads the whole list (seconds for millions of numbers, build-packed.ts), so the bytes
 * are kept in R2 (packedCacheKey) with what they were built from: the list's shard and version
 * (list-version.ts, set anew by every write that changes what is in force) and within which byte
 * budget. A request reads the
 * version (one small row) and the cached object's metadata (a head): when both still match, the
 * cache answers, and a client that has it already gets a 304 without the list being read at all.
 * An entry expiring never makes a rebuild: the exact form carries expiries (the reader drops an entry
 * once its time has passed) and the filter may keep an expired number (a "probably" only).
 *
 * The cached object is derived data, one per workspace, overwritten in place: it is not charged to
 * the workspace's storage quota (workers/quota counts what users upload) and lives outside
 * `ws/<workspace>/imports/`, which retention sweeps.
 */
import { envNumber, type Env } from '../env.ts';
import type { PackedForm } from '../../src/lib/suppression/packed-list.ts';
import { suppressionStore } from './store.ts';
import { countListed } from './sources-store.ts';
import { buildPacked } from './build-packed.ts';
import { SuppressionRefusal } from './refusals.ts';

export interface PackedList {
  /** A quoted strong ETag, new with every build (a new list version). */
  etag: string;
  count: number;
  form: PackedForm;
  /** The bytes; null when `notModified` accepted the ETag (nothing was read). */
  body: ReadableStream | null;
}

/** What a cached packed list was built from (the R2 object's customMetadata, all strings). */
interface CacheMeta {
  /** The body's layout: a cache of another layout is rebuilt. */
  layout: string;
  /** The byte budget it was built within: a cache of another budget is rebuilt. */
  budget: string;
  version: string;
  shard: string;
  builtAt: string;
  count: string;
  form: PackedForm;
  etag: string;
}

const LAYOUT = 'spk2';

/** The R2 key of a workspace's cached packed list (outside its imports' prefix: see above). */
export function packedCacheKey(workspaceId: string): string {
  return `cache/suppressions/${workspaceId}/packed`;
}

/** The byte budget of the browser's copy (PACKED_LIST_MAX_BYTES lowers it in tests). */
export function packedMaxBytes(env: Env): number {
  return envNumber(env, 'PACKED_LIST_MAX_BYTES');
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
  const budget = String(packedMaxBytes(env));
  const cached = await fromCache(env, key, { shard, version, budget }, notModified);
  if (cached) return cached;

  const builtAt = at.toISOString();
  const etag = await etagOf(workspaceId, shard, version, builtAt, LAYOUT, budget);
  let stored: R2Object | null = null;
  const built = await buildPacked(
    { upperBound: () => countListed(env, workspaceId), pages: () => store.activeNumbers(at) },
    Number(budget),
    async (body, length, b) => {
      const meta: CacheMeta = { layout: LAYOUT, budget, version, shard, builtAt, count: String(b.count), form: b.form, etag };
      stored = await env.UPLOADS.put(key, body, { customMetadata: { ...meta }, httpMetadata: { contentType: 'application/octet-stream' } });
      if (stored?.size !== length) throw new Error('packed list stored short');
    },
  ).catch((err) => {
    console.warn(`suppressions: the packed list could not be built (${err instanceof Error ? err.name : 'error'})`);
    throw new SuppressionRefusal('STORAGE_UNAVAILABLE', 'The do-not-call list could not be prepared just now. Try again in a moment (imports still check every number).');
  });
  if (notModified(etag)) return { etag, count: built.count, form: built.form, body: null };
  const object = await env.UPLOADS.get(key, { onlyIf: { etagMatches: stored!.etag } });
  if (!object || !('body' in object)) throw new SuppressionRefusal('STORAGE_UNAVAILABLE', 'The do-not-call list changed while it was prepared. Try again.');
  return { etag, count: built.count, form: built.form, body: object.body };
}

/** The cached list when it was built from this shard, version and budget; null when it must be rebuilt. */
async function fromCache(
  env: Env,
  key: string,
  from: { shard: string; version: string; budget: string },
  notModified: (etag: string) => boolean,
): Promise<PackedList | null> {
  const head = await env.UPLOADS.head(key).catch(() => null);
  const meta = head?.customMetadata as Partial<CacheMeta> | undefined;
  if (!meta || meta.layout !== LAYOUT || meta.shard !== from.shard || meta.version !== from.version || meta.budget !== from.budget) return null;
  if (!meta.etag || meta.count === undefined || !meta.form) return null;
  const answer = { etag: meta.etag, count: Number(meta.count), form: meta.form };
  if (notModified(meta.etag)) return { ...answer, body: null };
  const object = await env.UPLOADS.get(key, { onlyIf: { etagMatches: head!.etag } }).catch(() => null);
  // Overwritten (or gone) since the head: built again by the caller.
  return object && 'body' in object ? { ...answer, body: object.body } : null;
}

/** 32 hex digits of a SHA-256 over what identifies a build (the workspace too: ETags never collide across workspaces). */
async function etagOf(...parts: string[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n'))));
  return '"' + Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('') + '"';
}
