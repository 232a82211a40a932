/**
 * The catalogue of file errors: every file-level code and text the readers, the Worker's upload
 * routes and the UI show. Callers name the situation (`FILE_ERRORS.tooManyRows(limit)`) and never
 * write a text of their own; `fileErrorMessage(code)` is the general text of a code (guidance).
 */
import type { FileErrorCode } from '../codes.ts';
import { LIMITS } from '../limits.ts';
import type { FileError } from '../types.ts';
import { formatBytes, formatCount } from '../text/format-number.ts';

const FILE_MESSAGES: Record<FileErrorCode, (detail?: string) => string> = {
  FILE_UNSUPPORTED: (d) =>
    `This file type is not supported${d ? ` (${d})` : ''}. Upload a CSV (.csv) or Excel (.xlsx, .xls) file.`,
  FILE_CORRUPT: (d) =>
    `The file could not be read${d ? ` (${d})` : ''}; it may be damaged or not the type its name says. Open it in a spreadsheet app, save it again as CSV or Excel, and upload that.`,
  FILE_EMPTY: (d) =>
    `The file has no leads${d ? ` (${d})` : ''}. Put the column names in the first row and one lead per row below it.`,
  FILE_TOO_LARGE: (d) =>
    `The file is too large${d ? ` (${d})` : ''}. Split it into smaller files and import them one after another.`,
  NO_PHONE_COLUMN: (d) =>
    `No phone number column was found${d ? ` (${d})` : ''}. Name the column "phone_number" (download the sample file to see the expected columns), or choose the phone column when matching columns.`,
  DUPLICATE_COLUMN: (d) =>
    `Two columns have the same name or go to the same field${d ? `: ${d}` : ''}. Rename or remove one of them so each field comes from a single column.`,
  TOO_MANY_COLUMNS: (d) =>
    `The file has too many columns${d ? ` (${d})` : ''}; at most ${LIMITS.maxColumns} are accepted. Remove the columns you do not need.`,
  TOO_MANY_ROWS: (d) =>
    `The file has too many rows${d ? ` (${d})` : ''}; at most ${formatCount(LIMITS.maxRows)} are accepted per import. Split it into smaller files.`,
};

/** A file-level error with its message and guidance; `detail` names what was found (columns, sizes). */
export function fileErrorMessage(code: FileErrorCode, detail?: string): FileError {
  return { code, message: FILE_MESSAGES[code](detail) };
}

const OPEN_AND_RESAVE = 'Open it in Excel, save it again as .xlsx (or as CSV UTF-8), and upload that.';
const SAVE_AS_UTF8 =
  'In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)", or in Google Sheets File › Download › CSV, and upload the new file.';
const QUOTE_LEFT_OPEN = 'if the row is not meant to be that long, a quote (") may be left open.';

const error = (code: FileErrorCode, message: string): FileError => ({ code, message });
/** ` in sheet "X"` when the workbook has several sheets, else nothing. */
const inSheet = (sheet?: string) => (sheet ? ` in sheet "${sheet}"` : '');
const theFile = (sheet?: string) => (sheet ? `The sheet "${sheet}"` : 'The file');

/** Every situation a file is refused in, with its code and text. */
export const FILE_ERRORS = {
  // FILE_EMPTY
  noFile: () => error('FILE_EMPTY', 'The request has no file in its body.'),
  empty: (sheet?: string) => error('FILE_EMPTY', `${theFile(sheet)} is empty: it has no header row and no data rows.`),
  noDataRows: (sheet?: string) =>
    error('FILE_EMPTY', `${theFile(sheet)} has a header row but no data rows. Add at least one row below the header and upload again.`),
  noSheets: () => error('FILE_EMPTY', 'The workbook has no sheets.'),

  // TOO_MANY_ROWS and TOO_MANY_COLUMNS
  registryTooManyNumbers: (limit: number) =>
    error('TOO_MANY_ROWS', `The registry file has more than ${formatCount(limit)} numbers. Split it into smaller files.`),
  tooManyRows: (limit: number = LIMITS.maxRows, sheet?: string) =>
    error('TOO_MANY_ROWS', `${theFile(sheet)} has more than ${formatCount(limit)} data rows (the limit). Split it into smaller files and import each one.`),
  headerTooWide: (columns: number, limit: number, sheet?: string) =>
    error('TOO_MANY_COLUMNS', `The header row${inSheet(sheet)} has ${formatCount(columns)} columns; at most ${formatCount(limit)} are allowed. Remove the columns you don't need and upload again.`),
  rowTooWide: (row: number, columns: number, limit: number, sheet?: string) =>
    error('TOO_MANY_COLUMNS', `Row ${row}${inSheet(sheet)} has ${formatCount(columns)} columns; at most ${formatCount(limit)} are allowed. Check the delimiters and the cells past the header in that row.`),

  // FILE_TOO_LARGE
  /** `size` when the request declared it; `workbook` for Excel limits (CSV takes larger files). */
  tooLarge: (limit: number, opts: { size?: number; workbook?: boolean; what?: string } = {}) =>
    error(
      'FILE_TOO_LARGE',
      (opts.size !== undefined
        ? `${opts.what ?? 'The file'} is ${formatBytes(opts.size)}; the most ${opts.workbook ? 'an Excel' : 'this'} upload accepts is ${formatBytes(limit)}.`
        : `${opts.what ?? 'The file'} is larger than ${formatBytes(limit)}, the most ${opts.workbook ? 'an Excel' : 'this'} upload accepts.`) +
        (opts.workbook ? ' Save it as CSV to import a larger file.' : ''),
    ),
  partTooLarge: (limit: number) => error('FILE_TOO_LARGE', `A part may be at most ${formatBytes(limit)}.`),
  cellTooLong: (where: string, column: string, limit: number, csv: boolean) =>
    error('FILE_TOO_LARGE', `A cell in ${where}, column ${column}, is longer than ${formatCount(limit)} characters (the limit). Shorten it${csv ? `; ${QUOTE_LEFT_OPEN}` : ' and upload again.'}`),
  recordTooLong: (where: string, limit: number) =>
    error('FILE_TOO_LARGE', `${where} is longer than ${formatCount(limit)} characters and has not ended. Usually a quote (") is never closed, or the file is not CSV; check that row and upload again.`),
  rowTooLarge: (row: number | null, limit: number) =>
    error('FILE_TOO_LARGE', `${row === null ? 'A row' : `Row ${row}`} holds more than ${formatBytes(limit)} of text, more than a part of the file may hold. Shorten its cells; ${QUOTE_LEFT_OPEN}`),
  registryLineTooLong: (line: number, limit: number) =>
    error('FILE_TOO_LARGE', `Line ${formatCount(line)} of the registry file is longer than ${formatCount(limit)} characters; a registry file has one number a line.`),
  expandsTooLarge: (total: number, limit: number) =>
    error('FILE_TOO_LARGE', `The workbook expands to more than ${formatBytes(total)} when opened (the limit is ${formatBytes(limit)}). Save the sheet as CSV UTF-8 and upload that instead.`),

  // FILE_CORRUPT
  unreadable: (detail?: string) =>
    error('FILE_CORRUPT', `The file could not be read${detail ? ` (${detail})` : ''}. It may be damaged or not the type its name says; save it again as .csv or .xlsx and retry.`),
  previewStopped: (detail: string) => error('FILE_CORRUPT', `The preview stopped: ${detail}`),
  unclosedQuote: (record: number) =>
    error('FILE_CORRUPT', `${record === 0 ? 'The header row' : `Row ${record}`} opens a quote (") that is never closed, so everything after it would be one cell. Close the quote or remove it, then upload again.`),
  mixedEncodings: (decodedBytes: number) =>
    error('FILE_CORRUPT', `The file mixes text encodings: it starts as UTF-8 but has characters that are not UTF-8 after the first ${formatBytes(decodedBytes)}. ${SAVE_AS_UTF8}`),
  notUtf16: () =>
    error('FILE_CORRUPT', 'The file ends in the middle of a character, or holds bytes that are not UTF-16: it looks cut off or damaged. Upload the complete file again.'),
  notUtf8AsNamed: (decodedBytes: number) =>
    error('FILE_CORRUPT', `The file is not valid UTF-8 (after the first ${formatBytes(decodedBytes)}), but encoding=utf-8 was given. Name the file's encoding, or leave encoding out to have it detected.`),
  binaryNotCsv: () => error('FILE_CORRUPT', `This looks like a binary file, not CSV text. ${SAVE_AS_UTF8}`),
  /** The workbook reader Worker failed, crashed or stayed silent past its deadline. */
  workbookReaderFailed: () =>
    error('FILE_CORRUPT', 'The workbook could not be read: reading it failed or took too long. It may be damaged; save it again as .xlsx or as CSV and retry.'),
  corruptWorkbook: () => error('FILE_CORRUPT', `This Excel file could not be read: it may be damaged, cut off, or not really an Excel file. ${OPEN_AND_RESAVE}`),
  corruptZip: () => error('FILE_CORRUPT', `This Excel file is damaged or incomplete (it may have been cut off while uploading or downloading). ${OPEN_AND_RESAVE}`),
  unreadableSheet: (sheet: string) => error('FILE_CORRUPT', `The sheet "${sheet}" could not be read. ${OPEN_AND_RESAVE}`),

  // FILE_UNSUPPORTED
  unsupportedType: (contentType: string | undefined) =>
    error(
      'FILE_UNSUPPORTED',
      `Bodies of type ${contentType?.slice(0, 100)} are not supported: send the file itself as the body (a .csv, .xlsx or .xls file), with its type or none.`,
    ),
  workbookNotCsv: () =>
    error('FILE_UNSUPPORTED', 'This is an Excel workbook, not a CSV file. Upload it as .xlsx or .xls, or save it as CSV UTF-8 and upload that.'),
  csvNotWorkbook: () => error('FILE_UNSUPPORTED', 'This file is text (CSV), not an Excel workbook; upload it as .csv.'),
  webPage: (named: string) => error('FILE_UNSUPPORTED', `${named} is a web page (HTML), not a real spreadsheet, even if Excel opens it. ${OPEN_AND_RESAVE}`),
  xmlFile: (named: string) =>
    error('FILE_UNSUPPORTED', `${named} is an XML file (such as the old "XML Spreadsheet 2003" format), which is not supported. ${OPEN_AND_RESAVE}`),
  pdf: (named: string) => error('FILE_UNSUPPORTED', `${named} is a PDF. Upload the spreadsheet the list came from, as .xlsx, .xls or .csv.`),
  notSpreadsheet: (named: string) =>
    error('FILE_UNSUPPORTED', `${named} is not a CSV file or an Excel workbook (.xlsx, .xls). Save the list as .xlsx or CSV UTF-8 and upload that.`),
  passwordProtected: () =>
    error('FILE_UNSUPPORTED', 'The workbook is password-protected. Remove the password in Excel (File › Info › Protect Workbook), save, and upload again.'),
  encryptedZip: () => error('FILE_UNSUPPORTED', 'The workbook is encrypted. Remove the password in Excel, save, and upload again.'),
  officeNotExcel: () => error('FILE_UNSUPPORTED', 'This is an Office file but not an Excel workbook. Upload the spreadsheet itself, as .xlsx, .xls or .csv.'),
  zipNotExcel: () => error('FILE_UNSUPPORTED', 'This is a zip archive but not an Excel workbook. Upload the spreadsheet itself, as .xlsx, .xls or .csv.'),
  oldExcel: () => error('FILE_UNSUPPORTED', `This workbook is in an old Excel format (Excel 4 or earlier), which is not supported. ${OPEN_AND_RESAVE}`),
  openDocument: () => error('FILE_UNSUPPORTED', `This is an OpenDocument spreadsheet (.ods), which is not supported. ${OPEN_AND_RESAVE}`),
  appleNumbers: () =>
    error('FILE_UNSUPPORTED', 'This is an Apple Numbers file, which is not supported. In Numbers choose File › Export To › Excel or CSV, and upload that.'),
  binaryWorkbook: () => error('FILE_UNSUPPORTED', `Excel Binary Workbooks (.xlsb) are not supported. ${OPEN_AND_RESAVE}`),
  noSheetNamed: (wanted: string, names: readonly string[]) =>
    error('FILE_UNSUPPORTED', `The workbook has no sheet named "${wanted}". Its sheets are: ${names.map((n) => `"${n}"`).join(', ')}.`),

  // NO_PHONE_COLUMN
  noHeaderRowAt: (row: number, empty: boolean) =>
    error(
      'NO_PHONE_COLUMN',
      `Row ${row} of the file is ${empty ? 'empty' : 'past its end'}, so it cannot be the header row. Name the row that holds the column names (headerRow is counted from 1, blank lines included), or leave headerRow out to have it found.`,
    ),
} satisfies Record<string, (...args: never[]) => FileError>;

/** Added to a list file's error when numbers read before it were listed (a list import keeps them). */
export function listedBeforeError(listed: number, added: number): string {
  return `The ${formatCount(listed)} valid numbers read before this point are on the list (${formatCount(added)} added).`;
}
