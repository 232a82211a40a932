/** Small CSV helpers for tests (reading reports back uses the product's own reader). */
import { readCsvText } from '../../src/lib/parse/csv.ts';

export function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';
}

export function readReport(text: string): { headers: string[]; rows: Record<string, string>[] } {
  const { headers, rows } = readCsvText(text.replace(/^\uFEFF/, ''));
  return { headers, rows: rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r.cells[i] ?? '']))) };
}

/** n distinct valid US numbers, +1415200xxxx style. */
export function usNumbers(n: number, offset = 0): string[] {
  return Array.from({ length: n }, (_, i) => `+1415${String(2_000_000 + offset + i).padStart(7, '0')}`);
}
