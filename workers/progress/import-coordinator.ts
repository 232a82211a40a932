/**
 * One Durable Object per import: its configuration, chunk states, counters, the first-occurrence
 * index that makes DUPLICATE_IN_FILE independent of delivery order, and live progress.
 *
 * Phases: upload → validate every chunk (rows checked, valid numbers recorded with their row) →
 * write every chunk (first occurrences written, later ones reported; a "report" pass writes
 * nothing when ignoreErrors is off and any row failed) → finalize (error report, email).
 * With ignoreErrors on, a chunk is written as soon as it and every chunk before it are validated
 * (then the first occurrence of each of its numbers is known): usually by the message that
 * validated it, in one pass; the write phase only picks up chunks validated out of order.
 * Every recording call is idempotent per chunk, so a redelivered message never counts twice.
 *
 * With ignoreErrors off the outcome is all or nothing. A conflict found while writing (another
 * import wrote one of the numbers meanwhile), a dead-lettered message or any other failure after
 * rows were written starts a rollback: every chunk that may have rows in D1 is undone (its numbers
 * deleted where this import wrote them, one bounded statement per chunk, by the chunk's own write
 * message, so redelivery and the watchdog work as for writes), then the import fails with the
 * reason and nothing of it left. A write holds a lease on its chunk from before its insert until
 * it is recorded; a chunk is undone only once no write of it can still land.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env.ts';
import type { AssistantConfig, ColumnMapping } from '../../src/lib/types.ts';
import type { ImportStatus } from '../db/schema.ts';
import type { ChunkMessage } from '../queue/messages.ts';
import { isRunning, type ImportView } from '../../src/lib/import-view.ts';
import { mirrorToD1 } from './mirror.ts';
import { sendWithRetry } from '../queue/send.ts';
import { createFirstOccurrenceIndex, type FirstOccurrenceIndex } from '../../src/lib/dedupe/in-file.ts';
import { admitChunk, type Admission, type UploadedChunk } from '../chunk/admit-chunk.ts';

export interface ImportConfig {
  importId: string;
  workspaceId: string;
  campaignId: string;
  fileName: string;
  ignoreErrors: boolean;
  notifyEmail: string | null;
  headers: string[];
  mapping: ColumnMapping;
  assistant: AssistantConfig;
  defaultCountry: string | null;
  createdAt: string;
  /** Inline imports are driven by the request; queued ones by messages the coordinator sends. */
  inline: boolean;
}

type Phase = 'upload' | 'validate' | 'write' | 'report' | 'rollback' | 'finalize' | 'done';

interface State {
  status: ImportStatus;
  phase: Phase;
  /** Set when validation found errors and ignoreErrors is off: the write pass only reports. */
  reportOnly: boolean;
  dispatched: boolean;
  chunkCount: number | null;
  totalRows: number;
  validatedRows: number;
  processedRows: number;
  importedRows: number;
  failedRows: number;
  invalidRows: number;
  recordedPhones: number;
  errorCounts: Record<string, number>;
  failure: { code: string; message: string } | null;
  finishedAt: string | null;
  /** Times the watchdog re-sent the current phase's messages without progress in between. */
  redispatches?: number;
  /** Chunks 0..validatedPrefix-1 are all validated: their rows' first occurrences are final. */
  validatedPrefix?: number;
  /** Why an import with ignoreErrors off is being (or was) rolled back: it ends failed with this reason. */
  rollback?: { code: string; message: string } | null;
}

/** A chunk's write lease (ignoreErrors off): never taken, held (an insert may be in flight), released. */
const LEASE_NONE = 0;
const LEASE_HELD = 1;
const LEASE_RELEASED = 2;

/** Answer to a write of an import with ignoreErrors off: insert now, or undo what this chunk may have written. */
export interface WriteLease {
  write: boolean;
  undo: boolean;
}

/** No progress for this long while running: the watchdog re-sends the phase's pending messages. */
export const WATCHDOG_MS = 60_000;
/** An upload (browser or request) idle this long is abandoned. */
const UPLOAD_IDLE_MS = 60 * 60_000;
const MAX_REDISPATCHES = 5;

/** What the caller must do next (inline imports only; queued ones are dispatched here). */
export type Next = { kind: 'none' } | { kind: 'write'; chunks: number[] } | { kind: 'finalize' };

/** The answer to a recorded validation: what comes next, and whether the caller writes the chunk now. */
export interface ValidationRecorded {
  next: Next;
  /**
   * Set when the caller should write this chunk at once (ignoreErrors on, every earlier chunk
   * validated): the rows that are later occurrences, flat [row, firstRow, …] as laterOccurrences.
   */
  writeNow: { later: number[] } | null;
}

function addCounts(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

export class ImportCoordinator extends DurableObject<Env> {
  private sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS chunks (idx INTEGER PRIMARY KEY, rows INTEGER NOT NULL, validated INTEGER NOT NULL DEFAULT 0, written INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS occurrences (phone INTEGER NOT NULL, row INTEGER NOT NULL);
    `);
    // claimed = a message is writing this chunk in the validate pass; the write phase leaves it to that
    // message (the watchdog still re-sends it if the message is lost).
    const columns = this.sql.exec<{ name: string }>('SELECT name FROM pragma_table_info(?)', 'chunks').toArray();
    if (!columns.some((c) => c.name === 'claimed')) this.sql.exec('ALTER TABLE chunks ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0');
    // lease: see LEASE_*; undone = this chunk's rows are deleted again (rollback).
    if (!columns.some((c) => c.name === 'lease')) this.sql.exec('ALTER TABLE chunks ADD COLUMN lease INTEGER NOT NULL DEFAULT 0');
    if (!columns.some((c) => c.name === 'undone')) this.sql.exec('ALTER TABLE chunks ADD COLUMN undone INTEGER NOT NULL DEFAULT 0');
  }

  /**
   * The first row of each valid number, in memory (12 bytes a slot: ~25 MB for a million distinct
   * numbers), rebuilt from the append-only `occurrences` table after a restart. A SQLite table keyed
   * by number cost a random B-tree insert per row, most of a chunk's recording time at 1M rows.
   */
  private firstRowsIndex: FirstOccurrenceIndex | null = null;

  private firstRows(): FirstOccurrenceIndex {
    if (!this.firstRowsIndex) {
      const index = createFirstOccurrenceIndex();
      for (const r of this.sql.exec<{ phone: number; row: number }>('SELECT phone, row FROM occurrences')) index.recordKey(r.phone, r.row);
      this.firstRowsIndex = index;
    }
    return this.firstRowsIndex;
  }

  private async load(): Promise<{ config: ImportConfig; state: State }> {
    const [config, state] = await Promise.all([this.ctx.storage.get<ImportConfig>('config'), this.ctx.storage.get<State>('state')]);
    if (!config || !state) throw new Error('import not initialised');
    return { config, state };
  }

  /** When the D1 read model was last brought up to date, and with which status. */
  private mirrored: { at: number; status: ImportStatus; phase: Phase } | null = null;

  private async save(config: ImportConfig, state: State): Promise<ImportView> {
    await this.ctx.storage.put('state', state);
    // Every change re-arms the watchdog; an ended import needs none.
    if (isRunning(state.status)) await this.ctx.storage.setAlarm(Date.now() + (state.phase === 'upload' ? UPLOAD_IDLE_MS : WATCHDOG_MS));
    else await this.ctx.storage.deleteAlarm();
    const view = toView(config, state);
    // Listings read D1: a running import's counters are copied at most once a second (its own GET
    // asks this object), every change of status or phase at once.
    const now = Date.now();
    const m = this.mirrored;
    if (!m || m.status !== state.status || m.phase !== state.phase || now - m.at >= 1000 || !isRunning(state.status)) {
      await mirrorToD1(this.env, config.workspaceId, view);
      this.mirrored = { at: now, status: state.status, phase: state.phase };
    }
    this.broadcast(view);
    return view;
  }

  /** Creates the import (idempotent). */
  async init(config: ImportConfig): Promise<ImportView> {
    const existing = await this.ctx.storage.get<ImportConfig>('config');
    if (existing) return this.view();
    const state: State = {
      status: 'queued',
      phase: 'upload',
      reportOnly: false,
      dispatched: false,
      chunkCount: null,
      totalRows: 0,
      validatedRows: 0,
      processedRows: 0,
      importedRows: 0,
      failedRows: 0,
      invalidRows: 0,
      recordedPhones: 0,
      errorCounts: {},
      failure: null,
      finishedAt: null,
    };
    await this.ctx.storage.put('config', config);
    await this.ctx.storage.put('state', state);
    return toView(config, state);
  }

  async view(): Promise<ImportView> {
    const { config, state } = await this.load();
    return toView(config, state);
  }

  async config(): Promise<{ config: ImportConfig; status: ImportStatus; phase: Phase; chunkCount: number | null; rolledBack: boolean }> {
    const { config, state } = await this.load();
    return { config, status: state.status, phase: state.phase, chunkCount: state.chunkCount, rolledBack: !!state.rollback };
  }

  /** A chunk is in R2 (browser upload or headless split); queued imports start validating it now. */
  async chunkStored(chunk: number, rows: number): Promise<void> {
    this.sql.exec('INSERT INTO chunks (idx, rows) VALUES (?, ?) ON CONFLICT (idx) DO UPDATE SET rows = excluded.rows WHERE validated = 0', chunk, rows);
    await this.ctx.storage.setAlarm(Date.now() + UPLOAD_IDLE_MS);
  }

  /**
   * Stores a browser-uploaded chunk while the upload is open. Nothing else runs on this object
   * meanwhile, so `seal` either counts the chunk or comes first and the chunk is refused: a PUT
   * racing `start` never replaces a sealed chunk. Inline or background follows the rows stored.
   */
  async storeUploadedChunk(chunk: UploadedChunk): Promise<Admission> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const { config, state } = await this.load();
      if (state.phase !== 'upload' || !isRunning(state.status)) {
        return { ok: false, code: 'IMPORT_STARTED', message: 'This import has already started; chunks can no longer be changed.' } as const;
      }
      const admitted = await admitChunk(this.sql, this.env.UPLOADS, chunk);
      if (!admitted.ok) return admitted;
      await this.chunkStored(chunk.index, chunk.rows);
      if (config.inline !== admitted.inline) {
        config.inline = admitted.inline;
        await this.ctx.storage.put('config', config);
      }
      return admitted;
    });
  }

  /**
   * The watchdog: a running import that made no progress since the alarm was armed gets the
   * messages of its current phase sent again (every pass is idempotent, so a message that was only
   * slow costs a repeat, never a double count). Lost messages, a restarted consumer or an inline
   * request that died all end here. After repeated tries without progress, or an upload left idle,
   * the import fails with a reason instead of hanging.
   */
  async alarm(): Promise<void> {
    const { config, state } = await this.load();
    if (!isRunning(state.status)) return;
    if (state.phase === 'upload') {
      await this.fail('UPLOAD_ABANDONED', 'The upload stopped before every part of the file arrived. Start the import again.');
      return;
    }
    state.redispatches = (state.redispatches ?? 0) + 1;
    // A rollback never gives up: ending it early would leave rows of an all-or-nothing import.
    if (state.redispatches > MAX_REDISPATCHES && state.phase !== 'rollback') {
      await this.fail('STALLED', 'The import stopped making progress and was ended. Nothing was imported twice; start it again to import the remaining rows.');
      return;
    }
    const pending = (col: 'validated' | 'written') =>
      this.sql.exec<{ idx: number }>(`SELECT idx FROM chunks WHERE ${col} = 0 AND idx < ? ORDER BY idx`, state.chunkCount ?? 0).toArray().map((r) => r.idx);
    const base = { workspaceId: config.workspaceId, importId: config.importId };
    const messages: ChunkMessage[] =
      state.phase === 'validate'
        ? pending('validated').map((chunk) => ({ kind: 'validate', ...base, chunk }))
        : state.phase === 'write' || state.phase === 'report'
          ? pending('written').map((chunk) => ({ kind: 'write', ...base, chunk }))
          : state.phase === 'rollback'
            ? this.toUndo(true).map((chunk) => ({ kind: 'write', ...base, chunk }))
            : [{ kind: 'finalize', ...base }];
    if (config.inline) {
      // The request that drove it is gone: from now on the queue drives it.
      config.inline = false;
      await this.ctx.storage.put('config', config);
    }
    state.dispatched = true;
    await this.save(config, state);
    await sendWithRetry(this.env.IMPORT_QUEUE, messages);
  }

  /** Every chunk is stored: the import's size is known and validation can finish. */
  async seal(chunkCount: number): Promise<{ view: ImportView; next: Next }> {
    const { config, state } = await this.load();
    if (state.phase !== 'upload') return { view: toView(config, state), next: { kind: 'none' } };
    const stored = this.sql.exec<{ n: number; total: number }>('SELECT count(*) AS n, coalesce(sum(rows), 0) AS total FROM chunks WHERE idx < ?', chunkCount).one();
    if (stored.n !== chunkCount) throw new Error(`expected ${chunkCount} chunks, have ${stored.n}`);
    state.chunkCount = chunkCount;
    state.totalRows = stored.total;
    state.phase = 'validate';
    if (state.status === 'queued') state.status = 'validating';
    const next = await this.advance(config, state);
    return { view: await this.save(config, state), next };
  }

  /**
   * Records one validated chunk: its row counts and the valid numbers with their rows. With
   * ignoreErrors on and every earlier chunk validated, the caller is told to write the chunk now
   * (with its later occurrences); chunks validated earlier out of order that this one unblocks are
   * sent to the queue to be written.
   */
  async recordValidation(
    chunk: number,
    /** `phones`: [phoneKey(e164), data row] of every valid row. */
    result: { rows: number; invalidRows: number; phones: [number, number][]; errorCounts: Record<string, number> },
  ): Promise<ValidationRecorded> {
    const { config, state } = await this.load();
    const row = this.sql.exec<{ validated: number; written: number }>('SELECT validated, written FROM chunks WHERE idx = ?', chunk).toArray()[0];
    if (!row) throw new Error(`chunk ${chunk} unknown`);
    if (!row.validated && isRunning(state.status)) {
      const index = this.firstRows(); // (built from the table before this chunk is appended to it)
      this.sql.exec('INSERT INTO occurrences (phone, row) SELECT j.value->>0, j.value->>1 FROM json_each(?) AS j', JSON.stringify(result.phones));
      for (const [key, r] of result.phones) index.recordKey(key, r);
      this.sql.exec('UPDATE chunks SET validated = 1 WHERE idx = ?', chunk);
      state.redispatches = 0;
      state.validatedRows += result.rows;
      state.invalidRows += result.invalidRows;
      state.recordedPhones += result.phones.length;
      addCounts(state.errorCounts, result.errorCounts);
      let prefix = state.validatedPrefix ?? 0;
      while (this.sql.exec<{ n: number }>('SELECT count(*) AS n FROM chunks WHERE idx = ? AND validated = 1', prefix).one().n) prefix++;
      state.validatedPrefix = prefix;
    }

    let writeNow: ValidationRecorded['writeNow'] = null;
    let unblocked: number[] = [];
    // (Headless uploads validate chunks while the rest of the file is still arriving: phase upload.)
    const early = config.ignoreErrors && isRunning(state.status) && (state.phase === 'upload' || state.phase === 'validate' || state.phase === 'write');
    if (early) {
      const prefix = state.validatedPrefix ?? 0;
      if (!row.written && chunk < prefix) {
        this.sql.exec('UPDATE chunks SET claimed = 1 WHERE idx = ?', chunk);
        writeNow = { later: this.later(result.phones) };
      }
      // Chunks validated before an earlier one arrived waited for this moment: write them now. (In
      // the write phase, advance() has already sent theirs.)
      if ((state.phase === 'upload' || state.phase === 'validate') && !config.inline) {
        unblocked = this.sql
          .exec<{ idx: number }>('SELECT idx FROM chunks WHERE validated = 1 AND written = 0 AND claimed = 0 AND idx < ? ORDER BY idx', prefix)
          .toArray()
          .map((r) => r.idx);
        for (const idx of unblocked) this.sql.exec('UPDATE chunks SET claimed = 1 WHERE idx = ?', idx);
      }
    }
    const next = await this.advance(config, state);
    await this.save(config, state);
    // After saving: if sending fails, the caller's retry finds the counts recorded and the watchdog
    // re-sends every unwritten chunk, claimed or not.
    if (unblocked.length) {
      await sendWithRetry(
        this.env.IMPORT_QUEUE,
        unblocked.map((idx): ChunkMessage => ({ kind: 'write', workspaceId: config.workspaceId, importId: config.importId, chunk: idx })),
      );
    }
    return { next, writeNow };
  }

  /**
   * Of these [phoneKey, row] pairs, the rows that are not their number's first occurrence in the
   * file, each with that first row (the minimum row recorded, whatever order chunks came in),
   * flat: [row, firstRow, row, firstRow, …].
   */
  async laterOccurrences(pairs: [number, number][]): Promise<number[]> {
    return this.later(pairs);
  }

  private later(pairs: [number, number][]): number[] {
    const index = this.firstRows();
    const out: number[] = [];
    for (const [key, row] of pairs) {
      const first = index.firstOfKey(key);
      if (first !== undefined && first !== row) out.push(row, first);
    }
    return out;
  }


  /** Records one written (or, on the report pass, checked) chunk. */
  async recordWrite(chunk: number, result: { imported: number; failed: number; errorCounts: Record<string, number> }): Promise<Next> {
    const { config, state } = await this.load();
    const row = this.sql.exec<{ written: number; rows: number }>('SELECT written, rows FROM chunks WHERE idx = ?', chunk).toArray()[0];
    if (!row) throw new Error(`chunk ${chunk} unknown`);
    if (!row.written) {
      this.sql.exec('UPDATE chunks SET written = 1 WHERE idx = ?', chunk);
      state.redispatches = 0;
      // Rows are being written while later chunks are still validated (ignoreErrors on).
      if (state.status === 'validating' && result.imported > 0) state.status = 'importing';
      state.processedRows += row.rows;
      state.importedRows += result.imported;
      state.failedRows += result.failed;
      // Validation counted every code but duplicates; the write pass adds those.
      addCounts(state.errorCounts, result.errorCounts);
    }
    const next = isRunning(state.status) ? await this.advance(config, state) : ({ kind: 'none' } as Next);
    await this.save(config, state);
    return next;
  }

  /**
   * A write of an import with ignoreErrors off asks before inserting. In the write phase the chunk's
   * lease is taken (held until recordGuardedWrite). Once the import is rolling back, or has ended
   * rolled back, the caller must instead undo whatever an earlier attempt at this chunk wrote.
   */
  async beginWrite(chunk: number): Promise<WriteLease> {
    const { config, state } = await this.load();
    const row = this.sql.exec<{ lease: number }>('SELECT lease FROM chunks WHERE idx = ?', chunk).toArray()[0];
    if (!row) throw new Error(`chunk ${chunk} unknown`);
    if (state.phase === 'write' && isRunning(state.status)) {
      this.sql.exec('UPDATE chunks SET lease = ? WHERE idx = ?', LEASE_HELD, chunk);
      return { write: true, undo: false };
    }
    if (!state.rollback) return { write: false, undo: false };
    if (state.phase === 'rollback' && row.lease === LEASE_HELD) {
      // This message's earlier attempt is over (a redelivery) or its duplicate is: undo it now.
      this.sql.exec('UPDATE chunks SET lease = ?, undone = 0 WHERE idx = ?', LEASE_RELEASED, chunk);
      await this.save(config, state);
    }
    return { write: false, undo: row.lease !== LEASE_NONE };
  }

  /**
   * Records a write of an import with ignoreErrors off and releases the chunk's lease. Rows the
   * insert refused because another import wrote their numbers meanwhile (`conflicts`) start the
   * rollback. `undo` tells the writer to delete this chunk's rows again (rolling back), then call
   * recordUndone.
   */
  async recordGuardedWrite(
    chunk: number,
    result: { imported: number; failed: number; conflicts: number; errorCounts: Record<string, number> },
  ): Promise<{ next: Next; undo: boolean }> {
    const { config, state } = await this.load();
    const row = this.sql.exec<{ lease: number }>('SELECT lease FROM chunks WHERE idx = ?', chunk).toArray()[0];
    if (!row) throw new Error(`chunk ${chunk} unknown`);
    if (row.lease === LEASE_HELD) this.sql.exec('UPDATE chunks SET lease = ?, undone = 0 WHERE idx = ?', LEASE_RELEASED, chunk);
    if (state.phase === 'write' && isRunning(state.status) && result.conflicts > 0) {
      const next = await this.startRollback(config, state, { code: 'WRITE_CONFLICT', message: '' }, chunk);
      await this.save(config, state);
      return { next, undo: true };
    }
    if (state.rollback) {
      if (state.phase === 'rollback') await this.save(config, state);
      return { next: { kind: 'none' }, undo: true };
    }
    return { next: await this.recordWrite(chunk, result), undo: false };
  }

  /** A chunk's rows are deleted again: when every chunk that wrote is undone, the import fails (report first). */
  async recordUndone(chunk: number): Promise<Next> {
    const { config, state } = await this.load();
    if (state.phase !== 'rollback') return { kind: 'none' };
    // A chunk whose write still holds its lease may yet land rows: it is undone after that write.
    this.sql.exec('UPDATE chunks SET undone = 1 WHERE idx = ? AND lease <> ?', chunk, LEASE_HELD);
    state.redispatches = 0;
    const next = await this.finishRollbackIfDone(config, state);
    await this.save(config, state);
    return next;
  }

  /** Chunks that may have rows in D1 and are not undone yet; with `held`, also those whose write holds its lease. */
  private toUndo(held: boolean): number[] {
    return this.sql
      .exec<{ idx: number }>(`SELECT idx FROM chunks WHERE undone = 0 AND lease ${held ? '<>' : '='} ? ORDER BY idx`, held ? LEASE_NONE : LEASE_RELEASED)
      .toArray()
      .map((r) => r.idx);
  }

  /**
   * Enters the rollback of an import with ignoreErrors off: chunks never leased have nothing to
   * undo; the others are undone by write messages (their writer undoes itself when `except`).
   */
  private async startRollback(config: ImportConfig, state: State, reason: { code: string; message: string }, except: number | null): Promise<Next> {
    state.rollback = reason;
    state.phase = 'rollback';
    state.status = 'importing';
    state.redispatches = 0;
    state.dispatched = false;
    this.sql.exec('UPDATE chunks SET undone = 1 WHERE lease = ?', LEASE_NONE);
    const chunks = this.toUndo(false).filter((c) => c !== except);
    const finished = await this.finishRollbackIfDone(config, state);
    if (finished.kind !== 'none' || !chunks.length) return finished;
    if (config.inline) return { kind: 'write', chunks };
    await this.ctx.storage.put('state', state);
    await sendWithRetry(
      this.env.IMPORT_QUEUE,
      chunks.map((chunk): ChunkMessage => ({ kind: 'write', workspaceId: config.workspaceId, importId: config.importId, chunk })),
    );
    return { kind: 'none' };
  }

  private async finishRollbackIfDone(config: ImportConfig, state: State): Promise<Next> {
    if (state.phase !== 'rollback' || this.toUndo(true).length) return { kind: 'none' };
    state.phase = 'finalize';
    state.dispatched = false;
    return this.advance(config, state);
  }

  /**
   * The error report is in R2: the import ends. A rolled-back import fails with its reason; its
   * counts are the report's rows (with ignoreErrors off, a written chunk's report rows are the
   * numbers another import wrote first).
   */
  async complete(report: { rows: number; errorCounts: Record<string, number> } = { rows: 0, errorCounts: {} }): Promise<ImportView> {
    const { config, state } = await this.load();
    if (state.phase === 'done' || !isRunning(state.status)) return toView(config, state);
    if (state.rollback) {
      state.status = 'failed';
      state.importedRows = 0;
      state.failedRows = report.rows;
      state.errorCounts = report.errorCounts;
      state.failure = rollbackFailure(state.rollback, report);
    } else if (state.reportOnly) {
      state.status = 'failed';
      state.failure = {
        code: 'ROWS_INVALID',
        message: `${state.failedRows} of ${state.totalRows} rows have errors and "ignore errors" is off, so nothing was imported. Download the error report, fix the rows and import again, or import with ignore errors on.`,
      };
    } else {
      state.status = 'completed';
    }
    state.phase = 'done';
    state.finishedAt = new Date().toISOString();
    return this.save(config, state);
  }

  /**
   * Ends the import as failed with a reason (dead-lettered chunk, missing chunk, unreadable file).
   * An import with ignoreErrors off that may have written rows rolls back first (`deadWrite`: the
   * chunk of a write message that will not run again, whose lease is released).
   */
  async fail(code: string, message: string, deadWrite?: number): Promise<ImportView> {
    const { config, state } = await this.load();
    if (!isRunning(state.status)) return toView(config, state);
    const wrote = state.phase === 'write' || state.phase === 'rollback' || (state.phase === 'finalize' && !state.reportOnly);
    if (!config.ignoreErrors && wrote) {
      if (deadWrite !== undefined) {
        this.sql.exec('UPDATE chunks SET lease = ?, undone = 0 WHERE idx = ? AND lease = ?', LEASE_RELEASED, deadWrite, LEASE_HELD);
      }
      if (state.phase !== 'rollback') {
        // The request or message that would drive an inline import is failing: the queue takes over.
        if (config.inline) {
          config.inline = false;
          await this.ctx.storage.put('config', config);
        }
        await this.startRollback(config, state, { code, message }, null);
      } else if (deadWrite !== undefined) {
        await sendWithRetry(this.env.IMPORT_QUEUE, [{ kind: 'write', workspaceId: config.workspaceId, importId: config.importId, chunk: deadWrite }]);
      }
      return this.save(config, state);
    }
    state.status = 'failed';
    state.phase = 'done';
    // With ignoreErrors on, chunks are written while later ones validate: say what stays.
    const kept =
      state.importedRows > 0
        ? ` ${state.importedRows.toLocaleString('en-US')} rows were imported before it stopped; they stay in the campaign, and importing the file again reports them as already there.`
        : '';
    state.failure = { code, message: message + kept };
    state.finishedAt = new Date().toISOString();
    return this.save(config, state);
  }

  /** Stops further chunks; what was written stays written and counted. */
  async cancel(): Promise<{ view: ImportView; cancelled: boolean }> {
    const { config, state } = await this.load();
    // A rollback runs to its end: stopping it would leave part of an all-or-nothing import.
    if (!isRunning(state.status) || state.phase === 'rollback') return { view: toView(config, state), cancelled: false };
    state.status = 'cancelled';
    state.phase = 'done';
    state.finishedAt = new Date().toISOString();
    return { view: await this.save(config, state), cancelled: true };
  }

  /**
   * Retention: deletes everything this object stores (configuration with the notify address and
   * headers, counters, every valid number with its row) and its alarm. Refused (false) while the
   * import runs; the import's D1 row keeps its counts.
   */
  async purge(): Promise<boolean> {
    const state = await this.ctx.storage.get<State>('state');
    if (state && isRunning(state.status)) return false;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.firstRowsIndex = null;
    return true;
  }

  /** Moves to the next phase when the current one is complete; dispatches its messages once. */
  private async advance(config: ImportConfig, state: State): Promise<Next> {
    if (!isRunning(state.status) || state.chunkCount === null) return { kind: 'none' };
    const done = (col: 'validated' | 'written') =>
      this.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM chunks WHERE ${col} = 1 AND idx < ?`, state.chunkCount).one().n === state.chunkCount;

    if (state.phase === 'validate' && done('validated')) {
      const distinct = this.firstRows().size;
      const anyError = state.invalidRows > 0 || distinct < state.recordedPhones;
      state.reportOnly = anyError && !config.ignoreErrors;
      state.phase = state.reportOnly ? 'report' : 'write';
      state.status = state.phase === 'write' ? 'importing' : 'validating';
      state.dispatched = false;
    }
    // Not `else`: with ignoreErrors on, every chunk may already be written when validation ends.
    if ((state.phase === 'write' || state.phase === 'report') && done('written')) {
      state.phase = 'finalize';
      state.dispatched = false;
    }

    let next: Next = { kind: 'none' };
    if (state.phase === 'write' || state.phase === 'report') {
      // Chunks a validate message claimed are written by that message.
      const pending = this.sql
        .exec<{ idx: number }>('SELECT idx FROM chunks WHERE written = 0 AND claimed = 0 AND idx < ? ORDER BY idx', state.chunkCount)
        .toArray()
        .map((r) => r.idx);
      if (pending.length) next = { kind: 'write', chunks: pending };
    } else if (state.phase === 'finalize') {
      next = { kind: 'finalize' };
    }
    if (next.kind === 'none' || state.dispatched) return { kind: 'none' };
    state.dispatched = true;
    if (config.inline) return next;
    const base = { workspaceId: config.workspaceId, importId: config.importId };
    const messages: ChunkMessage[] =
      next.kind === 'write' ? next.chunks.map((chunk) => ({ kind: 'write', ...base, chunk })) : [{ kind: 'finalize', ...base }];
    await this.ctx.storage.put('state', state);
    try {
      await sendWithRetry(this.env.IMPORT_QUEUE, messages);
    } catch (err) {
      state.dispatched = false;
      await this.ctx.storage.put('state', state);
      throw err;
    }
    return { kind: 'none' };
  }

  // Live progress: a WebSocket per watcher, hibernated between updates.
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade') !== 'websocket') return new Response('expected a WebSocket', { status: 426 });
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    try {
      pair[1].send(JSON.stringify(await this.view()));
    } catch {
      /* not initialised yet: the first update will come */
    }
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async webSocketMessage(ws: WebSocket): Promise<void> {
    ws.send(JSON.stringify(await this.view()));
  }

  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code, 'closing');
    } catch {
      /* already closed */
    }
  }

  private broadcast(view: ImportView) {
    const text = JSON.stringify(view);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        /* a closed socket is dropped by the runtime */
      }
    }
  }
}

function toView(config: ImportConfig, state: State): ImportView {
  return {
    id: config.importId,
    campaignId: config.campaignId,
    fileName: config.fileName,
    status: state.status,
    ignoreErrors: config.ignoreErrors,
    totalRows: state.totalRows,
    validatedRows: state.validatedRows,
    processedRows: state.processedRows,
    importedRows: state.importedRows,
    failedRows: state.failedRows,
    errorCounts: state.errorCounts,
    failure: state.failure,
    createdAt: config.createdAt,
    finishedAt: state.finishedAt,
  };
}

/** The failure of a rolled-back import, with the numbers of its error report. */
function rollbackFailure(reason: { code: string; message: string }, report: { rows: number }): { code: string; message: string } {
  if (reason.code === 'WRITE_CONFLICT') {
    const n = report.rows.toLocaleString('en-US');
    return {
      code: 'WRITE_CONFLICT',
      message: `${n} ${report.rows === 1 ? 'number was' : 'numbers were'} added to the campaign by another import while this one was writing, and "ignore errors" is off, so nothing was imported. Import the file again: those rows will be reported as already existing (the error report lists them).`,
    };
  }
  return { code: reason.code, message: `${reason.message} Nothing of this import was kept in the campaign ("ignore errors" is off): the rows written before it stopped were removed.` };
}
