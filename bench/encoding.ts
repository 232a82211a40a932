/**
 * Encoding detection and decoding (issue 27), in Node on the seeded corpus of CRM-like files in
 * every code page the product names (test/corpus/encoding-corpus.ts):
 *  - accuracy: files read right (decoded text equal to what was written) among files of 20 rows or
 *    more, and files read wrong without ENCODING_UNCERTAIN (any size);
 *  - detection time on 64 KB heads (the most it reads) of several scripts, median of 30 runs each;
 *  - the preview worker's decoding path (createDecoder fed 64 KB pieces, as File.stream() gives
 *    them) for an 80 MB file in windows-1252 against the same text in UTF-8: the seconds a legacy
 *    file adds. The browser-legacy part measures the same in Chromium's preview.
 *
 *   node bench/encoding.ts
 */
import { createDecoder } from '../src/lib/parse/decode.ts';
import { DETECT_BYTES, detectEncoding } from '../src/lib/parse/encoding/detect.ts';
import { corpusFile, encodingCorpus } from '../test/corpus/encoding-corpus.ts';
import { generateLeadsCsv } from './generate.ts';
import { resultLine, type PartOutput } from './report.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function accuracy(details: string[]) {
  const corpus = [...encodingCorpus({ perSize: 6, seed: 2027 }), ...encodingCorpus({ perSize: 6, seed: 4049 })];
  let big = 0;
  let right = 0;
  let silent = 0;
  let unsure = 0;
  const byLabel = new Map<string, { right: number; files: number; unsure: number }>();
  for (const f of corpus) {
    const d = detectEncoding(f.bytes, { isWholeFile: true });
    const ok = new TextDecoder(d.encoding).decode(f.bytes).normalize('NFC') === f.text;
    if (!ok && !d.uncertain) silent++;
    if (d.uncertain) unsure++;
    const s = byLabel.get(f.label) ?? { right: 0, files: 0, unsure: 0 };
    if (f.rows >= 20) {
      big++;
      if (ok) right++;
      s.files++;
      if (ok) s.right++;
      if (d.uncertain) s.unsure++;
    }
    byLabel.set(f.label, s);
  }
  details.push(
    `encoding: ${corpus.length} files (${byLabel.size} code pages × 6 sizes from 5 to 200 rows × 12), ${unsure} flagged ENCODING_UNCERTAIN; right / files of ≥ 20 rows (uncertain) by code page: ` +
      [...byLabel].map(([l, s]) => `${l} ${s.right}/${s.files}${s.unsure ? ` (${s.unsure})` : ''}`).join(', '),
  );
  return { big, right, silent, files: corpus.length };
}

function detectionTimes(): { label: string; ms: number }[] {
  const cases: [string, string][] = [['windows-1252', 'de'], ['windows-1250', 'pl'], ['windows-1251', 'ru'], ['windows-1256', 'ar'], ['windows-1258', 'vi'], ['windows-874', 'th'], ['shift_jis', 'ja'], ['gbk', 'zh-hans'], ['euc-kr', 'ko']];
  return cases.map(([label, locale]) => {
    const file = corpusFile(label, locale, 200, 11).bytes;
    const head = new Uint8Array(DETECT_BYTES);
    for (let at = 0; at < head.length; at += file.length) head.set(file.subarray(0, Math.min(file.length, head.length - at)), at);
    for (let i = 0; i < 5; i++) detectEncoding(head);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      detectEncoding(head);
      times.push(performance.now() - t0);
    }
    return { label, ms: median(times) };
  });
}

/** `text` in windows-1252 (characters it has not: '?'). */
export function toWindows1252(text: string): Uint8Array {
  const table = new Map<number, number>();
  const high = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  for (let i = 0; i < 128; i++) table.set(high.charCodeAt(i), 0x80 + i);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 ? c : (table.get(c) ?? 0x3f);
  }
  return out;
}

function decodeSeconds(bytes: Uint8Array): number {
  const t0 = performance.now();
  const d = createDecoder();
  let chars = 0;
  for (let at = 0; at < bytes.length; at += 65536) chars += d.push(bytes.subarray(at, at + 65536)).length;
  chars += d.end().length;
  if (!chars) throw new Error('nothing decoded');
  return (performance.now() - t0) / 1000;
}

function decodePath(details: string[]) {
  // An 80 MB file of the bench's leads, as UTF-8 and as windows-1252 (its accented names in that code page).
  let text = generateLeadsCsv(200_000).text;
  const body = text.slice(text.indexOf('\n') + 1);
  while (text.length < 80e6) text += body;
  text = text.slice(0, text.lastIndexOf('\n', 80e6) + 1);
  const utf8 = new TextEncoder().encode(text);
  const legacy = toWindows1252(text);
  const u = Math.min(decodeSeconds(utf8), decodeSeconds(utf8));
  const l = Math.min(decodeSeconds(legacy), decodeSeconds(legacy));
  details.push(`encoding decode: ${(legacy.length / 1e6).toFixed(0)} MB windows-1252 ${l.toFixed(2)} s (${(legacy.length / 1e6 / l).toFixed(0)} MB/s), same text as UTF-8 ${u.toFixed(2)} s — createDecoder fed 64 KB pieces, as the preview worker reads File.stream()`);
  return { added: l - u, mb: legacy.length / 1e6 };
}

export function runEncoding(): PartOutput {
  const details: string[] = [];
  const acc = accuracy(details);
  const times = detectionTimes();
  const slowest = Math.max(...times.map((t) => t.ms));
  details.push(`encoding detect: median ms per 64 KB head: ${times.map((t) => `${t.label} ${t.ms.toFixed(2)}`).join(', ')}`);
  const decode = decodePath(details);
  const pct = (100 * acc.right) / acc.big;
  return {
    results: [
      resultLine('encoding accuracy', `${acc.right}/${acc.big} files of ≥ 20 rows read right (${pct.toFixed(1)}%)`, '≥ 98%', pct >= 98),
      resultLine('encoding silent', `${acc.silent} of ${acc.files} files read wrong without ENCODING_UNCERTAIN`, '0', acc.silent === 0),
      resultLine('encoding detect', `slowest median ${slowest.toFixed(2)} ms on a 64 KB head (reads at most ${DETECT_BYTES / 1024} KB)`, '< 5 ms', slowest < 5),
      resultLine('encoding decode', `an ${decode.mb.toFixed(0)} MB windows-1252 file decodes ${decode.added >= 0 ? '+' : ''}${decode.added.toFixed(2)} s vs UTF-8 in the preview's path (Node)`, '< 1 s added', decode.added < 1),
    ],
    details,
  };
}

if (import.meta.main) {
  const out = runEncoding();
  for (const line of [...out.results, ...out.details]) console.log(line);
}
