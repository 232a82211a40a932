import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvStream, readCsvText, type CsvOptions } from './csv.ts';
import { FileReadError } from './errors.ts';

/** Everything a parse yields, or the error it stops with, as comparable data. */
function outcome(pieces: string[], opts: CsvOptions) {
  const stream = createCsvStream(opts);
  try {
    const rows = pieces.flatMap((p) => stream.push(p));
    rows.push(...stream.end());
    return { headers: stream.headers, delimiter: stream.delimiter, newline: stream.newline, rows };
  } catch (e) {
    if (e instanceof FileReadError) return { error: e.code, message: e.message };
    throw e;
  }
}

/** Splits `text` at the given positions (any code unit, even inside a CRLF or a surrogate pair). */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const p of points) {
    pieces.push(text.slice(start, p));
    start = p;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** CSV-ish text: delimiters, quotes, every line ending, BOMs, neutraliser characters, non-BMP text. */
const csvChar = fc.constantFrom('a', 'b', '1', ' ', ',', ';', '\t', '|', '"', '"', '\r', '\n', '\n', "'", '=', '+', '\uFEFF', 'é', '😀');
const csvText = fc.string({ unit: csvChar, maxLength: 80 });
/** Well-formed-ish files: rows of quoted or bare cells. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '1', '+', "'", '='), maxLength: 6 }),
  fc.string({ unit: csvChar, maxLength: 6 }).map((s) => `"${s.replaceAll('"', '""')}"`),
);
const structuredText = fc
  .tuple(
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 8 }),
    fc.boolean(),
  )
  .map(([d, nl, rows, trailing]) => rows.map((r) => r.join(d)).join(nl) + (trailing ? nl : ''));

const options = fc.record(
  {
    sampleChars: fc.integer({ min: 1, max: 40 }),
    maxCellLength: fc.integer({ min: 1, max: 12 }),
    maxColumns: fc.integer({ min: 1, max: 6 }),
    maxRows: fc.integer({ min: 1, max: 6 }),
    maxRecordLength: fc.integer({ min: 1, max: 60 }),
  },
  { requiredKeys: [] },
);

describe('chunked reading equals whole reading', () => {
  it('for any text, any split points and any limits', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, structuredText), fc.array(fc.nat(), { maxLength: 12 }), options, (text, cuts, opts) => {
        expect(outcome(split(text, cuts), opts)).toEqual(outcome([text], opts));
      }),
      { numRuns: 3000 },
    );
  });

  it('one code unit at a time', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, structuredText), options, (text, opts) => {
        expect(outcome(text.split(''), opts)).toEqual(outcome([text], opts));
      }),
      { numRuns: 1000 },
    );
  });

  it('readCsvText agrees with the stream, also past its 1 MiB pieces', () => {
    const line = 'x,"a\r\nb""c",' + 'y'.repeat(1000) + '\r\n';
    const text = 'a,b,c\r\n' + line.repeat(2500);
    const whole = readCsvText(text, { maxCellLength: 2000 });
    expect(whole.rows).toHaveLength(2500);
    expect(outcome(split(text, [1, 777_777, 1_048_576, 1_048_577, 2_000_001]), { maxCellLength: 2000 })).toEqual(
      outcome([text], { maxCellLength: 2000 }),
    );
    expect(whole.rows[2499]).toEqual({ row: 2500, cells: ['x', 'a\r\nb"c', 'y'.repeat(1000)] });
  });
});
