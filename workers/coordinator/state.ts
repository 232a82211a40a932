/**
 * What an import's Durable Object keeps: the configuration fixed at creation and the state its
 * phases move through, with the answers its calls give. Modules that drive an import take their
 * types from here, not from the Durable Object's class.
 */
import type { AssistantConfig, ColumnMapping } from '../../src/lib/types.ts';
import type { ConsentPolicy } from '../../src/lib/consent/consent-policy.ts';
import type { ImportStatus, ImportView, ImportWarning, MappingSourceName, OnExisting } from '../../src/lib/import-view.ts';

export interface ImportConfig {
  importId: string;
  workspaceId: string;
  campaignId: string;
  fileName: string;
  ignoreErrors: boolean;
  /** What to do with a number the campaign already has. */
  onExisting: OnExisting;
  notifyEmail: string | null;
  headers: string[];
  mapping: ColumnMapping;
  /** Where the mapping came from. */
  mappingSource: MappingSourceName;
  assistant: AssistantConfig;
  defaultCountry: string | null;
  /**
   * The campaign's blocked phone types when the import was created, so a settings change mid-import
   * does not change its verdicts.
   */
  blockedPhoneTypes: string[];
  createdAt: string;
  /** Inline imports are driven by the request; queued ones by messages the coordinator sends. */
  inline: boolean;
  /** The campaign's consent policy when the import was created, so a settings change mid-import does not change its verdicts. */
  consentPolicy: ConsentPolicy;
  /** The WHATWG name of the encoding the file was read in (absent for workbooks and older imports). */
  encoding?: string | null;
  /** Warnings shown with the import (ENCODING_UNCERTAIN…); absent in older imports. */
  warnings?: ImportWarning[];
}

/** upload → validate → write (or report) → finalize → done; an all-or-nothing import that fails after writing passes through rollback. */
export type Phase = 'upload' | 'validate' | 'write' | 'report-only' | 'rollback' | 'finalize' | 'done';

export interface Failure {
  code: string;
  message: string;
}

export interface State {
  status: ImportStatus;
  phase: Phase;
  /** Set when validation found errors and ignoreErrors is off: the write pass only reports. */
  reportOnly: boolean;
  /** The current phase's messages were sent (or handed to the inline caller). */
  dispatched: boolean;
  chunkCount: number | null;
  totalRows: number;
  validatedRows: number;
  processedRows: number;
  importedRows: number;
  /** importedRows = createdRows + updatedRows + unchangedRows. */
  createdRows: number;
  updatedRows: number;
  unchangedRows: number;
  failedRows: number;
  invalidRows: number;
  recordedPhones: number;
  errorCounts: Record<string, number>;
  failure: Failure | null;
  finishedAt: string | null;
  /** Times the watchdog re-sent the current phase's messages without progress in between. */
  redispatches?: number;
  /** Chunks 0..validatedPrefix-1 are all validated: their rows' first occurrences are final. */
  validatedPrefix?: number;
  /** Why an import with ignoreErrors off is being (or was) rolled back: it ends failed with this reason. */
  rollback?: Failure | null;
  /**
   * An ended import's end is recorded in D1 with its outbox event, and the event handed to the
   * queue (workers/lifecycle). Until then the alarm keeps trying, so a crash between storing the
   * end here and recording it there never leaves the end unannounced.
   */
  announced?: boolean;
}

/** What the caller must do next (inline imports only; queued ones are dispatched by the coordinator). */
export type Next = { kind: 'none' } | { kind: 'write'; chunks: number[] } | { kind: 'finalize' };

export const NOTHING_NEXT: Next = { kind: 'none' };

/** The answer to a recorded validation: what comes next, and whether the caller writes the chunk now. */
export interface ValidationRecorded {
  next: Next;
  /**
   * Set when the caller should write this chunk at once (ignoreErrors on, every earlier chunk
   * validated): the rows that are later occurrences, flat [row, firstRow, …] as laterOccurrences.
   */
  writeNow: { later: number[] } | null;
}

/** Answer to a write of an import with ignoreErrors off: insert now, or roll back what this chunk may have written. */
export interface WriteLease {
  write: boolean;
  rollBack: boolean;
}

/** The import as the passes read it before running: its configuration and where it stands. */
export interface ImportSnapshot {
  config: ImportConfig;
  status: ImportStatus;
  phase: Phase;
  chunkCount: number | null;
  rolledBack: boolean;
}

/** Counts of one validated chunk, as recordValidation receives them. */
export interface ValidationResult {
  rows: number;
  invalidRows: number;
  /** [phoneKey(e164), data row] of every valid row. */
  phones: [number, number][];
  errorCounts: Record<string, number>;
}

/** Counts of one written (or reported) chunk. */
export interface WriteResult {
  imported: number;
  /** imported = created + updated + unchanged. */
  created: number;
  updated: number;
  /** Rows that matched a lead and changed none of its values (update and fill). */
  unchanged: number;
  failed: number;
  errorCounts: Record<string, number>;
}

export function initialState(): State {
  return {
    status: 'queued',
    phase: 'upload',
    reportOnly: false,
    dispatched: false,
    chunkCount: null,
    totalRows: 0,
    validatedRows: 0,
    processedRows: 0,
    importedRows: 0,
    createdRows: 0,
    updatedRows: 0,
    unchangedRows: 0,
    failedRows: 0,
    invalidRows: 0,
    recordedPhones: 0,
    errorCounts: {},
    failure: null,
    finishedAt: null,
  };
}

export function snapshotOf(config: ImportConfig, state: State): ImportSnapshot {
  return { config, status: state.status, phase: state.phase, chunkCount: state.chunkCount, rolledBack: !!state.rollback };
}

export function toView(config: ImportConfig, state: State): ImportView {
  return {
    id: config.importId,
    campaignId: config.campaignId,
    fileName: config.fileName,
    status: state.status,
    ignoreErrors: config.ignoreErrors,
    onExisting: config.onExisting,
    totalRows: state.totalRows,
    validatedRows: state.validatedRows,
    processedRows: state.processedRows,
    importedRows: state.importedRows,
    createdRows: state.createdRows,
    updatedRows: state.updatedRows,
    unchangedRows: state.unchangedRows,
    failedRows: state.failedRows,
    undoneRows: 0,
    undoDeletedRows: 0,
    undoRestoredRows: 0,
    undoSkippedRows: 0,
    errorCounts: state.errorCounts,
    mappingSource: config.mappingSource,
    failure: state.failure,
    createdAt: config.createdAt,
    finishedAt: state.finishedAt,
    encoding: config.encoding ?? null,
    warnings: config.warnings ?? [],
  };
}
