import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../parse/csv.ts';
import { escapeCsvCell, neutraliseFormula, stripNeutraliser } from './csv-cell.ts';

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
          expect(rows[0].cells).toEqual([a, b]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
