/** Messages between the import wizard and its preview Web Worker (parse → map → validate). */
import type { AssistantConfig, ColumnMapping, FileError, RowError } from '../../types.ts';
import type { MappingCheck } from '../../map/columns.ts';
import type { HeaderRowReason } from '../../map/header-row.ts';
import type { PackedRows } from './row-store.ts';
import type { PhoneFacts } from './phone-facts.ts';
import type { Readiness } from './readiness.ts';
import type { CallingWindow } from '../../calling/calling-window.ts';
import type { ConsentPolicy } from '../../consent/consent-policy.ts';
import type { CallPurpose } from '../../calling/call-purpose.ts';
import type { Detection } from '../../parse/encoding/detect.ts';
import type { ColumnProfile } from './column-profile.ts';

/**
 * The campaign's settings the preview applies: blocked types and the consent policy decide rows
 * (consent judged against when the preview started, as the server judges it against the import's
 * start), the window the callable counts.
 */
export interface CallingSettings {
  callingWindow: CallingWindow;
  blockedPhoneTypes: string[];
  consentPolicy?: ConsentPolicy;
  /** When the preview started (ms). */
  startedAt?: number;
  /** Which calling rules bind the leads (src/lib/calling/call-purpose.ts). */
  callPurpose: CallPurpose;
}

/** Main thread → worker. */
export type ToWorker =
  /** `now`: the page's clock (ms) when it sent this (callable counts are judged on the page's clock); `encoding`: the WHATWG name the person picked for a CSV, detected when absent. */
  | { type: 'open'; file: File; sheet?: string; assistant: AssistantConfig; defaultCountry?: string; calling: CallingSettings; headerRow?: number; encoding?: string; now: number }
  /** A new mapping; `assistant` when the person added a variable to the assistant for it. */
  | { type: 'map'; mapping: ColumnMapping; assistant?: AssistantConfig }
  | { type: 'edit'; index: number; column: number; value: string }
  /** The person deleted row `index` (`removed`), or brought it back. */
  | { type: 'remove'; index: number; removed: boolean }
  /** The valid rows' primary numbers (E.164), answered with 'numbers' and the same id. */
  | { type: 'numbers'; id: number }
  /** The workspace's suppression list (packed, transferred), or why it could not be had; sent once per worker. */
  | { type: 'suppressions'; bytes: ArrayBuffer | null; error: string | null };

/** Whether the preview checked the rows against the workspace's suppression (do-not-call) list. */
export type SuppressionCheck =
  /**
   * `listed`: numbers on the list; `rows`: rows flagged SUPPRESSED or SECONDARY_SUPPRESSED; `form`:
   * 'filter' when the list was too large to send whole, so a flagged row is only probably listed.
   */
  | { state: 'checked'; listed: number; rows: number; form: 'exact' | 'filter' }
  /** The list has not arrived yet: rows shown so far are not checked against it (the import waits). */
  | { state: 'checking' }
  /** The list could not be fetched: the rows were not checked (the server still is). */
  | { state: 'unavailable'; message: string }
  /** No list was asked for. */
  | { state: 'off' };

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
  /** Rows that would be uploaded (the file's rows minus those deleted in the preview). */
  totalRows: number;
  invalidRows: number;
  /** Rows deleted in the preview. */
  deletedRows: number;
  /** Rows whose only problem is an earlier row with the same number: skipped anyway. */
  duplicateOnlyRows: number;
  errorCounts: Record<string, number>;
  /** Line types and callable counts (see readiness.ts). */
  readiness: Readiness;
  suppression: SuppressionCheck;
}

/** Worker → main thread. `gen` is the validation generation (bumped on every remap). */
export type FromWorker =
  | { type: 'sheets'; sheetNames: string[]; sheet: string }
  /** How a CSV's bytes were read, with a few of its values as read (sent with the first rows, and again if it changes). */
  | { type: 'encoding'; detection: Detection; samples: string[] }
  /** Sent with the first rows (which choose the primary phone by content), or when the file has none. */
  | { type: 'headers'; headers: string[]; mapping: ColumnMapping; check: MappingCheck; headerRow?: HeaderRowInfo; suggested?: number[]; profile: ColumnProfile }
  | { type: 'rows'; start: number; packed: PackedRows; verdicts: RowVerdict[]; facts: PhoneFacts; gen: number }
  | { type: 'progress'; bytesRead: number; totalBytes: number; rowsRead: number }
  | { type: 'verdicts'; start: number; verdicts: RowVerdict[]; facts: PhoneFacts; gen: number }
  | { type: 'done'; summary: Summary; gen: number; check: MappingCheck; profile?: ColumnProfile }
  | { type: 'updated'; changes: { index: number; verdict: RowVerdict }[]; edited: { index: number; facts: PhoneFacts }; summary: Summary }
  /**
   * The suppression list arrived (or why it will not): verdicts of rows already sent that it
   * changed, and, when the file was read already, the new summary (else the final 'done' has it).
   */
  | { type: 'listed'; changes: { index: number; verdict: RowVerdict }[]; summary: Summary | null; gen: number }
  | { type: 'failed'; error: FileError }
  | { type: 'numbers'; id: number; numbers: string[] };
