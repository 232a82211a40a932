/**
 * Every regular expression (or the index scan that replaced one) that sees user text, driven with
 * adversarial input of the largest size the product lets through, and a growth check: an entry
 * point fed n and 4n characters of its worst input must take far less than quadratic time
 * (the minimum of several runs, ratio < 10; quadratic is 16, cubic 64). Sizes come from LIMITS
 * and the caps in the code (the zip guard reads at most 1 MiB of [Content_Types].xml).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/lib/limits.ts';
import { isFileReadError } from '../../src/lib/parse/errors.ts';
import { readWorkbook } from '../../src/lib/parse/xlsx.ts';
import { checkZip } from '../../src/lib/parse/zip-guard.ts';
import { attributeValue, overrideTags, unescapeXml } from '../../src/lib/parse/xml-scan.ts';
import { overrideBombXlsx, OVERRIDE_REPEATS, xlsxWithContentTypes } from './crafted-xlsx.ts';

/** The zip guard decodes at most this much of [Content_Types].xml (zipEntryText). */
const CONTENT_TYPES_MAX = 1024 * 1024;

function fileErrorOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (isFileReadError(e)) return e;
    throw e;
  }
  throw new Error('expected a file error');
}

/** Minimum time of `runs` calls (ms). */
function minTime(run: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/**
 * time(4n) / time(n) of `run` on `build(n)`: each timing repeats the call until the large input
 * takes ~10 ms (so fast scans are measured, not the timer), the minimum of 7 timings. The machine
 * is shared, so a ratio spoiled by a pause is measured again (up to 5 times); a super-linear
 * algorithm stays at 16 (quadratic) or more every time.
 */
function growth(build: (n: number) => string, run: (input: string) => unknown, n: number): number {
  const small = build(n);
  const large = build(4 * n);
  let reps = 1;
  while (minTime(() => run(large), 1) * reps < 10 && reps < 1 << 14) reps *= 2;
  const timed = (input: string) =>
    minTime(() => {
      for (let i = 0; i < reps; i++) run(input);
    }, 7);
  let ratio = Infinity;
  for (let attempt = 0; attempt < 5 && ratio >= GROWTH_LIMIT; attempt++) {
    ratio = Math.min(ratio, timed(large) / Math.max(timed(small), 1e-3));
  }
  return ratio;
}
/** Linear is 4, quadratic 16. */
const GROWTH_LIMIT = 10;

describe('[Content_Types].xml in an .xlsx (zip guard, up to 1 MiB)', () => {
  it('reads the review file (`<Override ` × 100,000 in ~2 KB) as corrupt, through checkZip and the XLSX reader', async () => {
    const bomb = await overrideBombXlsx();
    expect(bomb.length).toBeLessThan(10_000); // a megabyte of XML in a few KB
    // checkZip finds no binary workbook and lets SheetJS refuse the namespace-less types file.
    expect(() => checkZip(bomb, LIMITS.maxXlsxUncompressedBytesServer)).not.toThrow();
    expect(fileErrorOf(() => readWorkbook(bomb, { maxUncompressedBytes: LIMITS.maxXlsxUncompressedBytesServer })).code).toBe('FILE_CORRUPT');
  });

  it('answers on every unclosed-tag, unclosed-quote and entity shape at the 1 MiB cap', async () => {
    const fill = (unit: string) => unit.repeat(Math.floor((CONTENT_TYPES_MAX - 32) / unit.length));
    const shapes = [
      fill('<Override '),
      fill('<Override ContentType="'),
      fill("<Override PartName='x' ContentType="),
      '<Override ' + fill('ContentType = '),
      '<Override PartName="' + fill('&#x') + '"',
      '<Override PartName="' + fill('&') + '"',
      '<Override PartName="' + fill('&#0000000000') + ';"',
      fill('<<<<<<<<<<Override'),
    ];
    for (const xml of shapes) {
      expect(xml.length).toBeLessThanOrEqual(CONTENT_TYPES_MAX);
      const bytes = await xlsxWithContentTypes(xml);
      expect(() => checkZip(bytes, LIMITS.maxXlsxUncompressedBytesServer)).not.toThrow();
    }
  });

  it('still finds a binary workbook declared with escapes, and leaves broken references alone', () => {
    const type = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
    expect(overrideTags(`<Types><Override PartName="/xl/workbook.b&#105;n" ContentType="${type}"/></Types>`)).toHaveLength(1);
    expect(overrideTags('<Overrides/><x:Override/><OverrideX/>')).toEqual(['<x:Override/>']);
    expect(attributeValue(`<Override xContentType="a" ContentType = 'b'>`, 'ContentType')).toBe('b');
    expect(attributeValue('<Override ContentType="a>', 'ContentType')).toBeUndefined();
    expect(unescapeXml('b&#105;n &#x69;&lt;&amp;lt; &#99999999999; &#xD800 &constructor; &')).toBe('bin i<&lt; &#99999999999; &#xD800 &constructor; &');
  });

  it('takes linear time in the size of [Content_Types].xml (fuzzed tag soups)', () => {
    const units = fc.array(fc.constantFrom('<', '>', 'Override', ' ', 'ContentType', 'PartName', '=', '"', "'", '&', '&#', '&#x', '1', ';'), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(units, (parts) => {
        const unit = parts.join('');
        const n = Math.ceil(16_000 / unit.length);
        const scan = (xml: string) => {
          for (const tag of overrideTags(xml)) {
            attributeValue(tag, 'ContentType');
            unescapeXml(attributeValue(tag, 'PartName') ?? '');
          }
          return unescapeXml(xml);
        };
        expect(growth((k) => unit.repeat(k), scan, n)).toBeLessThan(GROWTH_LIMIT);
      }),
      { numRuns: 25 },
    );
  });

  it('stays linear on the review file shape', () => {
    // The old pattern /<[^>]*Override\b[^>]*>/g: 1,000 repeats 2.4 s, 4,000 repeats 78 s (cubic).
    expect(growth((k) => '<Override '.repeat(k), overrideTags, OVERRIDE_REPEATS / 4)).toBeLessThan(GROWTH_LIMIT);
  });
});
