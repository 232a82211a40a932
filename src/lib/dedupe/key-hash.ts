/**
 * A seeded hash of a phone key (the E.164 digits as an integer, below 2^53) to 32 bits.
 *
 * The numbers come from uploaded files, so an attacker chooses them: an unseeded hash lets one pick
 * valid numbers that all land in one probe cluster, and every insert then walks the whole cluster
 * (quadratic). Each half of the key goes through a keyed round of murmur3's 32-bit finaliser (a
 * bijection with full avalanche), so which numbers cluster depends on a seed the attacker never
 * sees; the table takes its slot from the high bits of the result.
 */

/** Two 32-bit words, chosen at random per table. */
export type KeySeed = readonly [number, number];

/** A fresh random seed (crypto.getRandomValues: in Node, browsers and Workers at request time). */
export function randomKeySeed(): KeySeed {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return [words[0]!, words[1]!];
}

/** murmur3's finaliser: every input bit flips each output bit with probability about one half. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const TWO_32 = 4294967296;

/** The key's 32-bit hash under `seed` (an unsigned integer). `key` is a positive safe integer. */
export function keyHash(key: number, seed0: number, seed1: number): number {
  const hi = (key / TWO_32) >>> 0;
  const lo = (key - hi * TWO_32) >>> 0;
  return fmix32(fmix32(lo ^ seed0) ^ hi ^ seed1) >>> 0;
}
