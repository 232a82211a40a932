/** Legacy .xls (OLE compound file) containment: the workbook is rebuilt before SheetJS sees it. */
import * as XLSX from 'xlsx';
import { FileReadError } from './errors.ts';
import { corruptWorkbook, passwordProtected } from './workbook-errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';

/**
 * BIFF8 records whose formula SheetJS parses, with the offset of the formula's length (cce) in the
 * record body. SheetJS's formula loop (`while (target != blob.l)`) never ends when a token runs
 * past that length: a one-byte change to a 4 KB file hangs it. Cached values stay readable with
 * cce = 0, and formulas are not needed.
 */
const FORMULA_LENGTH_AT = new Map<number, number>([
  [0x0006, 20], // Formula
  [0x0206, 20],
  [0x0406, 20],
  [0x04bc, 8], // ShrFmla
  [0x0021, 12], // Array
  [0x0221, 12],
  [0x0018, 4], // Lbl (defined name)
  [0x0218, 4],
]);
const LBL = new Set([0x0018, 0x0218]);

/**
 * The .xls rebuilt for SheetJS: a fresh compound file holding only the BIFF8 "Workbook" stream
 * (or Excel 95's BIFF5 "Book" stream, whose text is in the code page its CODEPAGE record names:
 * code-pages.ts), with every formula emptied. Document properties (whose parser a 4 KB crafted
 * file drives out of memory), VBA, embedded objects and other streams are left behind. Excel 4
 * and older, encrypted and non-Excel OLE files are refused.
 */
export function sanitiseXls(bytes: Uint8Array): Uint8Array {
  const CFB = XLSX.CFB as {
    read(data: Uint8Array, opts: { type: 'array' }): unknown;
    find(cfb: unknown, path: string): { content?: ArrayLike<number> } | null;
    write(cfb: unknown, opts: { type: 'array' }): ArrayLike<number>;
    utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, content: Uint8Array): void };
  };
  let container: unknown;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    throw corruptWorkbook();
  }
  if (CFB.find(container, '/encryption') || CFB.find(container, 'EncryptedPackage')) throw passwordProtected();
  const biff8 = CFB.find(container, '/Workbook');
  const name = biff8?.content?.length ? '/Workbook' : '/Book';
  const entry = biff8?.content?.length ? biff8 : CFB.find(container, '/Book');
  /** BIFF8 (Excel 97 and later) in "Workbook", BIFF5 (Excel 5 and 95) in "Book". */
  const version = name === '/Workbook' ? 0x0600 : 0x0500;
  if (!entry?.content?.length) {
    throw new FileReadError(FILE_ERRORS.officeNotExcel());
  }
  const stream = Uint8Array.from(entry.content);
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    const length = stream[p + 2]! | (stream[p + 3]! << 8);
    const body = p + 4;
    if (type === 0x002f) throw passwordProtected(); // FilePass
    if (type === 0x0009 || type === 0x0209 || type === 0x0409) throw oldExcel();
    if (type === 0x0809 && (length < 2 || ((stream[body] ?? 0) | ((stream[body + 1] ?? 0) << 8)) !== version)) throw oldExcel();
    const at = FORMULA_LENGTH_AT.get(type);
    if (at !== undefined) {
      if (length >= at + 2 && body + at + 2 <= stream.length) {
        stream[body + at] = 0;
        stream[body + at + 1] = 0;
      } else if (!LBL.has(type)) {
        throw corruptWorkbook(); // SheetJS would read the length from the next record
      }
    }
    p = body + length;
  }
  const clean = CFB.utils.cfb_new();
  CFB.utils.cfb_add(clean, name, stream);
  return Uint8Array.from(CFB.write(clean, { type: 'array' }));
}

function oldExcel(): FileReadError {
  return new FileReadError(FILE_ERRORS.oldExcel());
}
