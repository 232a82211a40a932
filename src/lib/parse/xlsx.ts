/** Excel workbooks (.xlsx, .xls) to header + data rows through SheetJS, fenced in: zips are measured (zip-guard.ts) and .xls files rebuilt (xls-rebuild.ts) before SheetJS sees them. */
import * as XLSX from 'xlsx';
import { LIMITS } from '../limits.ts';
import type { SourceRow } from '../types.ts';
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';
import { OLE_MAGIC, sniffFileKind, startsWith, unsupportedFileError } from './file-kind.ts';
import { sanitiseXls } from './xls-rebuild.ts';
import { corruptWorkbook, passwordProtected } from './workbook-errors.ts';
import { checkZip } from './zip-guard.ts';
import { installCodePages } from './code-pages.ts';
import { HEADER_SCAN_MAX_RECORDS, type HeaderPick } from './csv.ts';

export { sniffFileKind, unsupportedFileError, type FileKind } from './file-kind.ts';

export interface WorkbookOptions {
  /** Sheet to read, by name (exact, else ignoring case and edge spaces); default the first visible sheet. */
  sheet?: string;
  maxRows?: number;
  maxColumns?: number;
  maxCellLength?: number;
  /** Largest total the workbook's zip entries may expand to (zip bomb guard). */
  maxUncompressedBytes?: number;
  /** How the header row is chosen (rows given from the sheet's first row); without it, the first row with text. */
  header?: HeaderPick;
}

export interface WorkbookRows {
  sheetNames: string[];
  sheet: string;
  headers: string[];
  rows: SourceRow[];
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
  if (sheetNames.length === 0) throw new FileReadError(FILE_ERRORS.noSheets());
  const name = chooseSheet(sheetNames, wb.Workbook?.Sheets, opts.sheet);
  if (!Object.hasOwn(wb.Sheets ?? {}, name)) wb = readWithSheetJs(bytes, { sheets: name });
  const ws = Object.hasOwn(wb.Sheets ?? {}, name) ? wb.Sheets[name] : undefined;
  if (!ws) throw new FileReadError(FILE_ERRORS.unreadableSheet(name));

  const grid = denseRows(ws);
  const several = sheetNames.length > 1 ? name : undefined;
  const where = several ? ` in sheet "${name}"` : '';
  const area = usedArea(grid);
  const firstColumn = area.firstColumn;
  let headerIndex = area.headerIndex;
  if (headerIndex < 0) throw new FileReadError(FILE_ERRORS.empty(name));
  if (opts.header) headerIndex = chooseHeaderRow(grid, firstColumn, opts.header);

  const headerCells = grid[headerIndex] ?? [];
  const headers: string[] = [];
  for (let c = firstColumn; c < headerCells.length; c++) headers[c - firstColumn] = cellText(headerCells[c]).trim();
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length > maxColumns) {
    throw new FileReadError(FILE_ERRORS.headerTooWide(headers.length, maxColumns, several));
  }
  const longHeader = headers.findIndex((h) => h.length > maxCellLength);
  if (longHeader >= 0) throw cellTooLong(`the header row${where}`, `number ${longHeader + 1}`, maxCellLength);

  const rows: SourceRow[] = [];
  const limits: SheetLimits = { name, several, where, maxRows, maxColumns, maxCellLength };
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) continue;
    const source = dataRow(cells, r - headerIndex, firstColumn, headers, limits);
    if (source) rows.push(source);
  }
  if (rows.length === 0) {
    throw new FileReadError(FILE_ERRORS.noDataRows(name));
  }
  return { sheetNames, sheet: name, headers, rows };
}

/** The header is the first row with text; the first column the leftmost with text in any row (-1 and Infinity in an empty sheet). */
function usedArea(grid: ReturnType<typeof denseRows>): { headerIndex: number; firstColumn: number } {
  let headerIndex = -1;
  let firstColumn = Infinity;
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) continue;
    for (let c = 0; c < Math.min(cells.length, firstColumn); c++) {
      if (!isBlankText(cellText(cells[c]))) {
        firstColumn = c;
        if (headerIndex < 0) headerIndex = r;
        break;
      }
    }
  }
  return { headerIndex, firstColumn };
}

interface SheetLimits {
  /** The sheet's name, and how messages name it (empty in a one-sheet workbook). */
  name: string;
  /** The name again when the workbook has several sheets (messages then say which), else undefined. */
  several: string | undefined;
  where: string;
  maxRows: number;
  maxColumns: number;
  maxCellLength: number;
}

/** One data row of the sheet (`row`: its 1-based number below the header) as text cells, with numeric values kept; null when blank. */
function dataRow(cells: NonNullable<ReturnType<typeof denseRows>[number]>, row: number, firstColumn: number, headers: string[], limits: SheetLimits): SourceRow | null {
  const { name, several, where, maxRows, maxColumns, maxCellLength } = limits;
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
  if (width === 0) return null;
  if (row > maxRows) {
    throw new FileReadError(FILE_ERRORS.tooManyRows(maxRows, name));
  }
  if (width > maxColumns) {
    throw new FileReadError(FILE_ERRORS.rowTooWide(row, width, maxColumns, several));
  }
  const length = Math.max(width, headers.length);
  const out: string[] = new Array(length);
  for (let i = 0; i < length; i++) out[i] = values[i] ?? '';
  const source: SourceRow = { row, cells: out };
  if (numeric) {
    for (const key of Object.keys(numeric)) if (Number(key) >= length) delete numeric[Number(key)];
    if (Object.keys(numeric).length > 0) source.numeric = numeric;
  }
  return source;
}

/** The header row chosen among the sheet's first rows (as text from the first used column; blank rows as []). */
function chooseHeaderRow(grid: ReturnType<typeof denseRows>, firstColumn: number, header: HeaderPick): number {
  const records: string[][] = [];
  let nonBlank = 0;
  for (let r = 0; r < grid.length && records.length < HEADER_SCAN_MAX_RECORDS; r++) {
    if (nonBlank >= header.nonBlankRows && records.length >= (header.minRows ?? 0)) break;
    const cells = grid[r] ?? [];
    const texts: string[] = [];
    for (let c = firstColumn; c < cells.length; c++) texts.push(cells[c] ? cellText(cells[c]) : '');
    if (texts.some((t) => !isBlankText(t))) nonBlank++;
    records.push(texts);
  }
  const index = header.choose(records);
  return index >= 0 && grid[index] ? index : grid.findIndex((cells) => cells?.some((c) => c && !isBlankText(cellText(c))));
}

// ---- Reading through SheetJS ----------------------------------------------------------------

/** Refuses what SheetJS should never see: non-workbooks, and zips that would expand past `maxUncompressed`. */
function checkWorkbookBytes(bytes: Uint8Array, maxUncompressed: number): void {
  if (bytes.length === 0) throw new FileReadError(FILE_ERRORS.empty());
  const kind = sniffFileKind(bytes);
  if (kind === 'xlsx') checkZip(bytes, maxUncompressed);
  else if (kind === 'csv') throw new FileReadError(FILE_ERRORS.csvNotWorkbook());
  else if (kind !== 'xls') throw unsupportedFileError(bytes);
}

function readWithSheetJs(bytes: Uint8Array, extra: XLSX.ParsingOptions): XLSX.WorkBook {
  installCodePages();
  // SheetJS writes a console line for every record type it does not know: a damaged or crafted
  // .xls of unknown records would flood the Worker's logs (a line per 4 bytes of upload). The
  // read is synchronous, so nothing else logs meanwhile.
  // (The core's types know no console: it is the host's, reached through globalThis.)
  const host = globalThis as unknown as { console: { error: (...args: unknown[]) => void } };
  const log = host.console.error;
  host.console.error = () => {};
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
  } finally {
    host.console.error = log;
  }
}

/** The sheet asked for (exact name, else ignoring case and edge spaces), or the first visible one. */
function chooseSheet(names: string[], props: XLSX.SheetProps[] | undefined, wanted: string | undefined): string {
  if (wanted === undefined) {
    const visible = names.find((_, i) => !props?.[i]?.Hidden);
    return visible ?? names[0]!; // the caller refuses a workbook with no sheets
  }
  if (names.includes(wanted)) return wanted;
  const key = wanted.trim().toLowerCase();
  const loose = names.find((n) => n.trim().toLowerCase() === key);
  if (loose !== undefined) return loose;
  throw new FileReadError(FILE_ERRORS.noSheetNamed(wanted, names));
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
  return new FileReadError(FILE_ERRORS.cellTooLong(where, column, max, false));
}
