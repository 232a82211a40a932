/**
 * The import's phases as pure functions: given the state (and what the chunk ledger counts), the
 * next state and what to dispatch. No storage, no messages: the Durable Object applies the answer.
 *
 * upload → validate every chunk (rows checked, valid numbers recorded with their row) → write every
 * chunk (first occurrences written, later ones reported; a "report" pass writes nothing when
 * ignoreErrors is off and any row failed) → finalize (error report, email) → done. With
 * ignoreErrors on, a chunk is written as soon as it and every chunk before it are validated.
 *
 * With ignoreErrors off the outcome is all or nothing: a failure once rows may be in D1 (a write
 * conflict with another import, a dead-lettered message) enters rollback, which deletes the rows of every chunk
 * that may have written, then finalizes the import as failed with the reason.
 */
import { isRunning } from '../../src/lib/import-view.ts';
import { NOTHING_NEXT, type Failure, type Next, type State, type ValidationResult, type WriteResult } from './state.ts';

/** What the chunk ledger counts of chunks 0..chunkCount-1 (read lazily: only what a transition needs). */
export interface ChunkProgress {
  readonly validated: number;
  readonly written: number;
  /** Unwritten chunks that no validate message has claimed, ascending. */
  readonly unclaimed: number[];
  /** Distinct valid numbers recorded (the first-occurrence index's size). */
  readonly distinctPhones: number;
}

/** Moves to the next phase when the current one is complete; `next` is what to dispatch (once per phase). */
export function advance(state: State, ignoreErrors: boolean, chunks: ChunkProgress): { state: State; next: Next } {
  if (!isRunning(state.status) || state.chunkCount === null) return { state, next: NOTHING_NEXT };
  const s = { ...state };
  if (s.phase === 'validate' && chunks.validated === s.chunkCount) {
    const anyError = s.invalidRows > 0 || chunks.distinctPhones < s.recordedPhones;
    s.reportOnly = anyError && !ignoreErrors;
    s.phase = s.reportOnly ? 'report-only' : 'write';
    s.status = s.phase === 'write' ? 'importing' : 'validating';
    s.dispatched = false;
  }
  // Not `else`: with ignoreErrors on, every chunk may already be written when validation ends.
  if ((s.phase === 'write' || s.phase === 'report-only') && chunks.written === s.chunkCount) {
    s.phase = 'finalize';
    s.dispatched = false;
  }
  let next: Next = NOTHING_NEXT;
  if (s.phase === 'write' || s.phase === 'report-only') {
    // Chunks a validate message claimed are written by that message.
    const pending = chunks.unclaimed;
    if (pending.length) next = { kind: 'write', chunks: pending };
  } else if (s.phase === 'finalize') {
    next = { kind: 'finalize' };
  }
  if (next.kind === 'none' || s.dispatched) return { state: s, next: NOTHING_NEXT };
  s.dispatched = true;
  return { state: s, next };
}

/** Every chunk is stored: validation can finish once each is validated. */
export function sealed(state: State, chunkCount: number, totalRows: number): State {
  return { ...state, chunkCount, totalRows, phase: 'validate', status: state.status === 'queued' ? 'validating' : state.status };
}

/** A chunk validated for the first time: its counts added. */
export function countValidation(state: State, result: ValidationResult, validatedPrefix: number): State {
  return {
    ...state,
    redispatches: 0,
    validatedRows: state.validatedRows + result.rows,
    invalidRows: state.invalidRows + result.invalidRows,
    recordedPhones: state.recordedPhones + result.phones.length,
    errorCounts: addCounts(state.errorCounts, result.errorCounts),
    validatedPrefix,
  };
}

/** A chunk written (or reported) for the first time: its counts added. */
export function countWrite(state: State, chunkRows: number, result: WriteResult): State {
  return {
    ...state,
    redispatches: 0,
    // Rows are being written while later chunks are still validated (ignoreErrors on).
    status: state.status === 'validating' && result.imported > 0 ? 'importing' : state.status,
    processedRows: state.processedRows + chunkRows,
    importedRows: state.importedRows + result.imported,
    createdRows: state.createdRows + result.created,
    updatedRows: state.updatedRows + result.updated,
    unchangedRows: state.unchangedRows + result.unchanged,
    failedRows: state.failedRows + result.failed,
    // Validation counted every code but duplicates; the write pass adds those.
    errorCounts: addCounts(state.errorCounts, result.errorCounts),
  };
}

/**
 * With ignoreErrors on, a validated chunk whose earlier chunks are all validated is written by its
 * own validate message. (Headless uploads validate chunks while the file still arrives: phase upload.)
 */
export function writesWhileValidating(state: State, ignoreErrors: boolean): boolean {
  return ignoreErrors && isRunning(state.status) && (state.phase === 'upload' || state.phase === 'validate' || state.phase === 'write');
}

/** Whether rows of this import may be in D1 and must be rolled back before it fails (ignoreErrors off). */
export function failureRollsBack(state: State, ignoreErrors: boolean): boolean {
  const wrote = state.phase === 'write' || state.phase === 'rollback' || (state.phase === 'finalize' && !state.reportOnly);
  return !ignoreErrors && wrote;
}

/** Enters the rollback of an import with ignoreErrors off; it ends failed with `reason`. */
export function rollingBack(state: State, reason: Failure): State {
  return { ...state, rollback: reason, phase: 'rollback', status: 'importing', redispatches: 0, dispatched: false };
}

/** The rollback is over when no chunk is left to roll back: the error report is built next. */
export function rollbackFinished(state: State, chunksToRollBack: number): State | null {
  if (state.phase !== 'rollback' || chunksToRollBack > 0) return null;
  return { ...state, phase: 'finalize', dispatched: false };
}

/**
 * The error report is written: the import ends. A rolled-back import fails with its reason and
 * counts the report's rows (with ignoreErrors off, a written chunk's report rows are the numbers
 * another import wrote first); a report-only pass fails as ROWS_INVALID. Null once ended.
 */
export function completed(state: State, report: { rows: number; errorCounts: Record<string, number> }, now: string): State | null {
  if (state.phase === 'done' || !isRunning(state.status)) return null;
  const done = { ...state, phase: 'done' as const, finishedAt: now };
  if (state.rollback) {
    return { ...done, status: 'failed', importedRows: 0, createdRows: 0, updatedRows: 0, unchangedRows: 0, failedRows: report.rows, errorCounts: report.errorCounts, failure: rollbackFailure(state.rollback, report) };
  }
  if (state.reportOnly) {
    const message = `${state.failedRows} of ${state.totalRows} rows have errors and "ignore errors" is off, so nothing was imported. Download the error report, fix the rows and import again, or import with ignore errors on.`;
    return { ...done, status: 'failed', failure: { code: 'ROWS_INVALID', message } };
  }
  return { ...done, status: 'completed' };
}

/** Ends a running import as failed with no rollback; what was written stays, and the message says so. */
export function failed(state: State, failure: Failure, now: string): State {
  // With ignoreErrors on, chunks are written while later ones validate: say what stays.
  const kept =
    state.importedRows > 0
      ? ` ${state.importedRows.toLocaleString('en-US')} rows were imported before it stopped; they stay in the campaign, and importing the file again reports them as already there.`
      : '';
  return { ...state, status: 'failed', phase: 'done', failure: { code: failure.code, message: failure.message + kept }, finishedAt: now };
}

/** Stops a running import; null when it cannot be cancelled (ended, or rolling back: that runs to its end). */
export function cancelled(state: State, now: string): State | null {
  if (!isRunning(state.status) || state.phase === 'rollback') return null;
  return { ...state, status: 'cancelled', phase: 'done', finishedAt: now };
}

/** The failure of a rolled-back import, with the numbers of its error report. */
function rollbackFailure(reason: Failure, report: { rows: number }): Failure {
  if (reason.code === 'WRITE_CONFLICT') {
    const n = report.rows.toLocaleString('en-US');
    return {
      code: 'WRITE_CONFLICT',
      message: `${n} ${report.rows === 1 ? 'number was' : 'numbers were'} added to the campaign by another import while this one was writing, and "ignore errors" is off, so nothing was imported. Import the file again: those rows will be reported as already existing (the error report lists them).`,
    };
  }
  return { code: reason.code, message: `${reason.message} Nothing of this import was kept in the campaign ("ignore errors" is off): the rows written before it stopped were removed.` };
}

function addCounts(base: Record<string, number>, from: Record<string, number>): Record<string, number> {
  const into = { ...base };
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  return into;
}
