import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readCompoundFile } from './compound-file.ts';
import { readWorkbook } from './xlsx.ts';
import { fileError } from './expect-file-error.ts';
import { compoundFile } from '../../../test/corpus/compound-file.ts';

const CFB = XLSX.CFB as unknown as { read(d: Uint8Array, o: { type: 'array' }): unknown; find(c: unknown, p: string): { content: ArrayLike<number> } | null };
const xls = (rows: number) => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['phone', 'name'], ...Array.from({ length: rows }, (_, i) => [`+1415555${String(i).padStart(4, '0')}`, `Lead ${i}`])]), 'Leads');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }));
};
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('reading an OLE compound file', () => {
  it.each([
    ['in the mini stream (under 4 KB)', 3],
    ['in regular sectors', 2000],
  ])('finds the workbook stream %s, byte for byte as SheetJS does', (_where, rows) => {
    const file = xls(rows);
    const sheetJs = Uint8Array.from(CFB.find(CFB.read(file, { type: 'array' }), '/Workbook')!.content);
    expect(sheetJs.length < 4096).toBe(rows < 10);
    const ours = readCompoundFile(file);
    expect(ours.stream('Workbook')).toEqual(sheetJs);
    expect(ours.stream('workbook')).toEqual(sheetJs);
    expect(ours.stream('Book')).toBeNull();
  });

  it('answers a password-protected .xlsx (Office encryption in a compound file) as password-protected', () => {
    const file = compoundFile([
      { name: 'EncryptionInfo', content: bytes(700, 1) },
      { name: 'EncryptedPackage', content: bytes(3000, 2) },
    ]);
    expect(fileError(() => readWorkbook(file)).message).toMatch(/password-protected/);
  });

  it('refuses a directory whose sibling links loop, after visiting each entry once', () => {
    const file = compoundFile([{ name: 'A', content: bytes(600, 1) }, { name: 'B', content: bytes(600, 2) }, { name: 'Workbook', content: bytes(600, 3), right: 1 }]);
    expect(fileError(() => readCompoundFile(file)).code).toBe('FILE_CORRUPT');
    expect(fileError(() => readWorkbook(file)).code).toBe('FILE_CORRUPT');
  });

  it('refuses a stream whose sector chain loops', () => {
    const file = compoundFile([{ name: 'Workbook', content: bytes(5000, 1) }], { fatCycle: true });
    const container = readCompoundFile(file);
    expect(fileError(() => container.stream('Workbook')).code).toBe('FILE_CORRUPT');
  });

  it('reads a directory of 60,000 entries (7.7 MB) in steps linear in its entries and sectors', () => {
    const entries = Array.from({ length: 60_000 }, (_, i) => ({ name: `s${i}` }));
    const file = compoundFile([...entries, { name: 'Workbook', content: bytes(9000, 5) }]);
    const container = readCompoundFile(file);
    expect(container.stream('Workbook')).toEqual(bytes(9000, 5));
    const sectors = (file.length - 512) / 512;
    expect(container.top.size).toBe(60_001);
    expect(container.work).toBeLessThanOrEqual(60_001 + 2 * sectors);
  });
});
