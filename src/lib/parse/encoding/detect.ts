/**
 * The encoding of a text file from its first bytes (at most DETECT_BYTES): a BOM decides; then
 * UTF-16 without a BOM (NUL bytes); then UTF-8 when the bytes are valid UTF-8 (a file that is
 * valid UTF-8 is never read as anything else); then the legacy code pages: the CJK ones by
 * chardet's recognisers (multi-byte.ts), the single-byte ones by how the words holding bytes
 * above 0x7F read in each (single-byte.ts). Pure: the browser's preview and the Worker decide alike.
 */
import { scoreMultiByte, hasFourByteGb18030 } from './multi-byte.ts';
import { readEvidence } from './evidence.ts';
import { sameReading, scoreSingleByte } from './single-byte.ts';

/** Bytes the detector reads at most. */
export const DETECT_BYTES = 64 * 1024;

export interface Detection {
  /** The WHATWG name (TextDecoder's `encoding`), e.g. "utf-8", "windows-1256", "shift_jis". */
  encoding: string;
  /** 0–1: how sure the guess is (1 for a BOM, UTF-8 or a named encoding). */
  confidence: number;
  /** True when another encoding would read the file differently and is nearly as likely. */
  uncertain: boolean;
  /** Other encodings that read the head differently, likeliest first (at most 4). */
  alternatives: string[];
  /** How the encoding was found. */
  source: 'label' | 'bom' | 'utf-16' | 'utf-8' | 'ascii' | 'legacy';
}

/** Below this confidence the guess is uncertain (a likelihood ratio of about 10:1 between the two best readings). */
export const UNCERTAIN_BELOW = 0.9;
/** chardet confidence from which a CJK reading wins over the single-byte ones. */
const CJK_WINS = 50;
/** chardet confidence below which a CJK guess stays uncertain. */
const CJK_SURE = 65;
/** chardet confidence that makes a single-byte guess uncertain (a CJK reading is plausible too). */
const CJK_PLAUSIBLE = 30;

const certain = (encoding: string, source: Detection['source']): Detection => ({ encoding, confidence: 1, uncertain: false, alternatives: [], source });

export function bomOf(head: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM, recognised when (Latin) text has a NUL in every other byte. */
export function bomlessUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(head.length, 4096) >> 1;
  if (pairs < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const few = pairs * 0.02;
  if (oddNul >= pairs * 0.6 && evenNul <= few) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= few) return 'utf-16be';
  return null;
}

export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/** Whether `bytes` are valid UTF-8; a character cut at the end counts as valid unless `isWholeFile`. */
export function isUtf8(bytes: Uint8Array, isWholeFile: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream: !isWholeFile });
    return true;
  } catch {
    return false;
  }
}

/** The lines of `sample` that hold a byte above 0x7F, joined, up to `max` bytes (a line end never splits a character). */
export function linesWithHighBytes(sample: Uint8Array, max: number): Uint8Array {
  const out = new Uint8Array(Math.min(max, sample.length));
  let size = 0;
  let start = 0;
  let high = false;
  for (let i = 0; i <= sample.length && size < out.length; i++) {
    const b = i < sample.length ? sample[i]! : 0x0a;
    if (b >= 0x80) high = true;
    if (b !== 0x0a) continue;
    const end = Math.min(i + 1, sample.length);
    if (high) {
      const line = sample.subarray(start, Math.min(end, start + out.length - size));
      out.set(line, size);
      size += line.length;
    }
    start = i + 1;
    high = false;
  }
  return out.subarray(0, size);
}

/** Confidence from the log-likelihood margin between the best reading and the best different one. */
const confidenceOf = (margin: number) => 1 / (1 + Math.exp(-margin / 4));

/** The lines holding bytes above 0x7F that chardet reads, at most (it costs about 0.3 ms a KB; 4 KB are some 2,000 CJK characters). */
const CJK_SAMPLE_BYTES = 4 * 1024;
/** Bytes above 0x7F below which chardet's confidence alone does not decide for CJK. */
const CJK_MIN_BYTES = 24;
/** Structure penalty per byte above 0x7F under which a single-byte reading is clean (names, not mojibake). */
const CLEAN = -0.1;
/** Structure penalty per byte above 0x7F past which every single-byte reading is mojibake. */
const MESSY = -1;

/** Chooses among the legacy code pages for a head that is neither UTF-8 nor UTF-16. */
export function detectLegacy(sample: Uint8Array): Detection {
  const present = new Uint8Array(128);
  let high = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! < 0x80) continue;
    present[sample[i]! - 0x80] = 1;
    high++;
  }
  const scores = scoreSingleByte(readEvidence(sample));
  // Best first; equal scores keep the candidates' order of preference (a stable sort).
  const ranked = scores.map((s, i) => ({ ...s, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const best = ranked[0]!;
  const structure = best.structure / high;
  // A clean single-byte reading (letters, cased as names are) leaves no room for CJK: chardet is not asked.
  const cjk = structure > CLEAN ? [] : scoreMultiByte(linesWithHighBytes(sample, CJK_SAMPLE_BYTES)).sort((a, b) => b.confidence - a.confidence);
  const top = cjk[0] ?? { name: '', confidence: 0 };
  // chardet's confidence rests on a handful of characters in a short head: then only a garbled single-byte reading lets CJK win.
  const cjkWins = top.confidence >= CJK_WINS && high >= CJK_MIN_BYTES ? structure <= CLEAN : top.confidence > 0 && structure < MESSY;
  if (cjkWins) {
    const encoding = top.name === 'gbk' && hasFourByteGb18030(sample) ? 'gb18030' : top.name;
    // chardet's confidences are percentages: half the lead over the runner-up stands in for a log-likelihood margin.
    let confidence = confidenceOf((top.confidence - cjk[1]!.confidence) / 2);
    if (top.confidence < CJK_SURE) confidence = Math.min(confidence, 0.8);
    const alternatives = [...cjk.slice(1).filter((c) => c.confidence > 0).map((c) => c.name), best.name].slice(0, 4);
    return { encoding, confidence, uncertain: confidence < UNCERTAIN_BELOW, alternatives, source: 'legacy' };
  }
  const different = ranked.filter((r) => r !== best && !sameReading(best.name, r.name, present));
  const margin = different.length ? best.score - different[0]!.score : Infinity;
  let confidence = confidenceOf(margin);
  // A CJK reading is plausible too, or every single-byte reading is garbled.
  if (top.confidence >= CJK_PLAUSIBLE || structure < MESSY) confidence = Math.min(confidence, 0.5);
  const alternatives = different.slice(0, 4).map((r) => r.name);
  if (top.confidence >= CJK_PLAUSIBLE) alternatives.splice(1, 0, top.name);
  return { encoding: best.name, confidence, uncertain: confidence < UNCERTAIN_BELOW, alternatives: alternatives.slice(0, 4), source: 'legacy' };
}

/**
 * The encoding of a file from its head. `isWholeFile`: `head` is the entire file (so a character
 * cut at its end is not UTF-8). Reads at most the first DETECT_BYTES.
 */
export function detectEncoding(head: Uint8Array, opts: { isWholeFile?: boolean } = {}): Detection {
  const bom = bomOf(head);
  if (bom) return certain(bom.encoding, 'bom');
  const utf16 = bomlessUtf16(head);
  if (utf16) return certain(utf16, 'utf-16');
  const cut = head.length > DETECT_BYTES;
  const sample = cut ? head.subarray(0, DETECT_BYTES) : head;
  if (isAscii(sample)) return certain('utf-8', 'ascii');
  if (isUtf8(sample, !!opts.isWholeFile && !cut)) return certain('utf-8', 'utf-8');
  return detectLegacy(sample);
}
