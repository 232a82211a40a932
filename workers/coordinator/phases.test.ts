import { describe, expect, it } from 'vitest';
import {
  advance,
  cancelled,
  completed,
  countValidation,
  countWrite,
  failed,
  failureRollsBack,
  rollbackFinished,
  rollingBack,
  sealed,
  writesWhileValidating,
  type ChunkProgress,
} from './phases.ts';
import { initialState, type Phase, type State } from './state.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const state = (over: Partial<State> = {}): State => ({ ...initialState(), ...over });
/** Chunk counts; a field a transition must not need throws when read. */
const chunks = (over: Partial<ChunkProgress>): ChunkProgress => {
  const read = (name: keyof ChunkProgress) => {
    if (!(name in over)) throw new Error(`${name} read`);
    return over[name]!;
  };
  return {
    get validated() {
      return read('validated') as number;
    },
    get written() {
      return read('written') as number;
    },
    get unclaimed() {
      return read('unclaimed') as number[];
    },
    get distinctPhones() {
      return read('distinctPhones') as number;
    },
  };
};
const validating = (over: Partial<State> = {}): State => ({ ...sealed(state(), 3, 30), ...over });
const RUNNING_PHASES: Phase[] = ['upload', 'validate', 'write', 'report-only', 'finalize'];

describe('upload → validate → write → finalize → done', () => {
  it('sealing sets the size and starts validation', () => {
    expect(sealed(state(), 3, 30)).toMatchObject({ phase: 'validate', status: 'validating', chunkCount: 3, totalRows: 30 });
  });

  it('stays in validate until every chunk is validated', () => {
    const r = advance(validating(), false, chunks({ validated: 2 }));
    expect(r.state.phase).toBe('validate');
    expect(r.next).toEqual({ kind: 'none' });
  });

  it('a clean file moves to write and dispatches the unclaimed chunks once', () => {
    const s = validating({ recordedPhones: 30 });
    const r = advance(s, false, chunks({ validated: 3, written: 0, unclaimed: [0, 2], distinctPhones: 30 }));
    expect(r.state).toMatchObject({ phase: 'write', status: 'importing', reportOnly: false, dispatched: true });
    expect(r.next).toEqual({ kind: 'write', chunks: [0, 2] });
    expect(s.phase).toBe('validate'); // pure: the input is left as it was
    const again = advance(r.state, false, chunks({ written: 1, unclaimed: [2] }));
    expect(again.next).toEqual({ kind: 'none' });
  });

  it('in write with every unwritten chunk claimed by its validate message, nothing is dispatched (and nothing marked so)', () => {
    const s = state({ phase: 'write', status: 'importing', chunkCount: 3 });
    const r = advance(s, true, chunks({ written: 1, unclaimed: [] }));
    expect(r.next).toEqual({ kind: 'none' });
    expect(r.state.dispatched).toBe(false);
  });

  it('every chunk written: finalize is dispatched, then the import completes', () => {
    const s = state({ phase: 'write', status: 'importing', chunkCount: 3, dispatched: true });
    const r = advance(s, false, chunks({ written: 3 }));
    expect(r.state).toMatchObject({ phase: 'finalize', dispatched: true });
    expect(r.next).toEqual({ kind: 'finalize' });
    const done = completed(r.state, { rows: 0, errorCounts: {} }, NOW);
    expect(done).toMatchObject({ phase: 'done', status: 'completed', finishedAt: NOW, failure: null });
    expect(completed(done!, { rows: 0, errorCounts: {} }, NOW)).toBeNull();
  });

  it('counts are added once per chunk and kept apart from the input', () => {
    const s = validating({ errorCounts: { PHONE_INVALID: 1 } });
    const v = countValidation(s, { rows: 10, invalidRows: 2, phones: [[1, 1], [2, 2]], errorCounts: { PHONE_INVALID: 2 } }, 1);
    expect(v).toMatchObject({ validatedRows: 10, invalidRows: 2, recordedPhones: 2, validatedPrefix: 1, errorCounts: { PHONE_INVALID: 3 } });
    expect(s.errorCounts).toEqual({ PHONE_INVALID: 1 });
    const w = countWrite(v, 10, { imported: 7, created: 7, updated: 0, unchanged: 0, failed: 3, errorCounts: { DUPLICATE_IN_FILE: 1 } });
    expect(w).toMatchObject({ status: 'importing', processedRows: 10, importedRows: 7, failedRows: 3 });
    expect(w.errorCounts).toEqual({ PHONE_INVALID: 3, DUPLICATE_IN_FILE: 1 });
  });

  it('an ended import or one not sealed yet does not move', () => {
    expect(advance(state({ phase: 'upload' }), false, chunks({})).next).toEqual({ kind: 'none' });
    const ended = state({ phase: 'write', status: 'cancelled', chunkCount: 1 });
    expect(advance(ended, false, chunks({})).state).toBe(ended);
  });
});

describe('ignoreErrors', () => {
  const invalid = () => validating({ invalidRows: 1, recordedPhones: 29 });
  const duplicated = () => validating({ recordedPhones: 30 });

  it('off: an invalid row makes the write pass report only, and the import fails as ROWS_INVALID', () => {
    const r = advance(invalid(), false, chunks({ validated: 3, written: 0, unclaimed: [0, 1, 2], distinctPhones: 29 }));
    expect(r.state).toMatchObject({ phase: 'report-only', status: 'validating', reportOnly: true });
    expect(r.next).toEqual({ kind: 'write', chunks: [0, 1, 2] });
    const fin = advance(r.state, false, chunks({ written: 3 }));
    expect(fin.state.phase).toBe('finalize');
    const done = completed({ ...fin.state, failedRows: 1 }, { rows: 1, errorCounts: {} }, NOW);
    expect(done).toMatchObject({ status: 'failed', phase: 'done', failure: { code: 'ROWS_INVALID' } });
    expect(done!.failure!.message).toContain('1 of 30 rows have errors');
  });

  it('off: a number twice in the file counts as an error too', () => {
    const r = advance(duplicated(), false, chunks({ validated: 3, written: 0, unclaimed: [0], distinctPhones: 29 }));
    expect(r.state.phase).toBe('report-only');
  });

  it('on: errors do not stop the write', () => {
    const r = advance(invalid(), true, chunks({ validated: 3, written: 0, unclaimed: [1], distinctPhones: 29 }));
    expect(r.state).toMatchObject({ phase: 'write', status: 'importing', reportOnly: false });
  });

  it('on: chunks all written while validating go straight to finalize', () => {
    const r = advance(validating({ recordedPhones: 30 }), true, chunks({ validated: 3, written: 3, distinctPhones: 30 }));
    expect(r.state.phase).toBe('finalize');
    expect(r.next).toEqual({ kind: 'finalize' });
  });

  it('on: chunks are written while validating (and while the upload still arrives), never after', () => {
    for (const phase of ['upload', 'validate', 'write'] as Phase[]) expect(writesWhileValidating(state({ phase }), true)).toBe(true);
    for (const phase of ['report-only', 'rollback', 'finalize', 'done'] as Phase[]) expect(writesWhileValidating(state({ phase }), true)).toBe(false);
    expect(writesWhileValidating(state({ phase: 'validate' }), false)).toBe(false);
    expect(writesWhileValidating(state({ phase: 'validate', status: 'cancelled' }), true)).toBe(false);
  });
});

describe('rollback (ignoreErrors off)', () => {
  it('a failure rolls back only once rows may be in D1', () => {
    const rolls = (phase: Phase, reportOnly = false) => failureRollsBack(state({ phase, reportOnly }), false);
    expect(['upload', 'validate', 'report-only'].map((p) => rolls(p as Phase))).toEqual([false, false, false]);
    expect(rolls('write')).toBe(true);
    expect(rolls('rollback')).toBe(true);
    expect(rolls('finalize')).toBe(true);
    expect(rolls('finalize', true)).toBe(false);
    expect(failureRollsBack(state({ phase: 'write' }), true)).toBe(false);
  });

  it('enters rollback, waits for every chunk to be rolled back, then finalizes and fails with the reason', () => {
    const s = rollingBack(state({ phase: 'write', status: 'importing', chunkCount: 2, dispatched: true, redispatches: 3, importedRows: 50 }), {
      code: 'PROCESSING_FAILED',
      message: 'Part 2 failed.',
    });
    expect(s).toMatchObject({ phase: 'rollback', status: 'importing', dispatched: false, redispatches: 0 });
    expect(rollbackFinished(s, 1)).toBeNull();
    const fin = rollbackFinished(s, 0)!;
    expect(fin).toMatchObject({ phase: 'finalize', dispatched: false });
    expect(advance(fin, false, chunks({})).next).toEqual({ kind: 'finalize' });
    const done = completed(fin, { rows: 4, errorCounts: { DUPLICATE_EXISTING: 4 } }, NOW)!;
    expect(done).toMatchObject({ status: 'failed', importedRows: 0, failedRows: 4, errorCounts: { DUPLICATE_EXISTING: 4 } });
    expect(done.failure!.code).toBe('PROCESSING_FAILED');
    expect(done.failure!.message).toMatch(/^Part 2 failed\. Nothing of this import was kept/);
  });

  it('a write conflict fails as WRITE_CONFLICT, counting the numbers another import wrote', () => {
    const s = rollingBack(state({ phase: 'write', status: 'importing', chunkCount: 1 }), { code: 'WRITE_CONFLICT', message: '' });
    const done = completed(rollbackFinished(s, 0)!, { rows: 1, errorCounts: {} }, NOW)!;
    expect(done.failure).toMatchObject({ code: 'WRITE_CONFLICT' });
    expect(done.failure!.message).toMatch(/^1 number was added to the campaign by another import/);
    expect(rollbackFinished(state({ phase: 'write' }), 0)).toBeNull();
  });
});

describe('cancel and fail from each phase', () => {
  it('cancel stops every running phase but rollback, which runs to its end', () => {
    for (const phase of RUNNING_PHASES) {
      expect(cancelled(state({ phase, status: 'importing' }), NOW)).toMatchObject({ status: 'cancelled', phase: 'done', finishedAt: NOW });
    }
    expect(cancelled(state({ phase: 'rollback', status: 'importing' }), NOW)).toBeNull();
    expect(cancelled(state({ phase: 'done', status: 'completed' }), NOW)).toBeNull();
  });

  it('fail ends every phase with the reason, saying what stays written', () => {
    for (const phase of RUNNING_PHASES) {
      const s = failed(state({ phase, status: 'validating' }), { code: 'STALLED', message: 'Stopped.' }, NOW);
      expect(s).toMatchObject({ status: 'failed', phase: 'done', finishedAt: NOW, failure: { code: 'STALLED', message: 'Stopped.' } });
    }
    const kept = failed(state({ phase: 'validate', status: 'importing', importedRows: 1200 }), { code: 'CHUNK_MISSING', message: 'Part 3 is missing.' }, NOW);
    expect(kept.failure!.message).toMatch(/^Part 3 is missing\. 1,200 rows were imported before it stopped; they stay/);
  });
});
