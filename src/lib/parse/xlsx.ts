/** Excel workbooks (.xlsx, .xls) to header + data rows through SheetJS, fenced in: zips are measured and .xls files rebuilt before SheetJS sees them. */
import * as XLSX from 'xlsx';
import { LIMITS } from '../limits.ts';
import type { SourceRow } from '../types.ts';
import { FileReadError, formatBytes, formatCount } from './errors.ts';

export type FileKind = 'csv' | 'xlsx' | 'xls' | 'unknown';

export interface WorkbookOptions {
  /** Sheet to read, by name (exact, else ignoring case and edge spaces); default the first visible sheet. */
  sheet?: string;
  maxRows?: number;
  maxColumns?: number;
  maxCellLength?: number;
  /** Largest total the workbook's zip entries may expand to (zip bomb guard). */
  maxUncompressedBytes?: number;
}

export interface WorkbookRows {
  sheetNames: string[];
  sheet: string;
  headers: string[];
  rows: SourceRow[];
}

const OPEN_AND_RESAVE = 'Open it in Excel, save it again as .xlsx (or as CSV UTF-8), and upload that.';

/**
 * What a file is, from its first bytes: a zip (`PK\x03\x04`) is 'xlsx', an OLE container
 * (`D0 CF 11 E0 …`) is 'xls', plain text that is not HTML/XML markup is 'csv' (also when named
 * .xls: CRMs export tab-separated text under that name, and it is read as CSV), anything else
 * 'unknown' (see unsupportedFileError). An empty file takes its kind from `fileName`.
 */
export function sniffFileKind(bytes: Uint8Array, fileName?: string): FileKind {
  if (bytes.length === 0) {
    const ext = /\.(xlsx|xlsm|xls)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
    return ext === 'xls' ? 'xls' : ext ? 'xlsx' : 'csv';
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) return 'xls';
  const text = headText(bytes);
  if (text === null) return 'unknown';
  return MARKUP.test(text) ? 'unknown' : 'csv';
}

/** The FILE_UNSUPPORTED error for a file that is neither CSV nor a workbook, saying what it seems to be. */
export function unsupportedFileError(bytes: Uint8Array, fileName?: string): FileReadError {
  const named = fileName ? `"${fileName}"` : 'This file';
  const text = headText(bytes);
  if (text !== null && /^\s*<(!doctype\s+html|html|table|head|body|meta|!--)/i.test(text)) {
    return new FileReadError('FILE_UNSUPPORTED', `${named} is a web page (HTML), not a real spreadsheet, even if Excel opens it. ${OPEN_AND_RESAVE}`);
  }
  if (text !== null && /^\s*<\?xml/i.test(text)) {
    return new FileReadError('FILE_UNSUPPORTED', `${named} is an XML file (such as the old "XML Spreadsheet 2003" format), which is not supported. ${OPEN_AND_RESAVE}`);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return new FileReadError('FILE_UNSUPPORTED', `${named} is a PDF. Upload the spreadsheet the list came from, as .xlsx, .xls or .csv.`);
  }
  return new FileReadError('FILE_UNSUPPORTED', `${named} is not a CSV file or an Excel workbook (.xlsx, .xls). Save the list as .xlsx or CSV UTF-8 and upload that.`);
}

/** Names of the workbook's sheets, in order (reads the workbook structure only, after the same size checks). */
export function listSheets(bytes: Uint8Array, opts: Pick<WorkbookOptions, 'maxUncompressedBytes'> = {}): string[] {
  checkWorkbookBytes(bytes, opts.maxUncompressedBytes ?? LIMITS.maxXlsxUncompressedBytes);
  const names = readWithSheetJs(bytes, { bookSheets: true }).SheetNames;
  if (!Array.isArray(names)) throw corruptWorkbook();
  return names.map(String);
}

/**
 * Reads one sheet as rows of the text Excel shows. The first non-blank row is the header
 * (trimmed, trailing empty names dropped); later blank rows are skipped but counted in `row`
 * (= sheet row − header row). Leading columns empty in every row are dropped. Numeric cells also
 * give their raw value in `numeric`, to recover a phone number shown as `1.41555E+10`.
 */
export function readWorkbook(bytes: Uint8Array, opts: WorkbookOptions = {}): WorkbookRows {
  try {
    return readSheet(bytes, opts);
  } catch (e) {
    // SheetJS output of a damaged file can be any shape: whatever breaks is the file's fault.
    if (e instanceof FileReadError) throw e;
    throw corruptWorkbook();
  }
}

function readSheet(bytes: Uint8Array, opts: WorkbookOptions): WorkbookRows {
  const maxRows = opts.maxRows ?? LIMITS.maxRows;
  const maxColumns = opts.maxColumns ?? LIMITS.maxColumns;
  const maxCellLength = opts.maxCellLength ?? LIMITS.maxCellLength;
  checkWorkbookBytes(bytes, opts.maxUncompressedBytes ?? LIMITS.maxXlsxUncompressedBytes);

  let wb = readWithSheetJs(bytes, { sheets: opts.sheet ?? 0 });
  const sheetNames = (wb.SheetNames ?? []).map(String);
  if (sheetNames.length === 0) throw new FileReadError('FILE_EMPTY', 'The workbook has no sheets.');
  const name = chooseSheet(sheetNames, wb.Workbook?.Sheets, opts.sheet);
  if (!Object.hasOwn(wb.Sheets ?? {}, name)) wb = readWithSheetJs(bytes, { sheets: name });
  const ws = Object.hasOwn(wb.Sheets ?? {}, name) ? wb.Sheets[name] : undefined;
  if (!ws) throw new FileReadError('FILE_CORRUPT', `The sheet "${name}" could not be read. ${OPEN_AND_RESAVE}`);

  const grid = denseRows(ws);
  const where = sheetNames.length > 1 ? ` in sheet "${name}"` : '';
  let headerIndex = -1;
  let firstColumn = Infinity;
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) continue;
    // The header is the first row with text; the first column the leftmost with text in any row.
    for (let c = 0; c < Math.min(cells.length, firstColumn); c++) {
      if (!isBlankText(cellText(cells[c]))) {
        firstColumn = c;
        if (headerIndex < 0) headerIndex = r;
        break;
      }
    }
  }
  if (headerIndex < 0) throw new FileReadError('FILE_EMPTY', `The sheet "${name}" is empty: it has no header row and no data rows.`);

  const headerCells = grid[headerIndex] ?? [];
  const headers: string[] = [];
  for (let c = firstColumn; c < headerCells.length; c++) headers[c - firstColumn] = cellText(headerCells[c]).trim();
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length > maxColumns) {
    throw new FileReadError('TOO_MANY_COLUMNS', `The header row${where} has ${formatCount(headers.length)} columns; at most ${formatCount(maxColumns)} are allowed. Remove the columns you don't need and upload again.`);
  }
  const longHeader = headers.findIndex((h) => h.length > maxCellLength);
  if (longHeader >= 0) throw cellTooLong(`the header row${where}`, `number ${longHeader + 1}`, maxCellLength);

  const rows: SourceRow[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) continue;
    const row = r - headerIndex;
    const values: string[] = [];
    let numeric: Record<number, number> | undefined;
    let width = 0;
    for (let c = firstColumn; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const text = cellText(cell);
      const i = c - firstColumn;
      if (text.length > maxCellLength) throw cellTooLong(`row ${row}${where}`, headers[i] ? `"${headers[i]}"` : `number ${i + 1}`, maxCellLength);
      values[i] = text;
      if (!isBlankText(text)) width = i + 1;
      if (cell.t === 'n' && typeof cell.v === 'number') (numeric ??= {})[i] = cell.v;
    }
    if (width === 0) continue;
    if (row > maxRows) {
      throw new FileReadError('TOO_MANY_ROWS', `The sheet "${name}" has more than ${formatCount(maxRows)} data rows (the limit). Split it into smaller files and import each one.`);
    }
    if (width > maxColumns) {
      throw new FileReadError('TOO_MANY_COLUMNS', `Row ${row}${where} has ${formatCount(width)} columns; at most ${formatCount(maxColumns)} are allowed.`);
    }
    const length = Math.max(width, headers.length);
    const out: string[] = new Array(length);
    for (let i = 0; i < length; i++) out[i] = values[i] ?? '';
    const source: SourceRow = { row, cells: out };
    if (numeric) {
      for (const key of Object.keys(numeric)) if (Number(key) >= length) delete numeric[Number(key)];
      if (Object.keys(numeric).length > 0) source.numeric = numeric;
    }
    rows.push(source);
  }
  if (rows.length === 0) {
    throw new FileReadError('FILE_EMPTY', `The sheet "${name}" has a header row but no data rows. Add at least one lead below the header and upload again.`);
  }
  return { sheetNames, sheet: name, headers, rows };
}

// ---- Reading through SheetJS ----------------------------------------------------------------

/** Refuses what SheetJS should never see: non-workbooks, and zips that would expand past `maxUncompressed`. */
function checkWorkbookBytes(bytes: Uint8Array, maxUncompressed: number): void {
  if (bytes.length === 0) throw new FileReadError('FILE_EMPTY', 'The file is empty.');
  const kind = sniffFileKind(bytes);
  if (kind === 'xlsx') checkZip(bytes, maxUncompressed);
  else if (kind === 'csv') throw new FileReadError('FILE_UNSUPPORTED', 'This file is text (CSV), not an Excel workbook; upload it as .csv.');
  else if (kind !== 'xls') throw unsupportedFileError(bytes);
}

function readWithSheetJs(bytes: Uint8Array, extra: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    const input = startsWith(bytes, OLE_MAGIC) ? sanitiseXls(bytes) : bytes;
    return XLSX.read(input, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellNF: false,
      cellText: true,
      cellDates: false,
      sheetStubs: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      bookProps: false,
      WTF: false,
      ...extra,
    });
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw passwordProtected();
    throw corruptWorkbook();
  }
}

/** The sheet asked for (exact name, else ignoring case and edge spaces), or the first visible one. */
function chooseSheet(names: string[], props: XLSX.SheetProps[] | undefined, wanted: string | undefined): string {
  if (wanted === undefined) {
    const visible = names.find((_, i) => !props?.[i]?.Hidden);
    return visible ?? names[0];
  }
  if (names.includes(wanted)) return wanted;
  const key = wanted.trim().toLowerCase();
  const loose = names.find((n) => n.trim().toLowerCase() === key);
  if (loose !== undefined) return loose;
  throw new FileReadError(
    'FILE_UNSUPPORTED',
    `The workbook has no sheet named "${wanted}". Its sheets are: ${names.map((n) => `"${n}"`).join(', ')}.`,
  );
}

/** The sheet's rows of cells by absolute index (dense mode; sparse sheets converted). */
function denseRows(ws: XLSX.WorkSheet): (XLSX.CellObject[] | undefined)[] {
  const dense = (ws as { '!data'?: (XLSX.CellObject[] | undefined)[] })['!data'];
  if (dense) return dense;
  const grid: XLSX.CellObject[][] = [];
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    (grid[r] ??= [])[c] = ws[key] as XLSX.CellObject;
  }
  return grid;
}

/** The text Excel shows for a cell: SheetJS's formatted text, else a plain rendering of the value. */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  if (typeof cell.w === 'string') return cell.w;
  const v = cell.v;
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

function isBlankText(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}

function cellTooLong(where: string, column: string, max: number): FileReadError {
  return new FileReadError('FILE_TOO_LARGE', `A cell in ${where}, column ${column}, is longer than ${formatCount(max)} characters (the limit). Shorten it and upload again.`);
}

// ---- File kind ------------------------------------------------------------------------------

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MARKUP = /^\s*<(\?xml|!doctype|html|table|head|body|meta|!--)/i;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The first KiB as text when it looks like text (UTF-16 with BOM, or bytes with no NULs and few control characters), else null. */
function headText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    const le = head[0] === 0xff;
    let s = '';
    for (let i = 2; i + 1 < Math.min(head.length, 2050); i += 2) s += String.fromCharCode(le ? head[i] | (head[i + 1] << 8) : (head[i] << 8) | head[i + 1]);
    return s;
  }
  let control = 0;
  for (const b of head) {
    if (b === 0) return null;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  if (control > head.length / 100) return null;
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return new TextDecoder('utf-8').decode(head.subarray(start, 1024 + start));
}

// ---- OLE (.xls) containment ----------------------------------------------------------------

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
 * The .xls rebuilt for SheetJS: a fresh compound file holding only the BIFF8 "Workbook" stream,
 * with every formula emptied. Document properties (whose parser a 4 KB crafted file drives out of
 * memory), VBA, embedded objects and other streams are left behind. Excel 95 and older,
 * encrypted and non-Excel OLE files are refused.
 */
function sanitiseXls(bytes: Uint8Array): Uint8Array {
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
  const entry = CFB.find(container, '/Workbook');
  if (!entry?.content?.length) {
    if (CFB.find(container, '/Book')) throw oldExcel();
    throw new FileReadError('FILE_UNSUPPORTED', 'This is an Office file but not an Excel workbook. Upload the spreadsheet itself, as .xlsx, .xls or .csv.');
  }
  const stream = Uint8Array.from(entry.content);
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream[p] | (stream[p + 1] << 8);
    const length = stream[p + 2] | (stream[p + 3] << 8);
    const body = p + 4;
    if (type === 0x002f) throw passwordProtected(); // FilePass
    if (type === 0x0009 || type === 0x0209 || type === 0x0409) throw oldExcel();
    if (type === 0x0809 && (length < 2 || (stream[body] | (stream[body + 1] << 8)) !== 0x0600)) throw oldExcel();
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
  CFB.utils.cfb_add(clean, '/Workbook', stream);
  return Uint8Array.from(CFB.write(clean, { type: 'array' }));
}

function oldExcel(): FileReadError {
  return new FileReadError('FILE_UNSUPPORTED', `This workbook is in an old Excel format (Excel 95 or earlier), which is not supported. ${OPEN_AND_RESAVE}`);
}

function passwordProtected(): FileReadError {
  return new FileReadError('FILE_UNSUPPORTED', 'The workbook is password-protected. Remove the password in Excel (File › Info › Protect Workbook), save, and upload again.');
}

function corruptWorkbook(): FileReadError {
  return new FileReadError('FILE_CORRUPT', `This Excel file could not be read: it may be damaged, cut off, or not really an Excel file. ${OPEN_AND_RESAVE}`);
}

// ---- Zip containment ------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  method: number;
  /** Where the entry's data starts (after its local header). */
  dataStart: number;
  /** Compressed size as SheetJS will use it (local header, zip64 fields applied). */
  localCompressed: number;
  /** Uncompressed size SheetJS will allocate for it (0: it grows the buffer as it inflates). */
  localUncompressed: number;
  /** Uncompressed size the central directory claims. */
  declared: number;
}

/**
 * Walks the zip's central directory and local headers the way SheetJS will (same end record, same
 * sizes), refuses encrypted or non-workbook archives, and bounds what inflating would produce:
 * first the declared sizes, then the true output of every deflate stream, counted without
 * writing it (so a stream that lies about its size is caught too). Throws FILE_TOO_LARGE past
 * `maxUncompressed`, FILE_CORRUPT for a damaged archive.
 */
export function checkZip(bytes: Uint8Array, maxUncompressed: number): void {
  const entries = zipEntries(bytes);
  const lower = entries.map((e) => e.name.toLowerCase());
  // SheetJS picks its reader by entry names (matched loosely): keep it on the .xlsx reader only.
  if (lower.some((n) => /(^|\/)(mimetype|manifest\.xml|objectdata\.xml|content\.xml)$/.test(n))) {
    throw new FileReadError('FILE_UNSUPPORTED', `This is an OpenDocument spreadsheet (.ods), which is not supported. ${OPEN_AND_RESAVE}`);
  }
  if (lower.some((n) => /\.iwa$|(^|\/)index\.(zip|xml|xml\.gz)$/.test(n))) {
    throw new FileReadError('FILE_UNSUPPORTED', `This is an Apple Numbers file, which is not supported. In Numbers choose File › Export To › Excel or CSV, and upload that.`);
  }
  const types = entries.filter((_, i) => lower[i] === '[content_types].xml');
  if (types.length === 0 || !lower.some((n) => n.startsWith('xl/'))) {
    throw new FileReadError('FILE_UNSUPPORTED', 'This is a zip archive but not an Excel workbook. Upload the spreadsheet itself, as .xlsx, .xls or .csv.');
  }
  // The binary workbook format (.xlsb) goes through the same formula parser that a crafted .xls hangs.
  if (lower.some((n) => n.endsWith('workbook.bin')) || types.some((e) => declaresBinaryWorkbook(zipEntryText(bytes, e)))) {
    throw new FileReadError('FILE_UNSUPPORTED', `Excel Binary Workbooks (.xlsb) are not supported. ${OPEN_AND_RESAVE}`);
  }
  const tooLarge = (total: number) =>
    new FileReadError(
      'FILE_TOO_LARGE',
      `The workbook expands to more than ${formatBytes(total)} when opened (the limit is ${formatBytes(maxUncompressed)}). Save the sheet as CSV UTF-8 and upload that instead.`,
    );
  let total = 0;
  for (const e of entries) {
    total += Math.max(e.declared, e.localUncompressed);
    if (total > maxUncompressed) throw tooLarge(total);
  }
  total = 0;
  for (const e of entries) {
    let size = Math.max(e.declared, e.localUncompressed);
    if (e.method === 8) size = Math.max(size, inflatedSize(bytes, e.dataStart, maxUncompressed - total));
    else size = Math.max(size, Math.min(e.localCompressed, bytes.length - e.dataStart));
    total += size;
    if (total > maxUncompressed) throw tooLarge(total);
  }
}

/** Workbook content types of SheetJS's [Content_Types].xml reading; a workbook part named *bin is read as .xlsb. */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);

function declaresBinaryWorkbook(contentTypes: string): boolean {
  const unescape = (v: string) =>
    v
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16) % 0x110000))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d) % 0x110000))
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  for (const tag of contentTypes.match(/<[^>]*Override\b[^>]*>/g) ?? []) {
    const type = attribute(tag, 'ContentType');
    const part = attribute(tag, 'PartName');
    if (!type || !part) continue;
    const contentType = type[1] ?? type[2];
    const partName = unescape(part[1] ?? part[2]);
    if (WORKBOOK_TYPES.has(contentType) || WORKBOOK_TYPES.has(unescape(contentType))) {
      if (partName.endsWith('bin') || contentType.includes('binary')) return true;
    }
  }
  return false;
}

/** A small zip entry's content as text (at most 1 MiB; larger is refused as corrupt). */
function zipEntryText(bytes: Uint8Array, e: ZipEntry): string {
  const max = 1024 * 1024;
  let data: Uint8Array;
  if (e.method === 0) {
    data = bytes.subarray(e.dataStart, Math.min(bytes.length, e.dataStart + e.localCompressed, e.dataStart + max));
  } else {
    const out = new Uint8Array(Math.min(max, Math.max(e.declared, e.localUncompressed, 1)));
    const size = inflatedSize(bytes, e.dataStart, out.length, out);
    if (size > out.length) throw corruptZip();
    data = out.subarray(0, size);
  }
  return new TextDecoder('utf-8').decode(data);
}

function corruptZip(): FileReadError {
  return new FileReadError('FILE_CORRUPT', `This Excel file is damaged or incomplete (it may have been cut off while uploading or downloading). ${OPEN_AND_RESAVE}`);
}

function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  const u16 = (p: number) => dv.getUint16(p, true);
  const u32 = (p: number) => dv.getUint32(p, true);
  // End of central directory: the last "PK\x05\x06", searched backwards from the end as SheetJS does.
  let eocd = -1;
  for (let i = len - 4; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || eocd + 22 > len) throw corruptZip();
  const count = u16(eocd + 8);
  let p = u32(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || u32(p) !== 0x02014b50) throw corruptZip();
    let declared = u32(p + 24);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const localOffset = u32(p + 42);
    if (p + 46 + nameLength + extraLength + commentLength > len) throw corruptZip();
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const cdZip64 = zip64Sizes(dv, p + 46 + nameLength, extraLength);
    if (cdZip64.uncompressed) declared = cdZip64.uncompressed;
    p += 46 + nameLength + extraLength + commentLength;

    const l = localOffset;
    if (l + 30 > len || u32(l) !== 0x04034b50) throw corruptZip();
    const flags = u16(l + 6);
    const method = u16(l + 8);
    if (flags & 0x2041) {
      throw new FileReadError('FILE_UNSUPPORTED', 'The workbook is encrypted. Remove the password in Excel, save, and upload again.');
    }
    if (method !== 0 && method !== 8) throw corruptZip();
    let localCompressed = u32(l + 18);
    let localUncompressed = u32(l + 22);
    const localNameLength = u16(l + 26);
    const localExtraLength = u16(l + 28);
    if (localExtraLength) {
      const local64 = zip64Sizes(dv, l + 30 + localNameLength, localExtraLength);
      if (local64.uncompressed) localUncompressed = local64.uncompressed;
      if (local64.compressed) localCompressed = local64.compressed;
      if (cdZip64.uncompressed) localUncompressed = cdZip64.uncompressed;
      if (cdZip64.compressed) localCompressed = cdZip64.compressed;
    }
    const dataStart = l + 30 + localNameLength + localExtraLength;
    if (dataStart > len) throw corruptZip();
    entries.push({ name, method, dataStart, localCompressed, localUncompressed, declared });
  }
  return entries;
}

/** The ZIP64 sizes (extra field 0x0001) in an extra-field block, read as SheetJS reads them. */
function zip64Sizes(dv: DataView, start: number, length: number): { uncompressed: number; compressed: number } {
  const out = { uncompressed: 0, compressed: 0 };
  const end = Math.min(start + length, dv.byteLength);
  let p = start;
  while (p + 4 <= end) {
    const type = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (type === 0x0001) {
      if (p + 12 <= end) out.uncompressed = dv.getUint32(p + 4, true) + dv.getUint32(p + 8, true) * 2 ** 32;
      if (p + 20 <= end) out.compressed = dv.getUint32(p + 12, true) + dv.getUint32(p + 16, true) * 2 ** 32;
    }
    p += 4 + size;
  }
  return out;
}

// ---- Deflate output counter (RFC 1951): decodes the stream's symbols, writes nothing --------

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code as a lookup table indexed by the next `bits` input bits: entry = symbol << 4 | length (0: invalid). */
interface Huffman {
  table: Int32Array;
  bits: number;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const count = new Array<number>(16).fill(0);
  let bits = 0;
  for (let i = 0; i < lengths.length; i++) {
    count[lengths[i]]++;
    if (lengths[i] > bits) bits = lengths[i];
  }
  count[0] = 0;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = (left << 1) - count[len];
    if (left < 0) throw corruptZip();
  }
  const next = new Array<number>(16).fill(0);
  for (let len = 1, code = 0; len <= 15; len++) {
    code = (code + count[len - 1]) << 1;
    next[len] = code;
  }
  const table = new Int32Array(1 << bits);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const len = lengths[symbol];
    if (!len) continue;
    const code = next[len]++;
    let reversed = 0;
    for (let i = 0; i < len; i++) reversed |= ((code >> i) & 1) << (len - 1 - i);
    for (let i = reversed; i < table.length; i += 1 << len) table[i] = (symbol << 4) | len;
  }
  return { table, bits };
}

let fixedCodes: { literal: Huffman; distance: Huffman } | null = null;
function fixed(): { literal: Huffman; distance: Huffman } {
  if (!fixedCodes) {
    const lit = new Uint8Array(288);
    lit.fill(8, 0, 144);
    lit.fill(9, 144, 256);
    lit.fill(7, 256, 280);
    lit.fill(8, 280, 288);
    fixedCodes = { literal: huffman(lit), distance: huffman(new Uint8Array(30).fill(5)) };
  }
  return fixedCodes;
}

/**
 * How many bytes the raw deflate stream at `start` inflates to, decoding it to its final block as
 * SheetJS will. Stops early (returning a number over `budget`) once the output passes `budget`.
 * With `out`, also writes the output there (up to its length). A malformed or truncated stream
 * throws FILE_CORRUPT.
 */
export function inflatedSize(data: Uint8Array, start: number, budget: number, out?: Uint8Array): number {
  const end = data.length;
  let pos = start;
  let buf = 0;
  let cnt = 0;
  const need = (n: number) => {
    while (cnt < n) {
      if (pos >= end) throw corruptZip();
      buf |= data[pos++] << cnt;
      cnt += 8;
    }
  };
  const take = (n: number) => {
    if (n === 0) return 0;
    need(n);
    const v = buf & ((1 << n) - 1);
    buf >>>= n;
    cnt -= n;
    return v;
  };
  const decode = (h: Huffman) => {
    while (cnt < h.bits && pos < end) {
      buf |= data[pos++] << cnt;
      cnt += 8;
    }
    const entry = h.table[buf & ((1 << h.bits) - 1)];
    const len = entry & 15;
    if (len === 0 || len > cnt) throw corruptZip();
    buf >>>= len;
    cnt -= len;
    return entry >> 4;
  };

  let size = 0;
  for (;;) {
    const final = take(1);
    const type = take(2);
    if (type === 0) {
      pos -= cnt >> 3; // give back whole bytes read ahead; drop the partial one
      buf = 0;
      cnt = 0;
      if (pos + 4 > end) throw corruptZip();
      const length = data[pos] | (data[pos + 1] << 8);
      const inverse = data[pos + 2] | (data[pos + 3] << 8);
      if ((length ^ 0xffff) !== inverse) throw corruptZip();
      pos += 4;
      if (pos + length > end) throw corruptZip();
      if (out) out.set(data.subarray(pos, pos + Math.max(0, Math.min(length, out.length - size))), size);
      pos += length;
      size += length;
    } else if (type === 1 || type === 2) {
      const { literal, distance } = type === 1 ? fixed() : dynamicCodes(take, decode);
      for (;;) {
        const symbol = decode(literal);
        if (symbol < 256) {
          if (out && size < out.length) out[size] = symbol;
          size++;
          continue;
        }
        if (symbol === 256) break;
        const l = symbol - 257;
        if (l >= 29) throw corruptZip();
        const length = LENGTH_BASE[l] + take(LENGTH_EXTRA[l]);
        const d = decode(distance);
        if (d >= 30) throw corruptZip();
        const dist = DIST_BASE[d] + take(DIST_EXTRA[d]);
        if (dist > size) throw corruptZip();
        if (out) for (let i = size, stop = Math.min(size + length, out.length); i < stop; i++) out[i] = out[i - dist];
        size += length;
        if (size > budget) return size;
      }
    } else {
      throw corruptZip();
    }
    if (size > budget || final) return size;
  }
}

function dynamicCodes(take: (n: number) => number, decode: (h: Huffman) => number): { literal: Huffman; distance: Huffman } {
  const literals = take(5) + 257;
  const distances = take(5) + 1;
  const codeLengthCodes = take(4) + 4;
  if (literals > 286 || distances > 30) throw corruptZip();
  const cl = new Uint8Array(19);
  for (let i = 0; i < codeLengthCodes; i++) cl[CODE_LENGTH_ORDER[i]] = take(3);
  const clCode = huffman(cl);
  const lengths = new Uint8Array(literals + distances);
  for (let i = 0; i < lengths.length; ) {
    const symbol = decode(clCode);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let value = 0;
    let repeat: number;
    if (symbol === 16) {
      if (i === 0) throw corruptZip();
      value = lengths[i - 1];
      repeat = 3 + take(2);
    } else if (symbol === 17) {
      repeat = 3 + take(3);
    } else {
      repeat = 11 + take(7);
    }
    if (i + repeat > lengths.length) throw corruptZip();
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[256] === 0) throw corruptZip();
  return { literal: huffman(lengths.subarray(0, literals)), distance: huffman(lengths.subarray(literals)) };
}
