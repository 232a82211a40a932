/**
 * Which row of a file holds the column names. CRM and report exports often write a title line, a
 * date or a blank line above the header; the header is the first row that maps a phone column and
 * reads like names, not like data. Pure: the browser's preview worker and the Worker's upload
 * reader both choose with it (through the parsers' `header` option).
 */
import type { AssistantConfig } from '../types.ts';
import type { HeaderPick } from '../parse/csv.ts';
import { FileReadError } from '../parse/errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';
import { autoMap } from './columns.ts';

/** Non-blank rows looked at when detecting the header. */
export const HEADER_SCAN_ROWS = 20;

export type HeaderRowReason =
  /** The first row that maps a phone column and reads like names. */
  | 'phone-column'
  /** No row qualified: the first non-blank row, as a file without detection is read. */
  | 'first-row'
  /** The row the user (or the API's `headerRow`) named. */
  | 'chosen';

export interface HeaderRowChoice {
  /** 0-based index into the rows given (= the 1-based file row − 1). */
  index: number;
  reason: HeaderRowReason;
}

const isBlankCell = (c: string): boolean => c.trim() === '';
export const isBlankRow = (cells: readonly string[]): boolean => cells.every(isBlankCell);

/** A cell that holds a phone number, or something as long in digits: never a column name. */
function looksLikePhone(cell: string): boolean {
  let digits = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 7) return true;
  }
  return false;
}

/** A cell that reads like a value, not a name: a number or a date. */
const looksLikeValue = (cell: string): boolean =>
  (/^[-+$€£]?[\d.,\s%]+$/.test(cell) && /\d/.test(cell)) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(cell);

/**
 * Whether a row reads like column names: no cell looks like a phone number, at most half the
 * cells are numbers or dates, and the names are distinct.
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0 || filled.some(looksLikePhone)) return false;
  if (filled.filter(looksLikeValue).length * 2 > filled.length) return false;
  return new Set(filled.map((c) => c.toLowerCase())).size === filled.length;
}

/**
 * The header row among the first rows of a file (blank rows included, so index + 1 is the file
 * row): the first of the first HEADER_SCAN_ROWS non-blank rows that maps a phone column and reads
 * like names; otherwise the first non-blank row. -1 when every row is blank.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[], assistant: AssistantConfig): HeaderRowChoice {
  let first = -1;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_SCAN_ROWS; i++) {
    const cells = rows[i]!;
    if (isBlankRow(cells)) continue;
    seen++;
    if (first < 0) first = i;
    const names = cells.map((c) => c.trim());
    if (!looksLikeHeader(names)) continue;
    if (autoMap(names, assistant).columns.some((t) => t.kind === 'phone')) return { index: i, reason: 'phone-column' };
  }
  return { index: first, reason: 'first-row' };
}


/**
 * The parsers' header option: detection, or the row the user named (1-based file row). `onChoice`
 * hears which row was taken and the rows looked at (the wizard offers them as other choices).
 */
export function headerPick(
  assistant: AssistantConfig,
  opts: { headerRow?: number; onChoice?: (choice: HeaderRowChoice, rows: string[][]) => void } = {},
): HeaderPick {
  const { headerRow, onChoice } = opts;
  return {
    nonBlankRows: HEADER_SCAN_ROWS,
    minRows: headerRow,
    choose(records) {
      let choice: HeaderRowChoice;
      if (headerRow === undefined) choice = detectHeaderRow(records, assistant);
      else {
        const cells = records[headerRow - 1];
        if (!cells || isBlankRow(cells)) {
          throw new FileReadError(FILE_ERRORS.noHeaderRowAt(headerRow, !!cells));
        }
        choice = { index: headerRow - 1, reason: 'chosen' };
      }
      onChoice?.(choice, records);
      return choice.index;
    },
  };
}
