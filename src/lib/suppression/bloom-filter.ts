/**
 * A Bloom filter over phone-number keys (the E.164 digits as a double, packed-set.ts): for a list
 * too large to send whole, the browser gets this instead. It never misses a number it was built
 * with; a number it was not built with answers "maybe" at a small rate that grows with the list
 * (about 1 in 15,000 at 10 million numbers in 24 MB). k bit positions per key by double hashing
 * (Kirsch and Mitzenmacher) of two 32-bit mixes of the key, mapped onto m bits by multiplying (any
 * m, not only a power of two). Pure, and the same arithmetic in the Worker that builds it and the
 * browser that reads it.
 */

/** Bits per number aimed at when the budget allows (a false "maybe" about once in ten million). */
const TARGET_BITS_PER_NUMBER = 32;
const MAX_HASHES = 16;

/** The filter's size in bits for `n` numbers within `maxBits`: a multiple of 32, at least 32. */
export function filterBits(n: number, maxBits: number): number {
  const wanted = Math.max(32, Math.min(maxBits, n * TARGET_BITS_PER_NUMBER));
  return Math.max(32, Math.floor(wanted / 32) * 32);
}

/** Bit positions per key for `n` numbers in `m` bits: m/n·ln 2, between 1 and 16. */
export function filterHashes(m: number, n: number): number {
  if (n <= 0) return 1;
  return Math.min(MAX_HASHES, Math.max(1, Math.round((m / n) * Math.LN2)));
}

/** murmur3's 32-bit finaliser. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** floor(x · m / 2^32) exactly, for x < 2^32 and m < 2^32 (products split so every step stays below 2^53). */
function scale(x: number, m: number): number {
  const high = (x >>> 16) * m;
  const low = (x & 0xffff) * m;
  return Math.floor((high + Math.floor(low / 65536)) / 65536);
}

/** The key's first hash (the first bit position's). */
function hash1(lo: number, hi: number): number {
  return fmix(lo ^ Math.imul(hi, 0x9e3779b1));
}

/** The key's second hash (the step between positions, odd). */
function hash2(lo: number, hi: number): number {
  return fmix(hi ^ Math.imul(lo, 0x85ebca6b) ^ 0x5bd1e995) | 1;
}

export interface BloomFilter {
  readonly bits: number;
  readonly hashes: number;
  /** The filter's words (the bytes sent, little-endian on every platform the app runs on). */
  readonly words: Uint32Array;
  add(key: number): void;
  mayHave(key: number): boolean;
}

/** A filter of `bits` bits (a multiple of 32) and `hashes` positions a key, over `words` (new zeroed words when not given). */
export function createBloomFilter(bits: number, k: number, words: Uint32Array = new Uint32Array(bits >>> 5)): BloomFilter {
  if (bits % 32 !== 0 || words.length !== bits >>> 5) throw new RangeError(`A filter of ${bits} bits needs ${bits >>> 5} words; it has ${words.length}.`);
  if (!(k >= 1 && k <= MAX_HASHES)) throw new RangeError(`A filter uses 1 to ${MAX_HASHES} bit positions a number, not ${k}.`);
  return {
    bits,
    hashes: k,
    words,
    add(key) {
      const lo = key >>> 0;
      const hi = Math.floor(key / 4294967296) >>> 0;
      const h1 = hash1(lo, hi);
      const h2 = hash2(lo, hi);
      for (let i = 0; i < k; i++) {
        const bit = scale((h1 + Math.imul(i, h2)) >>> 0, bits);
        words[bit >>> 5]! |= 1 << (bit & 31);
      }
    },
    mayHave(key) {
      const lo = key >>> 0;
      const hi = Math.floor(key / 4294967296) >>> 0;
      const h1 = hash1(lo, hi);
      const h2 = hash2(lo, hi);
      for (let i = 0; i < k; i++) {
        const bit = scale((h1 + Math.imul(i, h2)) >>> 0, bits);
        if ((words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
      }
      return true;
    },
  };
}
