/**
 * Every regular expression (or the index scan that replaced one) that sees user text, driven with
 * adversarial input of the largest size the product lets through. Every regex literal of the core
 * and the Worker is proved free of super-linear backtracking by static analysis (recheck's
 * automaton checker: a verdict from the pattern itself, no timing). The entry points, which also
 * run the phone library's patterns, get a growth check: fed n and 16n characters of their worst
 * input they must take far less than quadratic time (the minimum of several runs, ratio < 16^1.66
 * ≈ 100; linear is 16, quadratic 256), so a loaded machine's noise cannot pass for quadratic.
 * Sizes come from LIMITS and the caps in the code (the zip guard reads at most 1 MiB of
 * [Content_Types].xml).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import * as v from 'valibot';
import { LIMITS } from '../../src/lib/limits.ts';
import { autoMap, checkMapping, normalizeHeader } from '../../src/lib/map/columns.ts';
import { sniffFileKind, unsupportedFileError } from '../../src/lib/parse/file-kind.ts';
import { escapeCsvCell, quoteCsvCell, stripNeutraliser } from '../../src/lib/report/csv-cell.ts';
import { CreateImportQuerySchema } from '../../src/lib/schemas/api.ts';
import { BrowserImportSchema } from '../../src/lib/schemas/browser-import.ts';
import type { AssistantConfig } from '../../src/lib/types.ts';
import { createPhoneNormalizer } from '../../src/lib/validate/phone.ts';
import { createRowValidator } from '../../src/lib/validate/row.ts';
import { parseNumber } from '../../src/lib/validate/variables.ts';
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
 * time(16n) / time(n) of `run` on `build(n)`: each timing repeats the call until the large input
 * takes ~10 ms (so fast scans are measured, not the timer), the minimum of 7 timings. The machine
 * is shared, so a ratio spoiled by a pause is measured again (up to 5 times); a super-linear
 * algorithm stays at 256 (quadratic) or more every time.
 */
function growth(build: (n: number) => string, run: (input: string) => unknown, n: number, { targetMs = 10, runs = 7, attempts = 5 } = {}): number {
  const small = build(n);
  const large = build(GROWTH_FACTOR * n);
  let reps = 1;
  while (minTime(() => run(large), 1) * reps < targetMs && reps < 1 << 14) reps *= 2;
  const timed = (input: string) =>
    minTime(() => {
      for (let i = 0; i < reps; i++) run(input);
    }, runs);
  let ratio = Infinity;
  for (let attempt = 0; attempt < attempts && ratio >= GROWTH_LIMIT; attempt++) {
    ratio = Math.min(ratio, timed(large) / Math.max(timed(small), 1e-3));
  }
  return ratio;
}
/** The larger input is this many times the smaller. */
const GROWTH_FACTOR = 16;
/** Linear is 16, quadratic 256: the limit is 16^1.66, far from both. */
const GROWTH_LIMIT = 100;

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
        const n = Math.ceil(2_000 / unit.length);
        const scan = (xml: string) => {
          for (const tag of overrideTags(xml)) {
            attributeValue(tag, 'ContentType');
            unescapeXml(attributeValue(tag, 'PartName') ?? '');
          }
          return unescapeXml(xml);
        };
        expect(growth((k) => unit.repeat(k), scan, n)).toBeLessThan(GROWTH_LIMIT);
      }),
      { numRuns: 15 },
    );
  });

  it('stays linear on the review file shape', () => {
    // The old pattern /<[^>]*Override\b[^>]*>/g: 1,000 repeats 2.4 s, 4,000 repeats 78 s (cubic).
    expect(growth((k) => '<Override '.repeat(k), overrideTags, OVERRIDE_REPEATS / GROWTH_FACTOR)).toBeLessThan(GROWTH_LIMIT);
  });
});

/** Characters that make patterns hesitate: digits, separators, quotes, markup, entity and e-mail pieces. */
const AMBIGUOUS = ['1', '0', ' ', '\u00a0', '.', ',', '-', '+', 'e', 'E', 'x', 'a', '"', "'", '=', '<', '>', '&', '#', ';', '@', '_', '\t', '(', ')', '/'];
const unitOf = fc.array(fc.constantFrom(...AMBIGUOUS, 'ext', 'tel:', '="', '00', '&#x', 'Bearer'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
/** `unit` repeated to `length` characters, then a character that makes an anchored pattern fail at the very end. */
const fillTo = (unit: string, length: number, tail = '!') => unit.repeat(Math.ceil(length / unit.length)).slice(0, length - tail.length) + tail;

const assistant: AssistantConfig = {
  variables: [
    { name: 'customer_name', type: 'text', required: true, maxLength: 100 },
    { name: 'budget', type: 'number' },
    { name: 'vip', type: 'boolean' },
  ],
  secondaryVariables: [{ name: 'name', type: 'text' }],
};
const HEADERS = ['phone_number', 'customer_name', 'budget', 'vip', 'secondary_phone_1', 'secondary_1_name'];

/** Each entry point of the core that runs a regular expression on a cell, header, name or query value. */
const ENTRY_POINTS: { name: string; max: number; run: (text: string) => unknown }[] = [
  { name: 'phone normalisation (cell)', max: LIMITS.maxCellLength, run: (t) => createPhoneNormalizer('US', { cacheMax: 0 }).normalize(t) },
  {
    name: 'row validation (every mapped cell)',
    max: LIMITS.maxCellLength,
    run: (t) =>
      createRowValidator({ assistant, headers: HEADERS, mapping: autoMap(HEADERS, assistant), defaultCountry: 'US', phoneCacheMax: 0 }).validate({ row: 1, cells: [t, t, t, t, t, t] }),
  },
  { name: 'number variable (parseNumber)', max: LIMITS.maxCellLength, run: parseNumber },
  { name: 'header normalisation', max: LIMITS.maxCellLength, run: normalizeHeader },
  {
    name: 'column mapping (autoMap + checkMapping)',
    max: LIMITS.maxCellLength,
    run: (t) => {
      const headers = [t, t + 'x', 'phone_number'];
      return checkMapping(headers, autoMap(headers, assistant), assistant);
    },
  },
  { name: 'error report cell (escape, quote)', max: LIMITS.maxCellLength, run: (t) => [escapeCsvCell(t), quoteCsvCell(t)] },
  { name: 'report cell read back (stripNeutraliser)', max: LIMITS.maxCellLength, run: (t) => stripNeutraliser("'" + t) },
  // The first 4 KB of an upload (headText decodes at most 1 KiB); the name only for an empty file.
  { name: 'file sniffing (head text)', max: 4096, run: (t) => [sniffFileKind(new TextEncoder().encode(t)), unsupportedFileError(new TextEncoder().encode(t), t).message] },
  { name: 'file sniffing (name of an empty file)', max: 64 * 1024, run: (t) => sniffFileKind(new Uint8Array(0), t) },
  // Query strings and JSON bodies: e-mail is checked before its length, so the whole value is seen.
  { name: 'headless import query (notifyEmail, fileName)', max: 64 * 1024, run: (t) => v.safeParse(CreateImportQuerySchema, { notifyEmail: t, fileName: t }) },
  { name: 'browser import body (notifyEmail)', max: 64 * 1024, run: (t) => v.safeParse(BrowserImportSchema, { notifyEmail: t }) },
];

describe('every regex-bearing entry point of the core', () => {
  it.each(ENTRY_POINTS)('$name answers on adversarial input of its maximum size', ({ max, run }) => {
    const shapes = ['1', '1 ', '1.', '1,1', '="', '=""', '+1', '1e', '  x', ' ', 'a.', 'a@', '@a.', '&#x1', "'=", 'ext 1', 'x1#'];
    for (const unit of shapes) {
      run(fillTo(unit, max));
      run(fillTo(unit, max, unit[0]!));
    }
  });

  it.each(ENTRY_POINTS)('$name takes linear time (fuzzed units, n vs 16n)', ({ max, run }) => {
    fc.assert(
      fc.property(unitOf, fc.constantFrom('!', '1', ' ', '"'), (unit, tail) => {
        expect(growth((k) => fillTo(unit, k, tail), run, Math.floor(max / GROWTH_FACTOR))).toBeLessThan(GROWTH_LIMIT);
      }),
      { numRuns: 5 },
    );
  });

  it('phone numbers over the library limit are refused (the library caps its own patterns at 250 characters)', () => {
    expect(createPhoneNormalizer('US').normalize('1 x'.repeat(3_000))).toMatchObject({ ok: false, reason: 'TOO_LONG' });
    // Within the library's limit, its own extension and number patterns stay linear too.
    for (const unit of ['1 x', '1-', 'ext1', '1#', ';ext=1', '(1)']) {
      expect(growth((k) => fillTo(unit, k), (t) => createPhoneNormalizer('US', { cacheMax: 0 }).normalize(t), 15)).toBeLessThan(GROWTH_LIMIT);
    }
  });
});

/** Every regular-expression literal and `new RegExp` of the core and the Worker, read from the source. */
function regexLiterals(): { where: string; regex: RegExp }[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) files.push(p);
    }
  };
  walk(path.join(root, 'src/lib'));
  walk(path.join(root, 'workers'));
  const out: { where: string; regex: RegExp }[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        out.push({ where: `${path.relative(root, file)}:${line}`, regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/**
 * recheck's verdict on a pattern, from the pattern alone (its automaton checker: no fuzzing, no
 * timing): 'safe' when no input makes it backtrack super-linearly. The pure-JS backend, so it runs
 * the same on every machine.
 */
function backtracking(regex: RegExp) {
  process.env.RECHECK_BACKEND = 'pure';
  const result = checkSync(regex.source, regex.flags, { checker: 'automaton', timeout: 60_000 });
  return { status: result.status, complexity: result.status === 'vulnerable' ? result.complexity.type : result.status === 'safe' ? result.complexity.type : undefined };
}

describe('every regex literal in src/lib and workers', () => {
  const literals = regexLiterals();

  it('finds them all (the audit table in the report lists these)', () => {
    expect(literals.length).toBeGreaterThan(30);
    expect(literals.map((l) => l.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/lib\/validate\/phone\.ts:/), expect.stringMatching(/^workers\/auth\/resolve-principal\.ts:/)]));
  });

  it('the checker flags patterns known to backtrack (so it can fail)', () => {
    // The review's [Content_Types].xml pattern (cubic) and the language-model spec's old one (quadratic).
    expect(backtracking(/<[^>]*Override\b[^>]*>/g)).toEqual({ status: 'vulnerable', complexity: 'polynomial' });
    expect(backtracking(/^(\D+?)([\d.]+)$/u)).toEqual({ status: 'vulnerable', complexity: 'polynomial' });
    expect(backtracking(/^(a+)+$/)).toEqual({ status: 'vulnerable', complexity: 'exponential' });
    expect(backtracking(/[\r\n,;]+/)).toMatchObject({ status: 'safe' });
  });

  it('none backtracks super-linearly, on any input (static analysis of each pattern)', () => {
    const unsafe = literals.map(({ where, regex }) => ({ where, regex: String(regex), ...backtracking(regex) })).filter((r) => r.status !== 'safe');
    expect(unsafe).toEqual([]);
  });
});
