/**
 * The records of a CSV text, once parsed, turned into the header and data rows: the header chosen
 * (HeaderPick), rows counted, blank ones skipped, and the size limits checked per record.
 */
import type { SourceRow } from '../types.ts';
import { stripNeutraliser } from '../report/csv-cell.ts';
import { FileReadError } from './errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';

/**
 * Chooses the header among the first records of a file (a title line or a blank line may come
 * before it). Records above the header are skipped and not counted as data rows.
 */
export interface HeaderPick {
  /** Non-blank records gathered before choosing (fewer when the file ends first). */
  nonBlankRows: number;
  /** Records gathered at least, blank ones counted: for a header named by its file row. */
  minRows?: number;
  /** Index of the header among the gathered records (blank ones included, so index + 1 is the file row). */
  choose(records: string[][]): number;
}

/** Records gathered at most while looking for the header (blank lines included). */
export const HEADER_SCAN_MAX_RECORDS = 1_000;

export interface RecordLimits {
  maxCellLength: number;
  maxColumns: number;
  maxRows: number;
}

export interface CsvRecords {
  /** Takes one record: the header while there is none, else a data row (blank ones only counted) added to `out`. */
  take(cells: string[], out: SourceRow[]): void;
  /** The text has ended: a header still being chosen is chosen among the records gathered, the rows below it added to `out`. */
  finish(out: SourceRow[]): void;
  /** The header row, trimmed, without trailing empty names; null until read. */
  readonly headers: string[] | null;
  /** Data records read so far, blank ones included: the `row` of the last one. */
  readonly records: number;
}

export function createCsvRecords(limits: RecordLimits, header?: HeaderPick): CsvRecords {
  const { maxCellLength, maxColumns, maxRows } = limits;
  let headers: string[] | null = null;
  let records = 0;
  /** Records read while the header is being chosen (header). */
  let scanned: string[][] | null = header ? [] : null;
  let scannedNonBlank = 0;

  function takeRecord(cells: string[], out: SourceRow[]): void {
    if (scanned !== null && header) {
      scanned.push(cells);
      if (!isBlank(cells)) scannedNonBlank++;
      const enough = scannedNonBlank >= header.nonBlankRows && scanned.length >= (header.minRows ?? 0);
      if (enough || scanned.length >= HEADER_SCAN_MAX_RECORDS) chooseHeader(out);
      return;
    }
    if (headers === null) {
      if (isBlank(cells)) return;
      const names = cells.map((c) => c.trim());
      let n = names.length;
      while (n > 0 && names[n - 1] === '') n--;
      if (n > maxColumns) {
        throw new FileReadError(FILE_ERRORS.headerTooWide(n, maxColumns));
      }
      names.length = n;
      const long = names.findIndex((h) => h.length > maxCellLength);
      if (long >= 0) throw cellTooLong('the header row', long);
      headers = names;
      return;
    }
    const row = ++records;
    if (isBlank(cells)) return;
    if (row > maxRows) {
      throw new FileReadError(FILE_ERRORS.tooManyRows(maxRows));
    }
    const width = headers.length;
    let n = cells.length;
    while (n > width && isBlankCell(cells[n - 1]!)) n--;
    if (n > maxColumns) {
      throw new FileReadError(FILE_ERRORS.rowTooWide(row, n, maxColumns));
    }
    for (let i = 0; i < n; i++) if (cells[i]!.length > maxCellLength) throw cellTooLong(`row ${row}`, i);
    cells.length = n;
    for (let i = n; i < width; i++) cells.push('');
    out.push({ row, cells });
  }

  /** The header chosen among the records gathered: the ones above it are dropped, the ones below become data rows. */
  function chooseHeader(out: SourceRow[]): void {
    const records = scanned!;
    scanned = null;
    if (records.length === 0) return;
    const index = header!.choose(records);
    for (let i = Math.max(0, index); i < records.length; i++) takeRecord(records[i]!, out);
  }

  function cellTooLong(where: string, column: number): FileReadError {
    const name = headers?.[column] ? `"${headers[column]}"` : `number ${column + 1}`;
    return new FileReadError(FILE_ERRORS.cellTooLong(where, name, maxCellLength, true));
  }

  return {
    take(cells: string[], out: SourceRow[]): void {
      for (let i = 0; i < cells.length; i++) cells[i] = stripNeutraliser(cells[i]!);
      takeRecord(cells, out);
    },
    finish(out: SourceRow[]): void {
      if (scanned !== null) chooseHeader(out);
    },
    get headers() {
      return headers;
    },
    get records() {
      return records;
    },
  };
}

export function isBlankCell(cell: string): boolean {
  return cell.length === 0 || cell.trim().length === 0;
}

export function isBlank(cells: string[]): boolean {
  for (const c of cells) if (!isBlankCell(c)) return false;
  return true;
}
