/** Legacy .xls (OLE compound file) containment: the workbook stream is read by compound-file.ts and rebuilt before SheetJS sees it. */
import * as XLSX from 'xlsx';
import { readCompoundFile } from './compound-file.ts';
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
 * Records the reader never needs, renamed to XCT (0x0059, a record SheetJS skips unread) so the
 * stream keeps its length and the sheets their offsets. SheetJS applies a hyperlink (HLink) or its
 * tooltip (HLinkTooltip) to every cell of the range it names: a 20-byte record naming 65,536 × 256
 * cells held a Worker 9 s, and a file holds hundreds. WriteAccess (who saved the file) has a
 * string whose length a cut record reads from past its end.
 */
const SKIPPED = new Set([0x01b8, 0x0800, 0x005c]);
const XCT = 0x0059;

/**
 * The .xls rebuilt for SheetJS: a fresh compound file holding only the BIFF8 "Workbook" stream
 * (or Excel 95's BIFF5 "Book" stream, whose text is in the code page its CODEPAGE record names:
 * code-pages.ts), with every formula emptied and hyperlinks skipped. Document properties (whose
 * parser a 4 KB crafted file drives out of memory), VBA, embedded objects and other streams are left behind. Excel 4
 * and older, encrypted and non-Excel OLE files are refused.
 */
export function sanitiseXls(bytes: Uint8Array): Uint8Array {
  const CFB = XLSX.CFB as {
    write(cfb: unknown, opts: { type: 'array' }): ArrayLike<number>;
    utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, content: Uint8Array): void };
  };
  const container = readCompoundFile(bytes);
  const names = new Set([...container.top.keys()].map((n) => n.toUpperCase()));
  if (names.has('ENCRYPTION') || names.has('ENCRYPTEDPACKAGE')) throw passwordProtected();
  const biff8 = container.stream('Workbook');
  /** BIFF8 (Excel 97 and later) in "Workbook", BIFF5 (Excel 5 and 95) in "Book". */
  const name = biff8?.length ? '/Workbook' : '/Book';
  const version = name === '/Workbook' ? 0x0600 : 0x0500;
  const stream = biff8?.length ? biff8 : container.stream('Book');
  if (!stream?.length) {
    throw new FileReadError(FILE_ERRORS.officeNotExcel());
  }
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    const length = stream[p + 2]! | (stream[p + 3]! << 8);
    const body = p + 4;
    if (type === 0x002f) throw passwordProtected(); // FilePass
    if (type === 0x0009 || type === 0x0209 || type === 0x0409) throw oldExcel();
    if (type === 0x0809 && (length < 2 || ((stream[body] ?? 0) | ((stream[body + 1] ?? 0) << 8)) !== version)) throw oldExcel();
    if (SKIPPED.has(type)) {
      stream[p] = XCT & 0xff;
      stream[p + 1] = XCT >> 8;
    }
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
