import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder, decodeAll, decodeText } from './decode.ts';
import { detectEncoding as detect } from './encoding/detect.ts';

const detectEncoding = (head: Uint8Array, isWholeFile = false) => detect(head, { isWholeFile }).encoding;
import { fileError } from './expect-file-error.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function utf16(s: string, littleEndian: boolean, bom = true): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(...(littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
}

function decodePieces(input: Uint8Array, cuts: number[], sniffBytes?: number) {
  const d = createDecoder({ sniffBytes });
  const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
  let text = '';
  let start = 0;
  for (const p of [...points, input.length]) {
    text += d.push(input.slice(start, p));
    start = p;
  }
  return { text: text + d.end(), encoding: d.encoding };
}


describe('detectEncoding', () => {
  it('reads BOMs', () => {
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], utf8('a,b')))).toBe('utf-8');
    expect(detectEncoding(utf16('a\tb', true))).toBe('utf-16le');
    expect(detectEncoding(utf16('a\tb', false))).toBe('utf-16be');
  });

  it('tells UTF-8 from Windows-1252', () => {
    expect(detectEncoding(utf8('name\nMüller\n'))).toBe('utf-8');
    expect(detectEncoding(bytes(utf8('name\nM'), [0xfc], utf8('ller\n')))).toBe('windows-1252');
    // A head cut inside a character is still UTF-8, unless it is the whole file.
    const cut = utf8('Müller').subarray(0, 2);
    expect(detectEncoding(cut)).toBe('utf-8');
    expect(detect(cut, { isWholeFile: true }).source).toBe('legacy');
  });

  it('recognises UTF-16 without a BOM from its NUL bytes', () => {
    expect(detectEncoding(utf16('phone\tname\r\n+14155551234\tAnn\r\n', true, false))).toBe('utf-16le');
    expect(detectEncoding(utf16('phone\tname\r\n+14155551234\tAnn\r\n', false, false))).toBe('utf-16be');
  });
});

describe('decodeAll', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeAll(bytes([0xef, 0xbb, 0xbf], utf8('phone,name\n')))).toBe('phone,name\n');
  });

  it('keeps a second BOM-like character inside the text', () => {
    expect(decodeAll(bytes([0xef, 0xbb, 0xbf], utf8('a\uFEFFb')))).toBe('a\uFEFFb');
  });

  it('reads UTF-16 LE and BE with BOM, as Excel\'s "Unicode text" (tab-delimited) writes', () => {
    const text = 'phone\tname\r\n+14155551234\tZoë 😀\r\n';
    expect(decodeAll(utf16(text, true))).toBe(text);
    expect(decodeAll(utf16(text, false))).toBe(text);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Müller;Straße;€5;“quoted”" as Windows-1252.
    const cp1252 = bytes(utf8('M'), [0xfc], utf8('ller;Stra'), [0xdf], utf8('e;'), [0x80], utf8('5;'), [0x93], utf8('quoted'), [0x94]);
    expect(decodeAll(cp1252)).toBe('Müller;Straße;€5;“quoted”');
  });

  it('refuses binary content', () => {
    const e = fileError(() => decodeAll(Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0 : i))));
    expect(e.code).toBe('FILE_CORRUPT');
    expect(e.message).toMatch(/binary file, not CSV/);
  });

  it('says when a workbook was uploaded as CSV', () => {
    const zip = bytes([0x50, 0x4b, 0x03, 0x04], new Uint8Array(100));
    expect(fileError(() => decodeAll(zip)).code).toBe('FILE_UNSUPPORTED');
  });

  it('tolerates a few NUL bytes in text', () => {
    expect(decodeAll(utf8('a,b\n1,\u0000\n'))).toBe('a,b\n1,\u0000\n');
  });

  it('refuses UTF-16 cut in the middle of a character', () => {
    const e = fileError(() => decodeAll(utf16('ab', true).subarray(0, 5)));
    expect(e.code).toBe('FILE_CORRUPT');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeAll(new Uint8Array(0))).toBe('');
  });
});

describe('createDecoder', () => {
  it('chooses the encoding on the first sniffBytes, then streams', () => {
    const d = createDecoder({ sniffBytes: 8 });
    expect(d.push(utf8('phone'))).toBe('');
    expect(d.encoding).toBeNull();
    expect(d.push(utf8(',name\nZo'))).toBe('phone,name\nZo');
    expect(d.push(utf8('ë,Ann\n'))).toBe('');
    expect(d.push(utf8('1,Zoë\n'))).toBe('ë,Ann\n1,Zoë\n');
    expect(d.detection).toMatchObject({ encoding: 'utf-8', source: 'utf-8', uncertain: false });
    const ue = utf8('ü');
    expect(d.push(ue.subarray(0, 1))).toBe('');
    expect(d.push(ue.subarray(1))).toBe('ü');
    expect(d.end()).toBe('');
  });

  it('falls back to Windows-1252 for the whole file when the first piece is not UTF-8', () => {
    const input = bytes(utf8('name\nM'), [0xfc], utf8('ller\n'), utf8('Z'), [0xe9], utf8('\n'));
    expect(decodePieces(input, [3], 8)).toEqual({ text: 'name\nMüller\nZé\n', encoding: 'windows-1252' });
  });

  it('switches to Windows-1252 later on when all text so far was ASCII', () => {
    const input = bytes(utf8('phone,name\n1,Ann\n'), utf8('2,M'), [0xfc], utf8('ller\n'));
    expect(decodePieces(input, [17], 8)).toEqual({ text: 'phone,name\n1,Ann\n2,Müller\n', encoding: 'windows-1252' });
  });

  it('throws FILE_CORRUPT when invalid UTF-8 follows UTF-8 text already returned', () => {
    const d = createDecoder({ sniffBytes: 4 });
    d.push(utf8('Zoë\nname\n'));
    const e = fileError(() => d.push(bytes(utf8('M'), [0xfc], utf8('ller\n'))));
    expect(e.code).toBe('FILE_CORRUPT');
    expect(e.message).toMatch(/UTF-8/);
    expect(e.message).toMatch(/CSV UTF-8/);
  });

  it('throws FILE_CORRUPT when a UTF-8 file ends inside a character', () => {
    const d = createDecoder({ sniffBytes: 4 });
    d.push(utf8('Zoë\nname\n'));
    d.push(utf8('ü').subarray(0, 1));
    expect(fileError(() => d.end()).code).toBe('FILE_CORRUPT');
  });

  it('decodes UTF-16 pieces split at odd bytes', () => {
    const text = 'phone\tname\r\n+1\tZoë 😀\r\n';
    for (const le of [true, false]) {
      expect(decodePieces(utf16(text, le), [1, 2, 3, 7, 30, 31], 4).text).toBe(text);
    }
  });

  it('gives back the text for any split of any UTF-8 or UTF-16 input', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000') && !s.startsWith('\uFEFF'));
    const input = fc.oneof(
      text.map((s) => ({ bytes: utf8(s), text: s })),
      text.map((s) => ({ bytes: bytes([0xef, 0xbb, 0xbf], utf8(s)), text: s })),
      text.map((s) => ({ bytes: utf16(s, true), text: s })),
      text.map((s) => ({ bytes: utf16(s, false), text: s })),
    );
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 4, max: 64 }), ({ bytes: b, text: t }, cuts, sniff) => {
        expect(decodeAll(b)).toBe(t);
        expect(decodePieces(b, cuts, sniff).text).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same text for any split of Windows-1252 bytes', () => {
    const cp1252 = fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => b.map((x) => (x === 0 ? 0x20 : x)));
    fc.assert(
      fc.property(cp1252, fc.array(fc.nat(), { maxLength: 8 }), (b, cuts) => {
        // One sniff covering the whole input: the same choice as decodeAll.
        let expected: string | null = null;
        try {
          expected = decodeAll(b);
        } catch {
          return; // e.g. bytes that look like BOM-less UTF-16
        }
        expect(decodePieces(b, cuts, b.length + 1).text).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeText', () => {
  const cp1251 = bytes(utf8('phone,name\n+14155550101,'), [0xc8, 0xe2, 0xe0, 0xed, 0x20, 0xcf, 0xe5, 0xf2, 0xf0, 0xee, 0xe2], utf8('\n'));
  it('reads a buffer in the encoding a label names, sure of it', () => {
    expect(decodeText(cp1251, { label: 'CP1251' })).toMatchObject({ text: 'phone,name\n+14155550101,Иван Петров\n', encoding: 'windows-1251', confidence: 1, uncertain: false });
  });
  it('detects it without a label', () => {
    expect(decodeText(cp1251)).toMatchObject({ text: 'phone,name\n+14155550101,Иван Петров\n', encoding: 'windows-1251' });
  });
  it('refuses a label that names nothing read here', () => {
    expect(() => decodeText(cp1251, { label: 'x-user-defined' })).toThrow(TypeError);
  });
});
