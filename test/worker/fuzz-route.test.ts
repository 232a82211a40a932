/**
 * Fuzzing the headless import route itself: random bytes and mutations of valid CSV and XLSX
 * files as request bodies. Every answer is a clean JSON error with a public code, or an import
 * whose counts add up; never a 500, never a hang.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mutate } from '../mutate.ts';
import * as XLSX from 'xlsx';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { FILE_ERROR_CODES } from '../../src/lib/codes.ts';

const ALLOWED = new Set<string>([...FILE_ERROR_CODES, 'VALIDATION_FAILED', 'RATE_LIMITED']);

const CSV = new TextEncoder().encode(
  'phone_number,customer_name,company,secondary_phone_1,secondary_1_name\r\n' +
    '+14152000001,Ann,A,+14152000002,Bo\r\n' +
    '"(415) 200-0003","Smith, J",B,,\r\n' +
    '4152000004,,C,+14152000004,Al\r\n',
);

function xlsx(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['phone_number', 'customer_name'], [14152000001, 'Ann'], ['+1 415 200 0002', 'Bob']]), 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
}


describe('fuzz: the headless route', () => {
  it('CSV: random bytes and mutations of a valid file', async () => {
    const { api, campaign } = await seededCampaign();
    const send = async (body: Uint8Array) => {
      const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=f.csv&ignoreErrors=true`, body, { 'Content-Type': 'text/csv' });
      const json = await res.json<any>();
      if (res.status === 201 || res.status === 202) {
        const view = res.status === 201 ? json : await waitForEnd(api, json.id);
        expect(view.status).toBe('completed');
        expect(view.importedRows + view.failedRows).toBe(view.totalRows);
      } else {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(ALLOWED.has(json.error.code), json.error.code).toBe(true);
        expect(json.error.message).not.toMatch(/\n\s+at /);
      }
    };
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 1_500 }), send), { numRuns: 40 });
    await fc.assert(fc.asyncProperty(mutate(CSV, 10), send), { numRuns: 60 });
  });

  it('XLSX: mutations and truncations of a valid workbook', async () => {
    const { api, campaign } = await seededCampaign();
    const base = xlsx();
    const send = async (body: Uint8Array) => {
      const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=f.xlsx&ignoreErrors=true`, body, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const json = await res.json<any>();
      if (res.status === 201) expect(json.importedRows + json.failedRows).toBe(json.totalRows);
      else {
        expect(res.status).toBeLessThan(500);
        expect(ALLOWED.has(json.error.code), json.error.code).toBe(true);
      }
    };
    await fc.assert(fc.asyncProperty(mutate(base, 10), send), { numRuns: 40 });
    await fc.assert(fc.asyncProperty(fc.nat({ max: base.length - 1 }), (n) => send(base.slice(0, n + 1))), { numRuns: 20 });
  });
});
