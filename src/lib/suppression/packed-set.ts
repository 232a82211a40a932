/**
 * Numbers as keys, and a sorted array of keys looked up fast: each E.164 number is the double
 * holding its digits (at most 15, so below 2^53 and exact). Pure: no DOM or Workers APIs.
 */

import { phoneKey } from '../dedupe/phone-key.ts';

/** Bytes per number in a sorted key array. */
export const PACKED_BYTES_PER_NUMBER = 8;

/** The digits of an E.164 number as a double (the same key as in-file dedupe), or undefined for anything that is not E.164. */
export function e164Key(e164: string): number | undefined {
  return e164.charCodeAt(0) === 43 ? phoneKey(e164) || undefined : undefined;
}

/** The E.164 number a key stands for. */
export function keyToE164(key: number): string {
  return '+' + String(key);
}

/** Sorted, distinct keys of the E.164 numbers (anything else is skipped). */
export function sortedKeys(e164s: Iterable<string>): Float64Array {
  const keys: number[] = [];
  for (const e164 of e164s) {
    const key = e164Key(e164);
    if (key !== undefined) keys.push(key);
  }
  const sorted = new Float64Array(keys).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** Position of `key` in ascending `keys`, or -1. */
export function searchKey(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
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

/**
 * A quick "certainly not" for keys of sorted arrays: most numbers looked up are not listed, and a
 * one-bit-per-slot filter (8 slots a listed number, at most 2 MB) turns ~9 in 10 of them away before
 * the binary search, whose 20 steps over megabytes of keys are mostly cache misses. No false
 * negatives: every key sets its own bit.
 */
export function createKeyScreen(arrays: readonly Float64Array[]): (key: number) => boolean {
  const size = arrays.reduce((n, a) => n + a.length, 0);
  const filterBits = Math.min(1 << 24, Math.max(1 << 10, nextPowerOfTwo(size * 8)));
  const filterShift = 32 - Math.log2(filterBits);
  const filter = new Uint32Array(filterBits >>> 5);
  for (const keys of arrays) {
    for (let i = 0; i < keys.length; i++) {
      const bit = slotOf(keys[i]!) >>> filterShift;
      filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  return (key) => {
    const bit = slotOf(key) >>> filterShift;
    return (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  };
}
