/**
 * Fuzzing the entry points users hit: random bytes and random mutations of valid CSV and XLSX
 * files through the same readers, mapper and validator. Each input must give either a clean
 * file-level error (a FileReadError with a public code and a message without a stack) or rows
 * whose verdicts add up: every data row is either a lead or has errors.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mutate } from '../mutate.ts';
import * as XLSX from 'xlsx';
import { readCsvBytes } from '../../src/lib/parse/csv.ts';
import { readWorkbook } from '../../src/lib/parse/xlsx.ts';
import { isFileReadError } from '../../src/lib/parse/errors.ts';
import { autoMap, checkMapping } from '../../src/lib/map/columns.ts';
import { createRowValidator } from '../../src/lib/validate/row.ts';
import { FILE_ERROR_CODES } from '../../src/lib/codes.ts';
import type { AssistantConfig, SourceRow } from '../../src/lib/types.ts';

const assistant: AssistantConfig = {
  variables: [
    { name: 'customer_name', type: 'text', required: true, maxLength: 100 },
    { name: 'budget', type: 'number' },
    { name: 'vip', type: 'boolean', default: false },
  ],
  secondaryVariables: [{ name: 'name', type: 'text' }],
};

/** Runs a parsed file through mapping and validation; asserts the verdicts add up. */
function verdicts(headers: string[], rows: SourceRow[]) {
  const mapping = autoMap(headers, assistant);
  const check = checkMapping(headers, mapping, assistant);
  if (check.fileErrors.length) {
    for (const e of check.fileErrors) expect(FILE_ERROR_CODES).toContain(e.code);
    return;
  }
  const validator = createRowValidator({ assistant, headers, mapping, defaultCountry: 'US' });
  let leads = 0;
  let failed = 0;
  for (const r of rows) {
    const v = validator.validate(r);
    expect(v.row).toBe(r.row);
    if (v.lead) {
      expect(v.errors).toEqual([]);
      expect(v.lead.e164).toMatch(/^\+[1-9]\d{6,14}$/);
      leads++;
    } else {
      expect(v.errors.length).toBeGreaterThan(0);
      for (const e of v.errors) expect(e.message.length).toBeGreaterThan(0);
      failed++;
    }
  }
  // Rows come out once each, in file order, never narrower than the header.
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) expect(rows[i]!.row).toBeGreaterThan(rows[i - 1]!.row);
    expect(rows[i]!.cells.length).toBeGreaterThanOrEqual(headers.length);
  }
  return { leads, failed };
}

function expectCleanError(err: unknown) {
  if (!isFileReadError(err)) throw err;
  expect(FILE_ERROR_CODES).toContain(err.code);
  expect(err.message).not.toMatch(/\n\s+at /);
}

function throughCsv(bytes: Uint8Array) {
  try {
    const { headers, rows } = readCsvBytes(bytes, { maxColumns: 200, maxCellLength: 10_000 });
    verdicts(headers, rows);
  } catch (err) {
    expectCleanError(err);
  }
}

function throughXlsx(bytes: Uint8Array) {
  try {
    const { headers, rows } = readWorkbook(bytes);
    verdicts(headers, rows);
  } catch (err) {
    expectCleanError(err);
  }
}

const VALID_CSV = new TextEncoder().encode(
  'phone_number,customer_name,budget,vip,secondary_phone_1,secondary_1_name\r\n' +
    '+14152000001,Ann,100,yes,+14152000002,Bo\r\n' +
    '"(415) 200-0003","Smith, J",1.5,no,,\r\n' +
    '4152000004,,x,maybe,+14152000004,Al\r\n',
);

function validXlsx(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['phone_number', 'customer_name', 'budget', 'vip'],
    [14152000001, 'Ann', 100, true],
    ['+1 415 200 0002', 'Bob', '', 'no'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
}


describe('fuzz: CSV', () => {
  it('random bytes never crash or hang', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2_000 }), throughCsv), { numRuns: 300 });
  });

  it('random text with delimiters, quotes and line breaks', () => {
    const alphabet = fc.constantFrom(',', ';', '\t', '|', '"', '\r', '\n', 'a', '1', '+', ' ', '\u00a0', 'é', '\0');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 600 }), (chars) => throughCsv(new TextEncoder().encode('phone_number,customer_name\n' + chars.join('')))),
      { numRuns: 300 },
    );
  });

  it('mutations of a valid file', () => {
    fc.assert(fc.property(mutate(VALID_CSV), throughCsv), { numRuns: 300 });
  });
});

describe('fuzz: XLSX', () => {
  const base = validXlsx();

  it('the valid workbook reads', () => {
    const { rows } = readWorkbook(base);
    expect(rows).toHaveLength(2);
  });

  it('mutations and truncations of a valid workbook give rows or a clean error', () => {
    fc.assert(fc.property(mutate(base), throughXlsx), { numRuns: 150 });
    fc.assert(fc.property(fc.nat({ max: base.length }), (n) => throughXlsx(base.slice(0, n))), { numRuns: 100 });
  });

  it('random bytes, with and without a zip or OLE signature', () => {
    const prefixed = fc
      .tuple(fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], []), fc.uint8Array({ maxLength: 3_000 }))
      .map(([head, rest]) => new Uint8Array([...head, ...rest]));
    fc.assert(fc.property(prefixed, throughXlsx), { numRuns: 200 });
  });
});
