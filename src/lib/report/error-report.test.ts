import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROW_ERROR_CODES } from '../codes.ts';
import { readCsvText } from '../parse/csv.ts';
import type { RowError, SourceRow } from '../types.ts';
import { createReportWriter, errorCodesCell, errorMessagesCell, REPORT_BOM, reportHeader } from './error-report.ts';

/** One report line for a rejected row, as the Worker and the preview write them (createReportWriter). */
const reportLine = (headers: string[], row: SourceRow, errors: RowError[]) => createReportWriter(headers).line(row, errors);

/** A whole report: BOM, header line, one line per rejected row, in the order given. */
function writeErrorReport(headers: string[], rows: { row: SourceRow; errors: RowError[] }[]): string {
  const writer = createReportWriter(headers);
  return [REPORT_BOM, writer.header, ...rows.map(({ row, errors }) => writer.line(row, errors))].join('');
}

const invalidPhone: RowError = {
  code: 'PHONE_INVALID',
  column: 'phone',
  message: '"+1415" is not a valid phone number',
  guidance: 'Use the full number with country code, e.g. +14155551234',
};
const duplicate: RowError = {
  code: 'DUPLICATE_IN_FILE',
  column: 'phone',
  message: 'Duplicate of row 1',
  guidance: 'Remove one of the two rows',
  duplicateOf: 1,
};
const missingName: RowError = { code: 'VARIABLE_REQUIRED', column: 'customer_name', message: 'customer_name is required', guidance: '' };

describe('reportHeader', () => {
  it('keeps the original columns in order and appends the report columns', () => {
    expect(reportHeader(['phone_number', 'customer_name', 'budget, range'])).toBe('"phone_number","customer_name","budget, range","error_row","error_codes","error_messages"\r\n');
  });

  it("drops a previous report's columns, so a corrected report re-imports without growing", () => {
    expect(reportHeader(['phone', 'error_row', 'name', 'Error_Codes', ' error_messages '])).toBe('"phone","name","error_row","error_codes","error_messages"\r\n');
  });

  it('neutralises header names too', () => {
    expect(reportHeader(['=cmd', 'phone'])).toBe(`"'=cmd","phone","error_row","error_codes","error_messages"\r\n`);
  });
});

describe('reportLine', () => {
  const headers = ['phone', 'customer_name', 'note'];

  it('writes the original text, the row number, codes and messages', () => {
    const row: SourceRow = { row: 7, cells: ['+1415', 'Doe, Jane', ''] };
    expect(reportLine(headers, row, [invalidPhone, missingName])).toBe(
      `"'+1415","Doe, Jane","","7","PHONE_INVALID;VARIABLE_REQUIRED","""+1415"" is not a valid phone number — Use the full number with country code, e.g. +14155551234 | customer_name is required"\r\n`,
    );
  });

  it('lists each code once, in order', () => {
    expect(errorCodesCell([duplicate, invalidPhone, duplicate])).toBe('DUPLICATE_IN_FILE;PHONE_INVALID');
    expect(errorMessagesCell([duplicate, missingName])).toBe('Duplicate of row 1 — Remove one of the two rows | customer_name is required');
  });

  it('pads short rows and leaves out cells beyond the header', () => {
    expect(reportLine(headers, { row: 2, cells: ['1'] }, [missingName])).toBe('"1","","","2","VARIABLE_REQUIRED","customer_name is required"\r\n');
    expect(reportLine(headers, { row: 3, cells: ['1', 'a', 'b', 'extra'] }, [missingName])).toBe('"1","a","b","3","VARIABLE_REQUIRED","customer_name is required"\r\n');
  });

  it("leaves out a previous report's cells", () => {
    const again = ['phone', 'error_row', 'error_codes', 'error_messages', 'name'];
    expect(reportLine(again, { row: 1, cells: ['+1415', '7', 'PHONE_INVALID', 'old', 'Ann'] }, [invalidPhone])).toMatch(/^"'\+1415","Ann","1","PHONE_INVALID",/);
  });
});

describe('writeErrorReport', () => {
  const headers = ['phone', 'customer_name'];
  const rows = [
    { row: { row: 2, cells: ['+1415', '=1+1'] }, errors: [invalidPhone] },
    { row: { row: 5, cells: ['+14155551234', 'Ann'] }, errors: [duplicate] },
  ];
  const report = writeErrorReport(headers, rows);

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(report.startsWith('\uFEFF"phone","customer_name","error_row"')).toBe(true);
    expect(report.endsWith('\r\n')).toBe(true);
    expect(report.replaceAll('\r\n', '').includes('\n')).toBe(false);
    expect(report.split('\r\n')).toHaveLength(4);
  });

  it('re-imports as it is: the original cells come back, the report columns beside them', () => {
    const back = readCsvText(report);
    expect(back.delimiter).toBe(',');
    expect(back.headers).toEqual(['phone', 'customer_name', 'error_row', 'error_codes', 'error_messages']);
    expect(back.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['+1415', '=1+1'],
      ['+14155551234', 'Ann'],
    ]);
    expect(back.rows[1]!.cells.slice(2, 4)).toEqual(['5', 'DUPLICATE_IN_FILE']);
  });

  it('does not grow when a report is reported again', () => {
    const back = readCsvText(report);
    const again = writeErrorReport(
      back.headers,
      back.rows.map((row) => ({ row, errors: [invalidPhone] })),
    );
    expect(again.split('\r\n')[0]).toBe('\uFEFF"phone","customer_name","error_row","error_codes","error_messages"');
    expect(readCsvText(again).rows.map((r) => r.cells.slice(0, 2))).toEqual(back.rows.map((r) => r.cells.slice(0, 2)));
  });

  it('is the header followed by the lines of a writer', () => {
    const writer = createReportWriter(headers);
    expect(report).toBe('\uFEFF' + writer.header + rows.map(({ row, errors }) => writer.line(row, errors)).join(''));
  });
});

describe('a report re-read through readCsvText gives back the original cells', () => {
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', '|', ' ', 'a', '1') }),
    fc.string({ unit: 'grapheme' }),
  );
  const header = text.filter((h) => h.trim() === h && h !== '' && !/^error_(row|codes|messages)$/i.test(h));
  const error = fc.record({
    code: fc.constantFrom(...ROW_ERROR_CODES),
    message: text,
    guidance: text,
  });

  it('for any headers, cells and errors', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(header, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.array(text, { maxLength: 6 }), fc.array(error, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        (headers, lines) => {
          const rows = lines.map(([cells, errors], i) => ({ row: { row: i * 2 + 1, cells }, errors: errors as RowError[] }));
          const back = readCsvText(writeErrorReport(headers, rows));
          expect(back.headers).toEqual([...headers, 'error_row', 'error_codes', 'error_messages']);
          expect(back.rows).toHaveLength(rows.length);
          back.rows.forEach((r, i) => {
            const { row: original, errors } = rows[i]!;
            expect(r.cells.slice(0, headers.length)).toEqual(headers.map((_, c) => original.cells[c] ?? ''));
            expect(r.cells.slice(headers.length)).toEqual([String(original.row), errorCodesCell(errors), errorMessagesCell(errors)]);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
