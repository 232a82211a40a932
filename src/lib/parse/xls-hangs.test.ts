/**
 * Damaged .xls records that made SheetJS loop without end (found by the fuzz test in xlsx.test.ts
 * and a sweep of every record SheetJS parses, lengths 0–16): each is refused or read, and the
 * records the reader never needs are skipped before SheetJS sees them.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it, vi } from 'vitest';
import { readWorkbook } from './xlsx.ts';
import { sanitiseXls } from './xls-rebuild.ts';
import { biff5Workbook } from '../../../test/corpus/biff5.ts';
import { biffRecords, editBiff, insertRecord } from '../../../test/corpus/biff-records.ts';

const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['phone', 'n'], ['+14155551234', 3]]), 'Leads');
const excel97 = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }));
const excel95 = biff5Workbook([['phone', 'name'], ['+14155551234', 'Ann']], 1252, 'windows-1252');
const rows97 = [{ row: 1, cells: ['+14155551234', '3'], numeric: { 1: 3 } }];
const rows95 = [{ row: 1, cells: ['+14155551234', 'Ann'] }];
const filled = (n: number) => new Array<number>(n).fill(0xff);

describe('damaged .xls records that made SheetJS loop without end', () => {
  it('are read from a patched SheetJS (scripts/patch-sheetjs.mjs, run by npm install)', () => {
    for (const file of ['xlsx.mjs', 'xlsx.js']) {
      const text = readFileSync(new URL(`../../../node_modules/xlsx/${file}`, import.meta.url), 'utf8');
      expect(text.startsWith('/* lead-import: patched by scripts/patch-sheetjs.mjs */'), `node_modules/xlsx/${file} is not patched: run npm install`).toBe(true);
      expect(text).not.toContain('for(i = 0; i != size; ++i)');
      expect(text).not.toContain('while(len-- !== 0)');
    }
  });

  // [what, workbook, record type, body, where, outcome]: a string length read from past the
  // record's end was undefined, and 'for (i = 0; i != size; ++i)' never ended.
  const cases: [string, Uint8Array, number, number[], 'book' | 'sheet', 'corrupt' | typeof rows97 | typeof rows95][] = [
    ['an empty String record (Excel 97)', excel97, 0x0007, [], 'sheet', 'corrupt'],
    ['an empty String record (Excel 95)', excel95, 0x0007, [], 'sheet', 'corrupt'],
    ['an SST cut after its first string\'s first byte', excel97, 0x00fc, filled(9), 'book', rows97],
    ['a 1-byte ExternSheet (its count counted down from undefined)', excel97, 0x0017, [0xff], 'book', 'corrupt'],
    ['a BIFF2 label cut before its length', excel95, 0x0004, filled(7), 'sheet', rows95],
    ['a Format cut before its length', excel95, 0x041e, [0xff, 0xff], 'book', rows95],
    ['an empty BIFF2 Format', excel95, 0x001e, [], 'book', rows95],
    ['an empty WriteAccess', excel95, 0x005c, [], 'book', rows95],
  ];
  it.each(cases)('%s', (_what, workbook, type, body, where, outcome) => {
    const crafted = insertRecord(workbook, { type, body: Uint8Array.from(body) }, where);
    if (outcome === 'corrupt') expect(() => readWorkbook(crafted)).toThrow(expect.objectContaining({ code: 'FILE_CORRUPT' }));
    else expect(readWorkbook(crafted).rows).toEqual(outcome);
  });
});

describe('records the reader never needs', () => {
  // A hyperlink's tooltip over A1:IV65536: SheetJS visits each of its 16.7 million cells.
  const everyCell = [0x00, 0x08, 0, 0, 0xff, 0xff, 0, 0, 0xff, 0x00, 0x41, 0x00];
  const crafted = insertRecord(insertRecord(excel97, { type: 0x0800, body: Uint8Array.from(everyCell) }, 'sheet'), { type: 0x01b8, body: Uint8Array.from(everyCell.slice(0, 8).concat(filled(24))) }, 'sheet');

  it('are skipped, the stream keeping its length (sheets are found by offset)', () => {
    const before = biffRecords(crafted).records;
    const after = biffRecords(sanitiseXls(crafted)).records;
    expect(before.filter((r) => r.type === 0x0800 || r.type === 0x01b8)).toHaveLength(2);
    expect(after.filter((r) => r.type === 0x0800 || r.type === 0x01b8 || r.type === 0x005c)).toEqual([]);
    expect(after.map((r) => r.body.length)).toEqual(before.map((r) => r.body.length));
    expect(readWorkbook(crafted).rows).toEqual(rows97);
  });
});

describe('record types SheetJS does not know', () => {
  it('are read past without a log line each (a file of them would flood the Worker’s logs)', () => {
    const unknown = editBiff(excel97, (records) => {
      const sheet = records.findIndex((r, i) => i > 0 && r.type === 0x0809);
      records.splice(sheet + 1, 0, ...Array.from({ length: 2000 }, () => ({ type: 0x7ff0, body: new Uint8Array(0) })));
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // SheetJS on its own writes a line for each of them…
      XLSX.read(sanitiseXls(unknown), { type: 'array', dense: true });
      expect(logged.mock.calls.length).toBeGreaterThanOrEqual(2000);
      logged.mockClear();
      // …the reader, none.
      expect(readWorkbook(unknown).rows).toEqual(rows97);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
