/**
 * One Durable Object per import: the calls the pipeline makes on it. It keeps the configuration
 * and state (state.ts, stored by stored-import.ts), the chunk ledger (chunk-ledger.ts) and the
 * first-occurrence index (first-occurrences.ts); phases.ts decides every transition, and this class stores the result,
 * sends the messages it names and publishes live progress. Every recording call is idempotent per
 * chunk, so a redelivered message never counts twice.
 *
 * With ignoreErrors off, a write holds a lease on its chunk from before its insert until it is
 * recorded; a rollback deletes a chunk's rows only once no write of it can still land.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env.ts';
import { isRunning, type ImportView, type ImportWarning } from '../../src/lib/import-view.ts';
import { chunkMessages } from '../queue/messages.ts';
import { Dispatcher } from './dispatcher.ts';
import { ChunkLedger, LEASE } from './chunk-ledger.ts';
import { FirstOccurrences } from '../dedupe/first-occurrences.ts';
import { LiveProgress } from './live-progress.ts';
import { StoredImport } from './stored-import.ts';
import { pendingMessages, watchdogVerdict, UPLOAD_IDLE_MS } from './watchdog.ts';
import * as phases from './phases.ts';
import { initialState, snapshotOf, toView, NOTHING_NEXT, type ImportConfig, type ImportSnapshot, type Next } from './state.ts';
import { admitChunk, type Admission, type UploadedChunk } from '../chunk/admit-chunk.ts';
import { chunkQuota } from '../quota/chunk-quota.ts';
import type { State, ValidationRecorded, ValidationResult, WriteLease, WriteResult } from './state.ts';

export class ImportCoordinator extends DurableObject<Env> {
  private readonly chunks: ChunkLedger;
  private readonly firstRows: FirstOccurrences;
  private readonly live: LiveProgress;
  private readonly dispatch: Dispatcher;
  private readonly stored: StoredImport;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.chunks = new ChunkLedger(ctx.storage.sql);
    this.firstRows = new FirstOccurrences(ctx.storage.sql);
    this.live = new LiveProgress(ctx, env);
    this.dispatch = new Dispatcher(ctx.storage, env, this.chunks, this.firstRows);
    this.stored = new StoredImport(ctx.storage, this.live);
  }

  /**
   * Creates the import (idempotent). The watchdog is armed at once: an upload that never sends a
   * chunk ends UPLOAD_ABANDONED like one that stops half-way, and retention then purges it.
   */
  async init(config: ImportConfig): Promise<ImportView> {
    if (await this.ctx.storage.get<ImportConfig>('config')) return this.view();
    const state = initialState();
    await this.ctx.storage.put({ config, state });
    await this.ctx.storage.setAlarm(Date.now() + UPLOAD_IDLE_MS);
    return toView(config, state);
  }

  /** The file's encoding once its reader settled it (a file whose first 64 KB were ASCII decides at its first other byte). */
  async setEncoding(encoding: string | null, warnings: ImportWarning[]): Promise<void> {
    await this.ctx.blockConcurrencyWhile(async () => {
      const config = await this.ctx.storage.get<ImportConfig>('config');
      if (!config) return;
      config.encoding = encoding;
      config.warnings = [...(config.warnings ?? []).filter((w) => w.code !== 'ENCODING_UNCERTAIN'), ...warnings];
      await this.ctx.storage.put('config', config);
    });
  }

  async view(): Promise<ImportView> {
    const { config, state } = await this.stored.load();
    return toView(config, state);
  }

  /** The configuration and where the import stands, as the passes read it before running. */
  async snapshot(): Promise<ImportSnapshot> {
    const { config, state } = await this.stored.load();
    return snapshotOf(config, state);
  }

  /** A chunk is in R2 (browser upload or headless split). */
  async chunkStored(chunk: number, rows: number): Promise<void> {
    this.chunks.stored(chunk, rows);
    await this.ctx.storage.setAlarm(Date.now() + UPLOAD_IDLE_MS);
  }

  /**
   * Stores a chunk the browser uploaded while nothing else runs on this object, so `seal` comes
   * wholly before (the chunk is refused) or after (it is counted), never in between; its rows are
   * checked against the other chunks' and the row limit (admit-chunk.ts), and the rows stored, not
   * the client's count, decide inline or background.
   */
  async putUploadedChunk(chunk: UploadedChunk): Promise<Admission> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const { config, state } = await this.stored.load();
      if (state.phase !== 'upload' || !isRunning(state.status)) {
        return { ok: false, code: 'IMPORT_STARTED', message: 'This import has already started; chunks can no longer be changed.' } as const;
      }
      const admitted = await admitChunk(this.ctx.storage.sql, this.env.UPLOADS, chunk, chunkQuota(this.env, config.workspaceId, config.importId, chunk.quotaBytes));
      if (!admitted.ok) return admitted;
      await this.chunkStored(chunk.index, chunk.rows);
      if (config.inline !== admitted.inline) {
        config.inline = admitted.inline;
        await this.ctx.storage.put('config', config);
      }
      return admitted;
    });
  }

  /** The watchdog (watchdog.ts): re-sends the current phase's pending messages, or fails the import. */
  async alarm(): Promise<void> {
    // Purged by retention (or never initialised): nothing to watch.
    if (!(await this.ctx.storage.get<State>('state'))) return;
    const { config, state } = await this.stored.load();
    const verdict = watchdogVerdict(state);
    if (verdict.kind === 'ended') return;
    if (verdict.kind === 'announce') {
      await this.stored.announce(config, state);
      return;
    }
    if (verdict.kind === 'fail') {
      await this.fail(verdict.failure.code, verdict.failure.message);
      return;
    }
    const messages = pendingMessages(this.chunks, config, state);
    // The request that drove an inline import is gone: from now on the queue drives it.
    await this.stored.leaveInline(config);
    await this.stored.save(config, { ...state, redispatches: verdict.redispatches, dispatched: true });
    await this.dispatch.send(messages);
  }

  /** Every chunk is stored: the import's size is known and validation can finish. `missingChunks` when some are not stored (nothing changes then). */
  async seal(chunkCount: number): Promise<{ view: ImportView; next: Next; missingChunks?: number }> {
    const { config, state } = await this.stored.load();
    if (state.phase !== 'upload') return { view: toView(config, state), next: NOTHING_NEXT };
    const stored = this.chunks.storedTotals(chunkCount);
    if (stored.chunks !== chunkCount) return { view: toView(config, state), next: NOTHING_NEXT, missingChunks: chunkCount - stored.chunks };
    const { state: next, next: todo } = await this.dispatch.advance(config, phases.sealed(state, chunkCount, stored.rows));
    return { view: await this.stored.save(config, next), next: todo };
  }

  /**
   * Records one validated chunk: its row counts and the valid numbers with their rows. With
   * ignoreErrors on and every earlier chunk validated, the caller is told to write the chunk now
   * (with its later occurrences); chunks validated earlier out of order that this one unblocks are
   * sent to the queue to be written.
   */
  async recordValidation(chunk: number, result: ValidationResult): Promise<ValidationRecorded> {
    const loaded = await this.stored.load();
    const { config } = loaded;
    let state = loaded.state;
    const row = this.chunks.get(chunk);
    if (!row.validated && isRunning(state.status)) {
      this.firstRows.record(result.phones);
      this.chunks.markValidated(chunk);
      state = phases.countValidation(state, result, this.chunks.validatedPrefix(state.validatedPrefix ?? 0));
    }
    let writeNow: ValidationRecorded['writeNow'] = null;
    let unblocked: number[] = [];
    if (phases.writesWhileValidating(state, config.ignoreErrors)) {
      const prefix = state.validatedPrefix ?? 0;
      if (!row.written && chunk < prefix) {
        this.chunks.claim([chunk]);
        writeNow = { later: this.firstRows.later(result.phones) };
      }
      // Chunks validated before an earlier one arrived waited for this moment: write them now. (In
      // the write phase, advance has already sent theirs.)
      if ((state.phase === 'upload' || state.phase === 'validate') && !config.inline) {
        unblocked = this.chunks.waitingToWrite(prefix);
        this.chunks.claim(unblocked);
      }
    }
    const advanced = await this.dispatch.advance(config, state);
    await this.stored.save(config, advanced.state);
    // After saving: if sending fails, the caller's retry finds the counts recorded and the watchdog
    // re-sends every unwritten chunk, claimed or not.
    if (unblocked.length) await this.dispatch.send(chunkMessages('write', config, unblocked));
    return { next: advanced.next, writeNow };
  }

  /** Later occurrences among these [phoneKey, row] pairs, flat [row, firstRow, …] (see FirstOccurrences.later). */
  async laterOccurrences(pairs: [number, number][]): Promise<number[]> {
    return this.firstRows.later(pairs);
  }

  /** Records one written (or, in the report-only phase, checked) chunk. */
  async recordWrite(chunk: number, result: WriteResult): Promise<Next> {
    const loaded = await this.stored.load();
    let state = loaded.state;
    const row = this.chunks.get(chunk);
    if (!row.written) {
      this.chunks.markWritten(chunk);
      state = phases.countWrite(state, row.rows, result);
    }
    const advanced = isRunning(state.status) ? await this.dispatch.advance(loaded.config, state) : { state, next: NOTHING_NEXT };
    await this.stored.save(loaded.config, advanced.state);
    return advanced.next;
  }

  /**
   * A write of an import with ignoreErrors off asks before inserting. In the write phase the chunk's
   * lease is taken (held until recordGuardedWrite). Once the import is rolling back, or has ended
   * rolled back, the caller must instead roll back whatever an earlier attempt at this chunk wrote.
   */
  async beginWrite(chunk: number): Promise<WriteLease> {
    const { config, state } = await this.stored.load();
    const row = this.chunks.get(chunk);
    if (state.phase === 'write' && isRunning(state.status)) {
      this.chunks.takeLease(chunk);
      return { write: true, rollBack: false };
    }
    if (!state.rollback) return { write: false, rollBack: false };
    if (state.phase === 'rollback' && row.lease === LEASE.held) {
      // This message's earlier attempt is over (a redelivery) or its duplicate is: roll it back now.
      this.chunks.releaseLease(chunk);
      await this.stored.save(config, state);
    }
    return { write: false, rollBack: row.lease !== LEASE.none };
  }

  /**
   * Records a write of an import with ignoreErrors off and releases the chunk's lease. Rows the
   * insert refused because another import wrote their numbers meanwhile (`conflicts`) start the
   * rollback. `rollBack` tells the writer to delete this chunk's rows again, then call recordRolledBack.
   */
  async recordGuardedWrite(chunk: number, result: WriteResult & { conflicts: number }): Promise<{ next: Next; rollBack: boolean }> {
    const { config, state } = await this.stored.load();
    if (this.chunks.get(chunk).lease === LEASE.held) this.chunks.releaseLease(chunk);
    if (state.phase === 'write' && isRunning(state.status) && result.conflicts > 0) {
      const rolling = await this.dispatch.startRollback(config, state, { code: 'WRITE_CONFLICT', message: '' }, chunk);
      await this.stored.save(config, rolling.state);
      return { next: rolling.next, rollBack: true };
    }
    if (state.rollback) {
      if (state.phase === 'rollback') await this.stored.save(config, state);
      return { next: NOTHING_NEXT, rollBack: true };
    }
    return { next: await this.recordWrite(chunk, result), rollBack: false };
  }

  /** A chunk's rows are deleted again: when every chunk that wrote is rolled back, the import fails (report first). */
  async recordRolledBack(chunk: number): Promise<Next> {
    const { config, state } = await this.stored.load();
    if (state.phase !== 'rollback') return NOTHING_NEXT;
    this.chunks.markRolledBack(chunk);
    const finished = await this.dispatch.finishRollbackIfDone(config, { ...state, redispatches: 0 });
    await this.stored.save(config, finished.state);
    return finished.next;
  }

  /** The error report is in R2: the import ends (phases.completed says how). */
  async complete(report: { rows: number; errorCounts: Record<string, number> } = { rows: 0, errorCounts: {} }): Promise<ImportView> {
    const { config, state } = await this.stored.load();
    const ended = phases.completed(state, report, new Date().toISOString());
    return ended ? this.stored.save(config, ended) : toView(config, state);
  }

  /**
   * Ends the import as failed with a reason (dead-lettered chunk, missing chunk, unreadable file).
   * An import with ignoreErrors off that may have written rows rolls back first (`deadWrite`: the
   * chunk of a write message that will not run again, whose lease is released).
   */
  async fail(code: string, message: string, deadWrite?: number): Promise<ImportView> {
    const { config, state } = await this.stored.load();
    if (!isRunning(state.status)) return toView(config, state);
    if (!phases.failureRollsBack(state, config.ignoreErrors)) return this.stored.save(config, phases.failed(state, { code, message }, new Date().toISOString()));
    if (deadWrite !== undefined) this.chunks.releaseLeaseIfHeld(deadWrite);
    if (state.phase !== 'rollback') {
      // The request or message that would drive an inline import is failing: the queue takes over.
      await this.stored.leaveInline(config);
      return this.stored.save(config, (await this.dispatch.startRollback(config, state, { code, message }, null)).state);
    }
    if (deadWrite !== undefined) await this.dispatch.send(chunkMessages('write', config, [deadWrite]));
    return this.stored.save(config, state);
  }

  /** An ended import's end, recorded and announced again if a crash kept it from being (idempotent). */
  async announce(): Promise<ImportView> {
    const { config, state } = await this.stored.load();
    return this.stored.announce(config, state);
  }

  /** Stops further chunks; what was written stays written and counted. */
  async cancel(): Promise<{ view: ImportView; cancelled: boolean }> {
    const { config, state } = await this.stored.load();
    const stopped = phases.cancelled(state, new Date().toISOString());
    if (!stopped) return { view: toView(config, state), cancelled: false };
    return { view: await this.stored.save(config, stopped), cancelled: true };
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
    this.firstRows.forget();
    return true;
  }

  // Live progress: a WebSocket per watcher, hibernated between updates.
  async fetch(request: Request): Promise<Response> {
    return this.live.accept(request, () => this.view());
  }

  async webSocketMessage(ws: WebSocket): Promise<void> {
    ws.send(JSON.stringify(await this.view()));
  }

  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.live.close(ws, code);
  }
}
