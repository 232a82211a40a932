/**
 * The CJK code pages (Shift_JIS, EUC-JP, GBK/GB18030, Big5, EUC-KR), weighed by chardet's
 * recognisers: each checks the byte structure of its encoding and how many of the characters are
 * among the language's most common ones, and answers a confidence from 0 to 100.
 */
import { big5, euc_jp, euc_kr, gb_18030, sjis } from 'chardet/lib/encoding/mbcs.js';

export interface MultiByteScore {
  /** The WHATWG name. */
  name: string;
  /** chardet's confidence, 0–100. */
  confidence: number;
}

const RECOGNISERS = [
  { name: 'shift_jis', rec: new sjis() },
  { name: 'euc-jp', rec: new euc_jp() },
  { name: 'gbk', rec: new gb_18030() },
  { name: 'big5', rec: new big5() },
  { name: 'euc-kr', rec: new euc_kr() },
] as const;

/** Scores the CJK candidates on a head (their confidence is 0 when the bytes break the encoding's structure). */
export function scoreMultiByte(sample: Uint8Array): MultiByteScore[] {
  const byteStats = new Array<number>(256).fill(0);
  for (let i = 0; i < sample.length; i++) byteStats[sample[i]!]!++;
  let c1Bytes = false;
  for (let b = 0x80; b <= 0x9f; b++) if (byteStats[b]) c1Bytes = true;
  const context = { byteStats, c1Bytes, rawInput: sample, rawLen: sample.length, inputBytes: sample, inputLen: sample.length };
  return RECOGNISERS.map(({ name, rec }) => ({ name, confidence: rec.match(context)?.confidence ?? 0 }));
}

/** Whether a GBK-family head uses GB18030's four-byte sequences (then only gb18030 reads it). */
export function hasFourByteGb18030(sample: Uint8Array): boolean {
  for (let i = 0; i + 3 < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x81) continue;
    const t = sample[i + 1]!;
    if (t >= 0x30 && t <= 0x39) return true;
    i++; // skip the trail byte of a two-byte character
  }
  return false;
}
