/** The words of a head that tell its encoding: those holding bytes above 0x7F (each once, weighed by how often it occurs), and the letters of the others. */

/** A head's words as the detector reads them. */
export interface Evidence {
  /** Words (runs of ASCII letters and bytes ≥ 0x80) holding a byte ≥ 0x80, by their bytes, with a weight. */
  words: Map<string, { bytes: Uint8Array; count: number }>;
  /** a–z (folded) in the words without such a byte: the same in every reading, they still tell the language. */
  ascii: Float64Array;
}

/**
 * A word seen n times weighs 1 + ln n: a list repeats its names and cities, and the hundredth
 * "Müller" says little more than the tenth.
 */
const weightOf = (n: number) => 1 + Math.log(n);

export function readEvidence(sample: Uint8Array): Evidence {
  // Words are told apart by a hash of their bytes (FNV-1a with the length): no string per word.
  const raw = new Map<number, { start: number; end: number; count: number; high: boolean }>();
  let start = -1;
  let high = false;
  let hash = 0;
  const end = (i: number) => {
    if (start >= 0) {
      const key = (hash ^ Math.imul(i - start, 0x9e3779b1)) >>> 0;
      const w = raw.get(key);
      if (w) w.count++;
      else raw.set(key, { start, end: i, count: 1, high });
    }
    start = -1;
    high = false;
  };
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    const wordByte = b >= 0x80 || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
    if (!wordByte) {
      end(i);
      continue;
    }
    if (start < 0) {
      start = i;
      hash = 0x811c9dc5;
    }
    hash = Math.imul(hash ^ b, 0x01000193);
    if (b >= 0x80) high = true;
  }
  end(sample.length);
  const words = new Map<string, { bytes: Uint8Array; count: number }>();
  const ascii = new Float64Array(26);
  for (const [key, w] of raw) {
    const weight = weightOf(w.count);
    if (w.high) words.set(String(key), { bytes: sample.subarray(w.start, w.end), count: weight });
    else for (let i = w.start; i < w.end; i++) ascii[(sample[i]! | 0x20) - 0x61]! += weight;
  }
  return { words, ascii };
}
