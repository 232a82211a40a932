/**
 * The watchdog: every change of a running import re-arms an alarm. When it fires, the import made
 * no progress since: the messages of its current phase are sent again (every pass is idempotent,
 * so a message that was only slow costs a repeat, never a double count). Lost messages, a restarted
 * consumer or an inline request that died all end here. After repeated tries without progress, or
 * an upload left idle, the import fails with a reason instead of hanging.
 */
import { isRunning } from '../../src/lib/import-view.ts';
import { chunkMessages, finalizeMessage, type QueueMessage } from '../queue/messages.ts';
import type { ChunkLedger } from './chunk-ledger.ts';
import type { Failure, ImportConfig, State } from './state.ts';

/** No progress for this long while running: the watchdog re-sends the phase's pending messages. */
export const WATCHDOG_MS = 60_000;
/** An upload (browser or request) idle this long is abandoned. */
export const UPLOAD_IDLE_MS = 60 * 60_000;
const MAX_REDISPATCHES = 5;

export const UPLOAD_ABANDONED: Failure = {
  code: 'UPLOAD_ABANDONED',
  message: 'The upload stopped before every part of the file arrived. Start the import again.',
};
export const STALLED: Failure = {
  code: 'STALLED',
  message: 'The import stopped making progress and was ended. Nothing was imported twice; start it again to import the remaining rows.',
};

/** An ended import whose end is not yet recorded and announced is retried this soon. */
export const ANNOUNCE_RETRY_MS = 10_000;

/** When the alarm should next fire for this state; null once the import has ended and its end is announced. */
export function alarmDelay(state: State): number | null {
  if (!isRunning(state.status)) return state.announced === false ? ANNOUNCE_RETRY_MS : null;
  return state.phase === 'upload' ? UPLOAD_IDLE_MS : WATCHDOG_MS;
}

export type WatchdogVerdict = { kind: 'ended' } | { kind: 'announce' } | { kind: 'fail'; failure: Failure } | { kind: 'resend'; redispatches: number };

/** What a fired alarm does to this state. */
export function watchdogVerdict(state: State): WatchdogVerdict {
  if (!isRunning(state.status)) return state.announced === false ? { kind: 'announce' } : { kind: 'ended' };
  if (state.phase === 'upload') return { kind: 'fail', failure: UPLOAD_ABANDONED };
  const redispatches = (state.redispatches ?? 0) + 1;
  // A rollback never gives up: ending it early would leave rows of an all-or-nothing import.
  if (redispatches > MAX_REDISPATCHES && state.phase !== 'rollback') return { kind: 'fail', failure: STALLED };
  return { kind: 'resend', redispatches };
}

/** The messages of the current phase that have not done their work yet. */
export function pendingMessages(ledger: ChunkLedger, config: ImportConfig, state: State): QueueMessage[] {
  const chunkCount = state.chunkCount ?? 0;
  switch (state.phase) {
    case 'validate':
      return chunkMessages('validate', config, ledger.pending('validated', chunkCount));
    case 'write':
    case 'report-only':
      return chunkMessages('write', config, ledger.pending('written', chunkCount));
    case 'rollback':
      // Write messages of a rolled-back import roll their chunk back.
      return chunkMessages('write', config, ledger.toRollBack(true));
    default:
      return [finalizeMessage(config)];
  }
}
