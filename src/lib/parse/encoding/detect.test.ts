import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_CODE_PAGES, corpusFile, encodingCorpus } from '../../../../test/corpus/encoding-corpus.ts';
import { createDecoder } from '../decode.ts';
import { DETECT_BYTES, detectEncoding } from './detect.ts';
import { ENCODING_NAMES, encodingTitle, resolveEncoding } from './encodings.ts';

const read = (bytes: Uint8Array, encoding: string) => new TextDecoder(encoding).decode(bytes).normalize('NFC');

describe('detectEncoding on the corpus (every code page the product names, 5 to 200 rows)', () => {
  const corpus = encodingCorpus({ perSize: 2, seed: 41 });

  it('reads files of 20 rows or more right, and never reads one wrong without saying it is unsure', () => {
    let big = 0;
    let right = 0;
    const silentlyWrong: string[] = [];
    for (const f of corpus) {
      const d = detectEncoding(f.bytes, { isWholeFile: true });
      const ok = read(f.bytes, d.encoding) === f.text;
      if (f.rows >= 20) {
        big++;
        if (ok) right++;
      }
      if (!ok && !d.uncertain) silentlyWrong.push(`${f.label}/${f.locale}/${f.rows} read as ${d.encoding}`);
    }
    expect(silentlyWrong).toEqual([]);
    expect(right / big).toBeGreaterThanOrEqual(0.98);
  });

  it('names the Windows code pages of the issue by their WHATWG names', () => {
    const cases: [string, string][] = [['windows-1256', 'ar'], ['windows-1251', 'ru'], ['windows-1254', 'tr'], ['shift_jis', 'ja'], ['gbk', 'zh-hans']];
    for (const [label, locale] of cases) {
      const d = detectEncoding(corpusFile(label, locale, 50, 7).bytes, { isWholeFile: true });
      expect({ label, encoding: d.encoding, uncertain: d.uncertain }).toEqual({ label, encoding: label, uncertain: false });
    }
  });

  it('decodes every file the same in pieces of any size as whole, multi-byte characters split across pieces', () => {
    const files = CORPUS_CODE_PAGES.map((cp, i) => corpusFile(cp.label, cp.locales[i % cp.locales.length]!, 100, 100 + i));
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 12 }), (f, sizes) => {
        // A sniff smaller than the file, so pieces arrive after the encoding is chosen.
        const one = createDecoder({ sniffBytes: 64 });
        const whole = { text: one.push(f.bytes) + one.end(), detection: one.detection! };
        const d = createDecoder({ sniffBytes: 64 });
        let text = '';
        for (let at = 0, i = 0; at < f.bytes.length; i++) {
          const size = sizes[i % sizes.length]!;
          text += d.push(f.bytes.slice(at, at + size));
          at += size;
        }
        text += d.end();
        expect(text).toBe(whole.text);
        expect(d.encoding).toBe(whole.detection.encoding);
      }),
      { numRuns: 300 },
    );
  });

  it('reads at most the first 64 KB', () => {
    const f = corpusFile('windows-1251', 'ru', 200, 3);
    const big = new Uint8Array(DETECT_BYTES * 3);
    for (let at = 0; at < big.length; at += f.bytes.length) big.set(f.bytes.subarray(0, Math.min(f.bytes.length, big.length - at)), at);
    // Garbage past 64 KB changes nothing.
    const tail = big.slice();
    tail.fill(0xff, DETECT_BYTES);
    expect(detectEncoding(tail)).toEqual(detectEncoding(big));
    expect(detectEncoding(big).encoding).toBe('windows-1251');
  });

  it('detects again at the first byte above 0x7F when the first 64 KB are ASCII', () => {
    const ascii = new TextEncoder().encode('phone_number,customer_name\n' + '+14155550100,Ann Lee\n'.repeat(4000));
    const legacy = corpusFile('windows-1256', 'ar', 50, 9).bytes;
    const bytes = new Uint8Array(ascii.length + legacy.length);
    bytes.set(ascii);
    bytes.set(legacy, ascii.length);
    const d = createDecoder();
    let text = '';
    for (let at = 0; at < bytes.length; at += 4096) text += d.push(bytes.subarray(at, at + 4096));
    text += d.end();
    expect(d.detection).toMatchObject({ encoding: 'windows-1256', source: 'legacy' });
    expect(text.endsWith(read(legacy, 'windows-1256'))).toBe(true);
  });
});

describe('a file that is valid UTF-8', () => {
  it('is never taken for anything else, whatever its text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.boolean(), (s, whole) => {
        const bytes = new TextEncoder().encode(s);
        const d = detectEncoding(bytes, { isWholeFile: whole });
        // UTF-16 without a BOM is told by NUL bytes, which text of names does not hold.
        if (d.source === 'utf-16') return;
        expect(d.encoding).toBe('utf-8');
        expect(d.uncertain).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('is never taken for anything else when it is the corpus text in UTF-8', () => {
    for (const f of encodingCorpus({ perSize: 1, seed: 5, rowCounts: [5, 50] })) {
      expect(detectEncoding(new TextEncoder().encode(f.text), { isWholeFile: true }).encoding).toBe('utf-8');
    }
  });
});

describe('encoding labels', () => {
  it('resolves WHATWG labels to their names, and refuses others', () => {
    expect(resolveEncoding('latin1')).toBe('windows-1252');
    expect(resolveEncoding(' ISO-8859-9 ')).toBe('windows-1254');
    expect(resolveEncoding('cp1251')).toBe('windows-1251');
    expect(resolveEncoding('sjis')).toBe('shift_jis');
    expect(resolveEncoding('tis-620')).toBe('windows-874');
    expect(resolveEncoding('klingon')).toBeNull();
    expect(resolveEncoding('x-user-defined')).toBeNull();
    expect(resolveEncoding('replacement')).toBeNull();
  });

  it('knows every name it lists, with a title', () => {
    for (const name of ENCODING_NAMES) {
      expect(resolveEncoding(name)).toBe(name);
      expect(encodingTitle(name)).not.toBe(name);
    }
    expect(encodingTitle('windows-1256')).toBe('Arabic (Windows-1256)');
  });
});
