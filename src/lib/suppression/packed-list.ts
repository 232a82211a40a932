/**
 * The suppression list as the browser gets it (GET /api/v1/suppressions/packed), in one of two
 * forms, both within a byte budget (24 MiB) at any list size:
 *
 * - exact, while it fits: the numbers in force as sorted keys (8 bytes a number), and those that
 *   expire as a second sorted array with their expiries, so an entry that expires needs no new
 *   copy: the reader drops it once its time has passed;
 * - filter, beyond: a Bloom filter (bloom-filter.ts) over every number in force. It never misses a
 *   listed number; a hit is only "probably listed" (the server decides exactly at import).
 *
 * Layout, little-endian, 8-byte aligned: a 32-byte header, then the body.
 *   0 u32 magic "SPK2" · 4 u8 form (1 exact, 2 filter) · 8 f64 numbers in force when built ·
 *   16 u32 permanent count | filter bits · 20 u32 expiring count | filter hashes · 24 f64 reserved
 *   exact body: f64 permanent keys[P] · f64 expiring keys[E] · f64 expiries (ms since 1970)[E]
 *   filter body: u32 words[bits / 32]
 * Pure: the Worker writes the header with it and the browser reads it.
 */
import { createBloomFilter } from './bloom-filter.ts';
import { createKeyScreen, e164Key, PACKED_BYTES_PER_NUMBER, searchKey, sortedKeys } from './packed-set.ts';

export const PACKED_HEADER_BYTES = 32;
/** "SPK2" read as a little-endian u32. */
export const PACKED_MAGIC = 0x324b5053;
/** The most the browser's copy may take, by default. */
export const PACKED_MAX_BYTES = 24 * 1024 * 1024;

export type PackedForm = 'exact' | 'filter';

export interface PackedHeader {
  form: PackedForm;
  /** Numbers in force when it was built. */
  count: number;
  /** exact: keys without / with an expiry. */
  permanent: number;
  expiring: number;
  /** filter: its bits and bit positions a number. */
  bits: number;
  hashes: number;
}

/** Bytes of an exact list of P numbers without expiry and E with one. */
export function exactBytes(permanent: number, expiring: number): number {
  return PACKED_HEADER_BYTES + PACKED_BYTES_PER_NUMBER * (permanent + 2 * expiring);
}

export function writePackedHeader(h: PackedHeader): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(PACKED_HEADER_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(0, PACKED_MAGIC, true);
  view.setUint8(4, h.form === 'exact' ? 1 : 2);
  view.setFloat64(8, h.count, true);
  view.setUint32(16, h.form === 'exact' ? h.permanent : h.bits, true);
  view.setUint32(20, h.form === 'exact' ? h.expiring : h.hashes, true);
  return out;
}

const damaged = (why: string) => new RangeError(`The suppression list arrived damaged: ${why}.`);

export function readPackedHeader(bytes: Uint8Array): PackedHeader {
  if (bytes.byteLength < PACKED_HEADER_BYTES) throw damaged('it is shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, PACKED_HEADER_BYTES);
  if (view.getUint32(0, true) !== PACKED_MAGIC) throw damaged('it is not a packed list');
  const form = view.getUint8(4);
  if (form !== 1 && form !== 2) throw damaged(`form ${form} is unknown`);
  const a = view.getUint32(16, true);
  const b = view.getUint32(20, true);
  const count = view.getFloat64(8, true);
  return form === 1
    ? { form: 'exact', count, permanent: a, expiring: b, bits: 0, hashes: 0 }
    : { form: 'filter', count, permanent: 0, expiring: 0, bits: a, hashes: b };
}

/** Reads `n` little-endian doubles at `offset` (a view when aligned, else a copy). */
function doubles(bytes: Uint8Array, offset: number, n: number): Float64Array {
  const at = bytes.byteOffset + offset;
  if (at % 8 === 0) return new Float64Array(bytes.buffer, at, n);
  const out = new Float64Array(n);
  const view = new DataView(bytes.buffer, at, n * 8);
  for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/** An exact packed list of these numbers (tests and small lists): `expiring` maps a number to its expiry (ms). */
export function packExact(permanent: Iterable<string>, expiring: ReadonlyMap<string, number> = new Map()): Uint8Array<ArrayBuffer> {
  const keys = sortedKeys(permanent);
  const expiringKeys = sortedKeys(expiring.keys());
  const byKey = new Map([...expiring].map(([e164, at]) => [e164Key(e164), at]));
  const out = new Uint8Array(exactBytes(keys.length, expiringKeys.length));
  out.set(writePackedHeader({ form: 'exact', count: keys.length + expiringKeys.length, permanent: keys.length, expiring: expiringKeys.length, bits: 0, hashes: 0 }));
  const body = new Float64Array(out.buffer, PACKED_HEADER_BYTES, keys.length + 2 * expiringKeys.length);
  body.set(keys);
  body.set(expiringKeys, keys.length);
  body.set(Array.from(expiringKeys, (k) => byKey.get(k)!), keys.length + expiringKeys.length);
  return out;
}

/** What the preview looks numbers up in. */
export interface SuppressionLookup {
  /** Whether this E.164 number is listed (exact), or may be (filter). */
  has(e164: string): boolean;
  /** exact: every answer is certain; filter: a hit is "probably listed". */
  readonly form: PackedForm;
  /** Numbers in force when the list was built. */
  readonly size: number;
}

/** The header of bytes that are a whole packed list (its body as long as the header says); throws a RangeError otherwise. Cheap: reads 32 bytes. */
export function checkPacked(bytes: Uint8Array): PackedHeader {
  const h = readPackedHeader(bytes);
  const body = bytes.byteLength - PACKED_HEADER_BYTES;
  if (h.form === 'filter' && (body !== h.bits / 8 || h.bits % 32 !== 0)) throw damaged(`a filter of ${h.bits} bits is not ${body} bytes`);
  if (h.form === 'exact' && body !== PACKED_BYTES_PER_NUMBER * (h.permanent + 2 * h.expiring)) throw damaged(`${h.permanent} + ${h.expiring} numbers are not ${body} bytes`);
  return h;
}

/**
 * Reads a packed list; an entry that expires counts until `now` (ms) passes its expiry. Throws a
 * RangeError when the bytes are not a whole packed list.
 */
export function createSuppressionLookup(bytes: Uint8Array, now: number = Date.now()): SuppressionLookup {
  const h = checkPacked(bytes);
  if (h.form === 'filter') {
    const at = bytes.byteOffset + PACKED_HEADER_BYTES;
    const words = at % 4 === 0 ? new Uint32Array(bytes.buffer, at, h.bits >>> 5) : new Uint32Array(bytes.slice(PACKED_HEADER_BYTES).buffer);
    const filter = createBloomFilter(h.bits, h.hashes, words);
    return {
      has: (e164) => {
        const key = e164Key(e164);
        return key !== undefined && filter.mayHave(key);
      },
      form: 'filter',
      size: h.count,
    };
  }
  const keys = doubles(bytes, PACKED_HEADER_BYTES, h.permanent);
  const expiringKeys = doubles(bytes, PACKED_HEADER_BYTES + 8 * h.permanent, h.expiring);
  const expiries = doubles(bytes, PACKED_HEADER_BYTES + 8 * (h.permanent + h.expiring), h.expiring);
  const screen = createKeyScreen([keys, expiringKeys]);
  return {
    has: (e164) => {
      const key = e164Key(e164);
      if (key === undefined || !screen(key)) return false;
      if (searchKey(keys, key) >= 0) return true;
      const i = searchKey(expiringKeys, key);
      return i >= 0 && expiries[i]! > now;
    },
    form: 'exact',
    size: h.count,
  };
}
