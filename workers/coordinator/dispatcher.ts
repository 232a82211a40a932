/**
 * Applies the phase transitions that send messages: moving to the next phase, entering and ending
 * a rollback. A queued import's messages are sent here (after the state that sent them is stored);
 * an inline import's are returned to the request that drives it.
 */
import type { Env } from '../env.ts';
import { sendWithRetry } from '../queue/send.ts';
import { chunkMessages, finalizeMessage, type QueueMessage } from '../queue/messages.ts';
import type { ChunkLedger } from './chunk-ledger.ts';
import type { FirstOccurrences } from '../dedupe/first-occurrences.ts';
import * as phases from './phases.ts';
import { NOTHING_NEXT, type Failure, type ImportConfig, type Next, type State } from './state.ts';

export interface Transition {
  state: State;
  next: Next;
}

export class Dispatcher {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly env: Env,
    private readonly chunks: ChunkLedger,
    private readonly firstRows: FirstOccurrences,
  ) {}

  /** Moves to the next phase when the current one is complete and dispatches its messages once. */
  async advance(config: ImportConfig, state: State): Promise<Transition> {
    const progress = this.chunks.progress(state.chunkCount ?? 0, () => this.firstRows.size);
    const advanced = phases.advance(state, config.ignoreErrors, progress);
    const { next } = advanced;
    if (next.kind === 'none' || config.inline) return advanced;
    const messages: QueueMessage[] = next.kind === 'write' ? chunkMessages('write', config, next.chunks) : [finalizeMessage(config)];
    await this.storage.put('state', advanced.state);
    try {
      await this.send(messages);
    } catch (err) {
      await this.storage.put('state', { ...advanced.state, dispatched: false });
      throw err;
    }
    return { state: advanced.state, next: NOTHING_NEXT };
  }

  /**
   * Enters the rollback of an import with ignoreErrors off: chunks never leased have nothing to
   * roll back; the others are rolled back by write messages (their writer rolls itself back when `except`).
   */
  async startRollback(config: ImportConfig, state: State, reason: Failure, except: number | null): Promise<Transition> {
    const rolling = phases.rollingBack(state, reason);
    this.chunks.markUnleasedRolledBack();
    const chunks = this.chunks.toRollBack(false).filter((c) => c !== except);
    const finished = await this.finishRollbackIfDone(config, rolling);
    if (finished.next.kind !== 'none' || !chunks.length) return finished;
    if (config.inline) return { state: finished.state, next: { kind: 'write', chunks } };
    await this.storage.put('state', finished.state);
    await this.send(chunkMessages('write', config, chunks));
    return { state: finished.state, next: NOTHING_NEXT };
  }

  /** Once every chunk that wrote is rolled back, the rollback moves on to the error report. */
  async finishRollbackIfDone(config: ImportConfig, state: State): Promise<Transition> {
    const finished = phases.rollbackFinished(state, this.chunks.toRollBack(true).length);
    return finished ? this.advance(config, finished) : { state, next: NOTHING_NEXT };
  }

  send(messages: QueueMessage[]): Promise<void> {
    return sendWithRetry(this.env.IMPORT_QUEUE, messages);
  }
}
