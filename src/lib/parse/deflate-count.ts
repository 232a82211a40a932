/** Deflate output counter (RFC 1951): decodes a stream's symbols to measure its output, writing it only when asked. */
import { corruptZip } from './workbook-errors.ts';

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code as a lookup table indexed by the next `bits` input bits: entry = symbol << 4 | length (0: invalid). */
interface Huffman {
  table: Int32Array;
  bits: number;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const count = new Array<number>(16).fill(0);
  let bits = 0;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    count[len] = (count[len] ?? 0) + 1;
    if (len > bits) bits = len;
  }
  count[0] = 0;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = (left << 1) - count[len]!;
    if (left < 0) throw corruptZip();
  }
  const next = new Array<number>(16).fill(0);
  for (let len = 1, code = 0; len <= 15; len++) {
    code = (code + count[len - 1]!) << 1;
    next[len] = code;
  }
  const table = new Int32Array(1 << bits);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const len = lengths[symbol]!;
    if (!len) continue;
    const code = next[len]!;
    next[len] = code + 1;
    let reversed = 0;
    for (let i = 0; i < len; i++) reversed |= ((code >> i) & 1) << (len - 1 - i);
    for (let i = reversed; i < table.length; i += 1 << len) table[i] = (symbol << 4) | len;
  }
  return { table, bits };
}

let fixedCodes: { literal: Huffman; distance: Huffman } | null = null;
function fixed(): { literal: Huffman; distance: Huffman } {
  if (!fixedCodes) {
    const lit = new Uint8Array(288);
    lit.fill(8, 0, 144);
    lit.fill(9, 144, 256);
    lit.fill(7, 256, 280);
    lit.fill(8, 280, 288);
    fixedCodes = { literal: huffman(lit), distance: huffman(new Uint8Array(30).fill(5)) };
  }
  return fixedCodes;
}

/**
 * How many bytes the raw deflate stream at `start` inflates to, decoding it to its final block as
 * SheetJS will. Stops early (returning a number over `budget`) once the output passes `budget`.
 * With `out`, also writes the output there (up to its length). A malformed or truncated stream
 * throws FILE_CORRUPT.
 */
export function inflatedSize(data: Uint8Array, start: number, budget: number, out?: Uint8Array): number {
  const end = data.length;
  let pos = start;
  let buf = 0;
  let cnt = 0;
  const need = (n: number) => {
    while (cnt < n) {
      if (pos >= end) throw corruptZip();
      buf |= data[pos++]! << cnt;
      cnt += 8;
    }
  };
  const take = (n: number) => {
    if (n === 0) return 0;
    need(n);
    const v = buf & ((1 << n) - 1);
    buf >>>= n;
    cnt -= n;
    return v;
  };
  const decode = (h: Huffman) => {
    while (cnt < h.bits && pos < end) {
      buf |= data[pos++]! << cnt;
      cnt += 8;
    }
    const entry = h.table[buf & ((1 << h.bits) - 1)]!;
    const len = entry & 15;
    if (len === 0 || len > cnt) throw corruptZip();
    buf >>>= len;
    cnt -= len;
    return entry >> 4;
  };

  let size = 0;
  for (;;) {
    const final = take(1);
    const type = take(2);
    if (type === 0) {
      pos -= cnt >> 3; // give back whole bytes read ahead; drop the partial one
      buf = 0;
      cnt = 0;
      if (pos + 4 > end) throw corruptZip();
      const length = data[pos]! | (data[pos + 1]! << 8);
      const inverse = data[pos + 2]! | (data[pos + 3]! << 8);
      if ((length ^ 0xffff) !== inverse) throw corruptZip();
      pos += 4;
      if (pos + length > end) throw corruptZip();
      if (out) out.set(data.subarray(pos, pos + Math.max(0, Math.min(length, out.length - size))), size);
      pos += length;
      size += length;
    } else if (type === 1 || type === 2) {
      const { literal, distance } = type === 1 ? fixed() : dynamicCodes(take, decode);
      for (;;) {
        const symbol = decode(literal);
        if (symbol < 256) {
          if (out && size < out.length) out[size] = symbol;
          size++;
          continue;
        }
        if (symbol === 256) break;
        const l = symbol - 257;
        if (l >= 29) throw corruptZip();
        const length = LENGTH_BASE[l]! + take(LENGTH_EXTRA[l]!);
        const d = decode(distance);
        if (d >= 30) throw corruptZip();
        const dist = DIST_BASE[d]! + take(DIST_EXTRA[d]!);
        if (dist > size) throw corruptZip();
        if (out) for (let i = size, stop = Math.min(size + length, out.length); i < stop; i++) out[i] = out[i - dist]!;
        size += length;
        if (size > budget) return size;
      }
    } else {
      throw corruptZip();
    }
    if (size > budget || final) return size;
  }
}

function dynamicCodes(take: (n: number) => number, decode: (h: Huffman) => number): { literal: Huffman; distance: Huffman } {
  const literals = take(5) + 257;
  const distances = take(5) + 1;
  const codeLengthCodes = take(4) + 4;
  if (literals > 286 || distances > 30) throw corruptZip();
  const cl = new Uint8Array(19);
  for (let i = 0; i < codeLengthCodes; i++) cl[CODE_LENGTH_ORDER[i]!] = take(3);
  const clCode = huffman(cl);
  const lengths = new Uint8Array(literals + distances);
  for (let i = 0; i < lengths.length; ) {
    const symbol = decode(clCode);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let value = 0;
    let repeat: number;
    if (symbol === 16) {
      if (i === 0) throw corruptZip();
      value = lengths[i - 1]!;
      repeat = 3 + take(2);
    } else if (symbol === 17) {
      repeat = 3 + take(3);
    } else {
      repeat = 11 + take(7);
    }
    if (i + repeat > lengths.length) throw corruptZip();
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[256] === 0) throw corruptZip();
  return { literal: huffman(lengths.subarray(0, literals)), distance: huffman(lengths.subarray(literals)) };
}
