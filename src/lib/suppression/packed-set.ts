/**
 * The suppression list in compact form for the browser preview: each E.164 number as the double
 * holding its digits (at most 15, so below 2^53 and exact), sorted ascending, little-endian, 8 bytes
 * a number (1M numbers = 8 MB). Looked up by binary search. Pure: no DOM or Workers APIs.
 */

import { phoneKey } from '../dedupe/phone-key.ts';

/** Bytes per number in the packed form. */
export const PACKED_BYTES_PER_NUMBER = 8;

/** The digits of an E.164 number as a double (the same key as in-file dedupe), or undefined for anything that is not E.164. */
export function e164Key(e164: string): number | undefined {
  return e164.charCodeAt(0) === 43 ? phoneKey(e164) || undefined : undefined;
}

/** The E.164 number a key stands for. */
export function keyToE164(key: number): string {
  return '+' + String(key);
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Sorted, distinct keys of the E.164 numbers (anything else is skipped), packed little-endian. */
export function packNumbers(e164s: Iterable<string>): Uint8Array<ArrayBuffer> {
  const keys: number[] = [];
  for (const e164 of e164s) {
    const key = e164Key(e164);
    if (key !== undefined) keys.push(key);
  }
  const sorted = new Float64Array(keys).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return packSortedKeys(sorted.subarray(0, n));
}

/** Packs keys that are already sorted ascending and distinct (the Worker builds them that way). */
export function packSortedKeys(keys: Float64Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(keys.length * PACKED_BYTES_PER_NUMBER);
  if (LITTLE_ENDIAN) {
    out.set(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
  } else {
    const view = new DataView(out.buffer);
    for (let i = 0; i < keys.length; i++) view.setFloat64(i * PACKED_BYTES_PER_NUMBER, keys[i]!, true);
  }
  return out;
}

export interface PackedSet {
  /** Whether this E.164 number is in the set (false for anything that is not E.164). */
  has(e164: string): boolean;
  /** Whether the number with these digits (as a double) is in the set. */
  hasKey(key: number): boolean;
  readonly size: number;
  /** Binary-search steps taken so far by every lookup (the work a lookup costs, counted for tests). */
  readonly probes: number;
}

/** A well-mixed 32-bit hash of a key (an integer below 2^53): its high and low words mixed (murmur3's finaliser). */
function slotOf(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Reads a packed list (as sent by GET /api/v1/suppressions/packed). Throws a RangeError when its length is not a multiple of 8. */
export function createPackedSet(bytes: Uint8Array): PackedSet {
  if (bytes.byteLength % PACKED_BYTES_PER_NUMBER !== 0) {
    throw new RangeError(`A packed suppression list is a multiple of ${PACKED_BYTES_PER_NUMBER} bytes long; this one has ${bytes.byteLength}.`);
  }
  const size = bytes.byteLength / PACKED_BYTES_PER_NUMBER;
  let keys: Float64Array;
  if (LITTLE_ENDIAN && bytes.byteOffset % PACKED_BYTES_PER_NUMBER === 0) {
    keys = new Float64Array(bytes.buffer, bytes.byteOffset, size);
  } else {
    keys = new Float64Array(size);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < size; i++) keys[i] = view.getFloat64(i * PACKED_BYTES_PER_NUMBER, true);
  }
  // Most numbers looked up are not listed: a one-bit-per-slot filter (8 slots a listed number, at
  // most 2 MB) turns ~9 in 10 of them away before the binary search, whose 20 steps over megabytes
  // of keys are mostly cache misses. No false negatives: every key sets its own bit.
  const filterBits = Math.min(1 << 24, Math.max(1 << 10, nextPowerOfTwo(size * 8)));
  const filterShift = 32 - Math.log2(filterBits);
  const filter = new Uint32Array(filterBits >>> 5);
  for (let i = 0; i < size; i++) {
    const bit = slotOf(keys[i]!) >>> filterShift;
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  let probes = 0;
  const hasKey = (key: number): boolean => {
    const bit = slotOf(key) >>> filterShift;
    if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    let lo = 0;
    let hi = size - 1;
    while (lo <= hi) {
      probes++;
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return true;
    }
    return false;
  };
  return {
    has(e164: string): boolean {
      const key = e164Key(e164);
      return key !== undefined && hasKey(key);
    },
    hasKey,
    size,
    get probes() {
      return probes;
    },
  };
}
