/**
 * An Excel 95 workbook (BIFF5) whose text is in a code page, as Excel 95 wrote them: SheetJS writes
 * the BIFF5 structure (with placeholders, its writer knows no code page), then every LABEL record
 * gets the cell's bytes in the code page and the CODEPAGE record its number.
 */
import * as XLSX from 'xlsx';
import { encodeText } from './encode-text.ts';

interface Cfb {
  read(data: Uint8Array, opts: { type: 'array' }): unknown;
  find(cfb: unknown, path: string): { content: ArrayLike<number> } | null;
  write(cfb: unknown, opts: { type: 'array' }): ArrayLike<number>;
  utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, content: Uint8Array): void };
}

/** `rows` as a BIFF5 workbook (one sheet) in Windows code page `codePage`, whose text TextDecoder knows as `label`. */
export function biff5Workbook(rows: string[][], codePage: number, label: string): Uint8Array {
  const encoded = rows.map((r) => r.map((cell) => encodeText(cell, label)!));
  // Placeholders as long as each cell's bytes, so the records keep their lengths.
  const sheet = XLSX.utils.aoa_to_sheet(encoded.map((r) => r.map((b) => 'x'.repeat(b.length))));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Leads');
  const file = new Uint8Array(XLSX.write(book, { bookType: 'biff5', type: 'array' }) as ArrayBuffer);
  const CFB = XLSX.CFB as unknown as Cfb;
  const stream = Uint8Array.from(CFB.find(CFB.read(file, { type: 'array' }), '/Book')!.content);
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    const length = stream[p + 2]! | (stream[p + 3]! << 8);
    const body = p + 4;
    if (type === 0x0042) {
      stream[body] = codePage & 0xff;
      stream[body + 1] = codePage >> 8;
    }
    if (type === 0x0204) {
      const row = stream[body]! | (stream[body + 1]! << 8);
      const col = stream[body + 2]! | (stream[body + 3]! << 8);
      stream.set(encoded[row]![col]!, body + 8);
    }
    p = body + length;
  }
  const out = CFB.utils.cfb_new();
  CFB.utils.cfb_add(out, '/Book', stream);
  return Uint8Array.from(CFB.write(out, { type: 'array' }));
}
