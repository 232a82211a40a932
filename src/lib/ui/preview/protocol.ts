/** Messages between the import wizard and its preview Web Worker (parse → map → validate). */
import type { AssistantConfig, ColumnMapping, FileError, RowError } from '../../types.ts';
import type { MappingCheck } from '../../map/columns.ts';
import type { HeaderRowReason } from '../../map/header-row.ts';
import type { PackedRows } from './row-store.ts';

/** Main thread → worker. */
export type ToWorker =
  | { type: 'open'; file: File; sheet?: string; assistant: AssistantConfig; defaultCountry?: string; headerRow?: number }
  | { type: 'map'; mapping: ColumnMapping }
  | { type: 'edit'; index: number; column: number; value: string };

/** Which row of the file was taken as the header, and the first rows the user may take instead. */
export interface HeaderRowInfo {
  /** 1-based file row (blank lines counted). */
  row: number;
  reason: HeaderRowReason;
  /** The first rows of the file (1-based `row`), non-blank ones only, their first cells shortened. */
  candidates: { row: number; cells: string[] }[];
}

/** Errors of one row, or null when it is valid. Indexed by the row's position in the file's rows. */
export type RowVerdict = RowError[] | null;

export interface Summary {
  totalRows: number;
  invalidRows: number;
  errorCounts: Record<string, number>;
}

/** Worker → main thread. `gen` is the validation generation (bumped on every remap). */
export type FromWorker =
  | { type: 'sheets'; sheetNames: string[]; sheet: string }
  | { type: 'headers'; headers: string[]; mapping: ColumnMapping; check: MappingCheck; headerRow?: HeaderRowInfo; suggested?: number[] }
  | { type: 'rows'; start: number; packed: PackedRows; verdicts: RowVerdict[]; gen: number }
  | { type: 'progress'; bytesRead: number; totalBytes: number; rowsRead: number }
  | { type: 'verdicts'; start: number; verdicts: RowVerdict[]; gen: number }
  | { type: 'done'; summary: Summary; gen: number; check: MappingCheck }
  | { type: 'updated'; changes: { index: number; verdict: RowVerdict }[]; summary: Summary }
  | { type: 'failed'; error: FileError };
