/** Plain-language messages for file error codes. */
import type { FileErrorCode } from '../codes.ts';
import { LIMITS } from '../limits.ts';
import type { FileError } from '../types.ts';

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
    `The file has too many rows${d ? ` (${d})` : ''}; at most ${LIMITS.maxRows.toLocaleString('en-US')} are accepted per import. Split it into smaller files.`,
};

/** A file-level error with its message and guidance; `detail` names what was found (columns, sizes). */
export function fileErrorMessage(code: FileErrorCode, detail?: string): FileError {
  return { code, message: FILE_MESSAGES[code](detail) };
}
