/**
 * GET /suppressions/packed: the numbers of the workspace's list in force now, in the packed form
 * the browser preview looks numbers up in (src/lib/suppression/packed-set.ts: sorted little-endian
 * doubles of the E.164 digits, 8 bytes a number), with a strong ETag over those bytes.
 */
import type { Env } from '../env.ts';
import { e164Key, packSortedKeys } from '../../src/lib/suppression/packed-set.ts';
import { suppressionStore } from './store.ts';

export interface PackedList {
  bytes: Uint8Array<ArrayBuffer>;
  count: number;
  /** A quoted strong ETag: the SHA-256 of the bytes (so an entry expiring changes it too). */
  etag: string;
}

export async function packedList(env: Env, workspaceId: string, at: Date): Promise<PackedList> {
  let keys = new Float64Array(1024);
  let count = 0;
  for await (const page of suppressionStore(env, workspaceId).activeNumbers(at)) {
    if (count + page.length > keys.length) {
      const grown = new Float64Array(Math.max(keys.length * 2, count + page.length));
      grown.set(keys.subarray(0, count));
      keys = grown;
    }
    for (const phone of page) {
      const key = e164Key(phone);
      if (key !== undefined) keys[count++] = key;
    }
  }
  // Stored numbers are distinct; text order is not numeric order (+44… vs +1…), so sort.
  const bytes = packSortedKeys(keys.subarray(0, count).sort());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const etag = '"' + Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('') + '"';
  return { bytes, count, etag };
}
