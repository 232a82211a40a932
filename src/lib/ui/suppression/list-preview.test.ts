import { describe, expect, it } from 'vitest';
import { createCsvStream } from '../../parse/csv.ts';
import { createListPreview } from './list-preview.ts';

function rowsOf(csvText: string) {
  const csv = createCsvStream();
  const rows = [...csv.push(csvText), ...csv.end()];
  return { headers: csv.headers!, rows };
}

describe('suppression list preview', () => {
  it('finds the phone column by the lead mapping rules and flags the rows the server would refuse', () => {
    const { headers, rows } = rowsOf('Name,Mobile,reason,expires_at\nAl,+14155550100,asked,\nBo,12,,\nCy,(415) 555-0101,,2026-02-30\nDi,4155550102,,2030-01-01\n');
    const preview = createListPreview(headers, 'US');
    preview.take(rows);
    const s = preview.summary();
    expect(s.phoneColumn).toBe(1);
    expect(s.phoneColumnLabel).toBe('Mobile');
    expect(s.reasonColumn).toBe(2);
    expect(s.expiresColumn).toBe(3);
    expect(s.fileErrors).toEqual([]);
    expect(s.rows).toBe(4);
    expect(s.invalidRows).toBe(2);
    expect(s.firstInvalid.map((r) => [r.row, r.problem?.code])).toEqual([[2, 'PHONE_INVALID'], [3, 'EXPIRES_AT_INVALID']]);
    expect(s.firstRows[3]!.problem).toBeUndefined();
    expect(s.firstInvalid[0]!.problem!.message).toContain('"Mobile"');
  });

  it('builds a formula-safe CSV of the refused rows, with the report columns', () => {
    const { headers, rows } = rowsOf('phone_number,reason\n=1+2,x\n+14155550100,ok\n');
    const preview = createListPreview(headers, 'US');
    preview.take(rows);
    const report = preview.report()!;
    expect(report.startsWith('\uFEFF"phone_number","reason","error_row","error_codes","error_messages"\r\n')).toBe(true);
    const line = report.split('\r\n')[1]!;
    expect(line.startsWith(`"'=1+2","x","1","PHONE_INVALID",`)).toBe(true);
    expect(report.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('says when the file has no phone column, and has no report when every row is a number', () => {
    const { headers, rows } = rowsOf('name,city\nAl,Paris\n');
    const preview = createListPreview(headers, 'US');
    preview.take(rows);
    expect(preview.summary().fileErrors.map((e) => e.code)).toEqual(['NO_PHONE_COLUMN']);
    expect(preview.report()).toBeNull();
  });
});
