/**
 * Builds the packed list (src/lib/suppression/packed-list.ts) of the numbers in force at `at`
 * straight into R2, in memory bounded by the byte budget whatever the list's size: the numbers are
 * read in pages (store.activeNumbers) and never held as strings, the exact form fills one array sized
 * from the sources' counts (no growing copies) and is sorted in place, the filter form is one array
 * of the budget's size at most, and the bytes are streamed to R2 from those arrays (a fixed-length
 * stream, no second copy).
 */
import { createBloomFilter, filterBits, filterHashes } from '../../src/lib/suppression/bloom-filter.ts';
import { exactBytes, PACKED_HEADER_BYTES, writePackedHeader, type PackedForm } from '../../src/lib/suppression/packed-list.ts';
import { e164Key } from '../../src/lib/suppression/packed-set.ts';
import type { ActivePage } from './store.ts';

export interface BuiltPacked {
  form: PackedForm;
  /** Numbers in force. */
  count: number;
  /** Bytes written. */
  bytes: number;
}

export interface PackedSource {
  /** At least as many numbers as are in force (the sources' counts: expired entries and numbers in two sources counted too). */
  upperBound(): Promise<number>;
  pages(): AsyncGenerator<ActivePage>;
}

/** Bytes handed to the stream at a time. */
const WRITE_SLICE = 1024 * 1024;

/** Stores a stream of exactly `length` bytes, knowing what it is. */
export type PutPacked = (body: ReadableStream, length: number, built: BuiltPacked) => Promise<void>;

/** Builds and writes the packed list: the numbers are all read before `put` is called. */
export async function buildPacked(source: PackedSource, maxBytes: number, put: PutPacked): Promise<BuiltPacked> {
  let bound = await source.upperBound();
  // A bound too small (sources' counts behind the list) is raised and the read repeated, never grown in place.
  while (exactBytes(bound, 0) <= maxBytes) {
    const built = await tryExact(source, bound, maxBytes, put);
    if (built === 'over-budget') break;
    if (built !== 'too-small') return built;
    bound = Math.min(Math.max(1024, bound * 2), Math.floor((maxBytes - PACKED_HEADER_BYTES) / 8));
  }
  return filterForm(source, bound, maxBytes, put);
}

async function tryExact(source: PackedSource, bound: number, maxBytes: number, put: PutPacked): Promise<BuiltPacked | 'too-small' | 'over-budget'> {
  // Numbers without expiry from the front, those with one from the back; expiries beside them.
  const keys = new Float64Array(bound);
  const expiries: number[] = [];
  let p = 0;
  let e = 0;
  for await (const page of source.pages()) {
    if (exactBytes(p + page.permanent.length, e + page.expiring.length) > maxBytes) return 'over-budget';
    if (p + e + page.permanent.length + page.expiring.length > bound) return 'too-small';
    for (const phone of page.permanent) {
      const key = e164Key(phone);
      if (key !== undefined) keys[p++] = key;
    }
    for (const [phone, expires] of page.expiring) {
      const key = e164Key(phone);
      if (key === undefined) continue;
      keys[bound - 1 - e++] = key;
      expiries.push(Date.parse(expires));
    }
  }
  // Text order is not numeric order (+44… vs +1…), and a number may be listed in several sources:
  // sort, then keep each number once, without expiry if any source lists it so, else its latest.
  const permanent = distinctSorted(keys.subarray(0, p).sort());
  const order = Uint32Array.from({ length: e }, (_, i) => i).sort((a, b) => keys[bound - 1 - a]! - keys[bound - 1 - b]! || expiries[b]! - expiries[a]!);
  const expiringKeys = new Float64Array(e);
  const expiringAt = new Float64Array(e);
  let kept = 0;
  for (let i = 0, at = 0; i < e; i++) {
    const key = keys[bound - 1 - order[i]!]!;
    if (kept && expiringKeys[kept - 1] === key) continue; // the latest expiry came first
    while (at < permanent.length && permanent[at]! < key) at++;
    if (at < permanent.length && permanent[at] === key) continue;
    expiringKeys[kept] = key;
    expiringAt[kept++] = expiries[order[i]!]!;
  }
  p = permanent.length;
  e = kept;
  const header = writePackedHeader({ form: 'exact', count: p + e, permanent: p, expiring: e, bits: 0, hashes: 0 });
  const built: BuiltPacked = { form: 'exact', count: p + e, bytes: exactBytes(p, e) };
  await write(put, built, [header, bytesOf(permanent), bytesOf(expiringKeys.subarray(0, e)), bytesOf(expiringAt.subarray(0, e))]);
  return built;
}

async function filterForm(source: PackedSource, bound: number, maxBytes: number, put: PutPacked): Promise<BuiltPacked> {
  const bits = filterBits(bound, (maxBytes - PACKED_HEADER_BYTES) * 8);
  const filter = createBloomFilter(bits, filterHashes(bits, bound));
  let count = 0;
  for await (const page of source.pages()) {
    // An entry that expires stays in the filter until the next build: a stale "probably" only. A
  // number listed in two sources is added twice, which changes nothing in the filter.
    for (const phone of [...page.permanent, ...page.expiring.map(([p]) => p)]) {
      const key = e164Key(phone);
      if (key === undefined) continue;
      filter.add(key);
      count++;
    }
  }
  const header = writePackedHeader({ form: 'filter', count, permanent: 0, expiring: 0, bits, hashes: filter.hashes });
  const built: BuiltPacked = { form: 'filter', count, bytes: PACKED_HEADER_BYTES + bits / 8 };
  await write(put, built, [header, new Uint8Array(filter.words.buffer, filter.words.byteOffset, filter.words.byteLength)]);
  return built;
}

/** Ascending keys with repeats removed, in place. */
function distinctSorted(sorted: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** The little-endian bytes of doubles (every platform Workers and browsers run on is little-endian). */
function bytesOf(a: Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Streams the parts to `put` as one body of `built.bytes` bytes, a slice at a time (views, not copies). */
async function write(put: PutPacked, built: BuiltPacked, parts: Uint8Array[]): Promise<void> {
  const stream = new FixedLengthStream(built.bytes);
  const stored = put(stream.readable, built.bytes, built);
  const writer = stream.writable.getWriter();
  try {
    for (const part of parts) {
      for (let at = 0; at < part.byteLength; at += WRITE_SLICE) await writer.write(part.subarray(at, at + WRITE_SLICE));
    }
    await writer.close();
  } catch (err) {
    await writer.abort(err).catch(() => {});
    await stored.catch(() => {});
    throw err;
  }
  await stored;
}
