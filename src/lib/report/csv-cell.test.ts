import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../parse/csv.ts';
import { escapeCsvCell, neutraliseFormula, quoteCsvCell, stripNeutraliser } from './csv-cell.ts';

describe('escapeCsvCell', () => {
  it.each([
    ['Ann', 'Ann'],
    ['', ''],
    ['00123', '00123'],
    ['Doe, Jane', '"Doe, Jane"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' padded ', '" padded "'],
    ['a;b', '"a;b"'],
    ['a|b', '"a|b"'],
    ['+14155551234', "'+14155551234"],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['-5', "'-5"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ["'=1+1", "''=1+1"],
    ["'quoted", "'quoted"],
    ['1+1', '1+1'],
  ])('%j → %j', (cell, written) => {
    expect(escapeCsvCell(cell)).toBe(written);
  });

  it('never writes a cell Excel would run as a formula', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const written = escapeCsvCell(s).replace(/^"/, '');
        expect(written).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe('quoteCsvCell', () => {
  it('always quotes, and neutralises', () => {
    expect(quoteCsvCell('Ann')).toBe('"Ann"');
    expect(quoteCsvCell('')).toBe('""');
    expect(quoteCsvCell('+1 "x"')).toBe(`"'+1 ""x"""`);
  });

  it('makes lines only the comma reads as well-formed CSV, so the comma is always detected', () => {
    const cell = fc.string({ unit: fc.constantFrom('"', ',', ';', '|', '\t', '\n', '\r', ' ', 'a', "'") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (lines) => {
        const width = Math.max(...lines.map((l) => l.length));
        const header = Array.from({ length: width }, (_, i) => `h${i}|;\t,`);
        const text = [header, ...lines].map((l) => l.map(quoteCsvCell).join(',')).join('\r\n');
        const back = readCsvText(text + '\r\n"1","x"');
        expect(back.delimiter).toBe(',');
        expect(back.headers).toEqual(header);
      }),
      { numRuns: 500 },
    );
  });
});

describe('stripNeutraliser', () => {
  it.each([
    ["'+14155551234", '+14155551234'],
    ["'=1+1", '=1+1'],
    ["''=1+1", "'=1+1"],
    ["'-5", '-5'],
    ["'@x", '@x'],
    ["'\tx", '\tx'],
    ["'quoted", "'quoted"],
    ["'", "'"],
    ['+14155551234', '+14155551234'],
  ])('%j → %j', (cell, read) => {
    expect(stripNeutraliser(cell)).toBe(read);
  });

  it('undoes neutraliseFormula for every string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') }), (s) => {
        expect(stripNeutraliser(neutraliseFormula(s))).toBe(s);
      }),
    );
  });
});

describe('a written cell reads back as itself', () => {
  const special = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', '|', ' ', 'a', '1', '\uFEFF') });
  const cell = fc.oneof(special, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

  it('through readCsvText, whatever the cell holds', () => {
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        const text = `phone,note\r\n${escapeCsvCell(a)},${escapeCsvCell(b)}\r\n2,x\r\n`;
        const { rows } = readCsvText(text);
        const blank = (s: string) => s.trim() === '';
        if (blank(a) && blank(b)) {
          expect(rows).toEqual([{ row: 2, cells: ['2', 'x'] }]);
        } else {
          expect(rows[0]!.cells).toEqual([a, b]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
