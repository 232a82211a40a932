/**
 * Hash flooding: numbers in an uploaded file are chosen by whoever uploads it. Crafted valid
 * numbers must not pile into one probe cluster of the first-occurrence table (each insert would
 * then walk the whole cluster: quadratic). Counted in probes, not time.
 */
import { describe, expect, it } from 'vitest';
import { phoneKey } from './phone-key.ts';
import { createPhoneNormalizer } from '../validate/phone.ts';
import { createFirstOccurrenceIndex, type FirstOccurrenceIndex } from './in-file.ts';
import { keyHash, type KeySeed } from './key-hash.ts';

/** Records every key (the coordinator's path), then looks every key up; slots inspected per call. */
function probesPerCall(index: FirstOccurrenceIndex, keys: number[]): number {
  keys.forEach((key, i) => index.recordKey(key, i + 1));
  for (const key of keys) index.firstOfKey(key);
  expect(index.size).toBe(new Set(keys).size);
  return index.probes / (2 * keys.length);
}

/** The table's hash before it was seeded: slot = low bits of a product of each half. */
function unseededSlot(key: number, capacity: number): number {
  const h = (Math.imul(key % 4294967296 >>> 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296), 0x85ebca6b)) >>> 0;
  return h & (capacity - 1);
}

describe('first-occurrence table under crafted numbers', () => {
  it('valid US numbers 65,536 apart (one home slot under the unseeded hash) spread out', () => {
    // Keys that differ only above bit 16 have the same low 16 bits in the old product, so every one
    // of them started probing at the same slot of a 65,536-slot table.
    const normalizer = createPhoneNormalizer('US');
    const keys: number[] = [];
    for (let j = 0; keys.length < 20_000 && j < 60_000; j++) {
      const result = normalizer.normalize(`+${12012000000 + j * 65536}`);
      if (result.ok) keys.push(phoneKey(result.phone.e164));
    }
    expect(keys.length).toBe(20_000);
    expect(new Set(keys.map((k) => unseededSlot(k, 1 << 16))).size).toBeLessThanOrEqual(2);

    expect(probesPerCall(createFirstOccurrenceIndex(), keys)).toBeLessThan(4);
  });

  it('numbers crafted against a known seed cluster under that seed only: the seed must be secret', () => {
    const known: KeySeed = [0x12345678, 0x9abcdef0];
    // Numbers whose hash under the known seed has its top 8 bits zero: all in the first 1/256 of
    // the table whatever its size.
    const keys: number[] = [];
    for (let key = 12012000000; keys.length < 5_000; key++) if (keyHash(key, known[0], known[1]) >>> 24 === 0) keys.push(key);

    // The attack works when the seed is known (so this test can tell a fixed seed from a random one)…
    expect(probesPerCall(createFirstOccurrenceIndex({ seed: known }), keys)).toBeGreaterThan(100);
    // …and not against a table with a seed of its own.
    expect(probesPerCall(createFirstOccurrenceIndex(), keys)).toBeLessThan(4);
    expect(probesPerCall(createFirstOccurrenceIndex({ seed: [known[0] ^ 1, known[1]] }), keys)).toBeLessThan(4);
  });

  it('consecutive numbers (a block of one exchange) and numbers one digit apart stay cheap', () => {
    const block = Array.from({ length: 50_000 }, (_, i) => 14155550000 + i);
    expect(probesPerCall(createFirstOccurrenceIndex(), block)).toBeLessThan(4);
    const strided = Array.from({ length: 50_000 }, (_, i) => 440000000000 + i * 1_000_000);
    expect(probesPerCall(createFirstOccurrenceIndex(), strided)).toBeLessThan(4);
  });

  it('answers the same whatever the seed', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => 4915100000000 + ((i * 7919) % 5000) * 4096);
    const a = createFirstOccurrenceIndex({ seed: [1, 2] });
    const b = createFirstOccurrenceIndex();
    keys.forEach((key, i) => (a.recordKey(key, keys.length - i), b.recordKey(key, keys.length - i)));
    expect(a.size).toBe(b.size);
    for (const key of keys) expect(a.firstOfKey(key)).toBe(b.firstOfKey(key));
  });
});
