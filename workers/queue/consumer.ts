/**
 * The queue consumer: one handler per message kind (what it runs, what a dead letter does, what a
 * missing chunk does). Each message is acked or retried on its own, so one bad chunk never replays
 * its neighbours. A missing chunk fails its import at once; other errors retry until the
 * dead-letter queue, whose consumer gives the message's subject up with a reason.
 */
import type { Env } from '../env.ts';
import { subjectOf, type QueueMessage } from './messages.ts';
import { validatePass } from '../revalidate/validate-pass.ts';
import { writePass } from '../write/write-pass.ts';
import { finalizeImport } from '../report/finalize.ts';
import { failImport } from '../import/fail-import.ts';
import { continueUndo } from '../undo/run-undo.ts';
import { processListChunk } from '../suppression/list-import/process-chunk.ts';
import { chunkFailure, failListImport } from '../suppression/list-import/finish.ts';
import { packedList } from '../suppression/packed-list.ts';
import { continueSweep } from '../suppression/continue-sweep.ts';
import { consumeEvent } from '../lifecycle/consume-event.ts';
import { undispatchEvent } from '../lifecycle/outbox.ts';
import { attemptDelivery } from '../webhooks/attempt-delivery.ts';
import { retentionPass } from '../retention/retention.ts';
import { ChunkMissingError } from '../chunk/errors.ts';
import { isQuotaRefusal } from '../quota/refusal.ts';
import type { Refusal } from '../refusal.ts';
import { reprofileStep } from '../leads/reprofile.ts';
import { reprofileMessage } from './messages.ts';

export const DEAD_LETTER_QUEUE = 'lead-import-dlq';
/** Outbox events and webhook attempts: waiting on D1 and on endpoints, so a batch's messages run concurrently. */
export const EVENT_QUEUE = 'lead-import-events';

type Kind = QueueMessage['kind'];
type Of<K extends Kind> = Extract<QueueMessage, { kind: K }>;

interface Handler<M extends QueueMessage> {
  run(env: Env, m: M): Promise<unknown>;
  /** The message kept failing (the dead-letter queue's consumer). */
  deadLetter(env: Env, m: M): Promise<void>;
  /** Its chunk is not in R2 (acked after this). */
  missing?(env: Env, m: M, err: ChunkMissingError): Promise<void>;
  /** What it would store does not fit the workspace's storage quota (acked after this). */
  overQuota?(env: Env, m: M, err: Refusal): Promise<void>;
}

const giveUpImport = (what: (m: Of<'validate' | 'write' | 'finalize'>) => string) => async (env: Env, m: Of<'validate' | 'write' | 'finalize'>) => {
  await failImport(env, m.importId, 'PROCESSING_FAILED', `We could not process ${what(m)} after several attempts. Nothing was imported twice; retry the import.`, deadWrite(m));
};
// What the pass would store (verdicts, errors, the report) does not fit the workspace's quota: the import fails with the reason.
const importOverQuota = async (env: Env, m: Of<'validate' | 'write' | 'finalize'>, err: Refusal) => failImport(env, m.importId, err.code, err.message, deadWrite(m));
const missingChunk = async (env: Env, m: Of<'validate' | 'write'>, err: ChunkMissingError) => failImport(env, m.importId, 'CHUNK_MISSING', err.message, deadWrite(m));

const HANDLERS: { [K in Kind]: Handler<Of<K>> } = {
  validate: { run: (env, m) => validatePass(env, m.workspaceId, m.importId, m.chunk), deadLetter: giveUpImport((m) => `rows of part ${(m as Of<'validate'>).chunk + 1} of the file`), missing: missingChunk, overQuota: importOverQuota },
  write: { run: (env, m) => writePass(env, m.workspaceId, m.importId, m.chunk), deadLetter: giveUpImport((m) => `rows of part ${(m as Of<'write'>).chunk + 1} of the file`), missing: missingChunk, overQuota: importOverQuota },
  finalize: { run: (env, m) => finalizeImport(env, m.workspaceId, m.importId), deadLetter: giveUpImport(() => 'the error report'), overQuota: importOverQuota },
  undo: {
    run: (env, m) => continueUndo(env, m.workspaceId, m.importId),
    // The import is not failed: its undo stays "undoing", and asking for it again resumes it.
    deadLetter: async (_env, m) => console.error(`import ${m.importId}: an undo step kept failing; POST /imports/{id}/undo resumes it`),
  },
  'list-chunk': {
    run: async (env, m) => {
      const { completed } = await processListChunk(env, m.workspaceId, m.importId, m.chunk);
      // The chunk that completes the list builds its packed form once, so the next preview does not wait for it.
      if (completed) await packedList(env, m.workspaceId, new Date()).catch(() => {});
    },
    deadLetter: async (env, m) => {
      const failure = chunkFailure(m.chunk, false, true);
      await failListImport(env, m.importId, failure.code, failure.message);
    },
    missing: async (env, m) => {
      const failure = chunkFailure(m.chunk, true, false);
      await failListImport(env, m.importId, failure.code, failure.message);
    },
  },
  'list-sweep': {
    run: (env, m) => continueSweep(env, m.workspaceId, m.source),
    // Nothing reads the rows it would delete; the hourly retention starts it again.
    deadLetter: async () => console.error('suppression sweep of a source kept failing; retention retries it'),
  },
  reprofile: {
    run: async (env, m) => {
      if (await reprofileStep(env, m.shard)) await env.IMPORT_QUEUE.send(reprofileMessage(m.shard));
    },
    // Nothing is lost: the next hourly run starts the job again from its cursor.
    deadLetter: async (_env, m) => console.error(`reprofile of shard ${m.shard}: a step kept failing; the hourly cron resumes it`),
  },
  // A retention batch that keeps failing is dropped: the next hourly run starts again.
  retention: { run: (env, m) => retentionPass(env, m.at), deadLetter: async () => {} },
  // The event stays in the outbox: the relay hands it off again later.
  event: { run: (env, m) => consumeEvent(env, m.eventId), deadLetter: (env, m) => undispatchEvent(env, m.eventId) },
  // The delivery stays pending: the minute sweep sends its attempt again.
  webhook: { run: (env, m) => attemptDelivery(env, m.deliveryId, m.attempt), deadLetter: async (_env, m) => console.error(`${subjectOf(m)}: an attempt kept failing; the sweep retries it`) },
};

function handlerOf<K extends Kind>(m: Of<K>): Handler<Of<K>> {
  return HANDLERS[m.kind as K] as Handler<Of<K>>;
}

export async function runMessage(env: Env, m: QueueMessage): Promise<void> {
  await handlerOf(m).run(env, m);
}

export async function consumeBatch(batch: MessageBatch<QueueMessage>, env: Env): Promise<void> {
  const deadLetters = batch.queue === DEAD_LETTER_QUEUE;
  const consume = (msg: Message<QueueMessage>) => (deadLetters ? consumeDeadLetter(env, msg) : consumeOne(env, msg));
  if (batch.queue === EVENT_QUEUE) {
    await Promise.all(batch.messages.map(consume));
    return;
  }
  // Chunk work is CPU and memory: one message at a time.
  for (const msg of batch.messages) await consume(msg);
}

async function consumeDeadLetter(env: Env, msg: Message<QueueMessage>): Promise<void> {
  await handlerOf(msg.body).deadLetter(env, msg.body);
  msg.ack();
}

async function consumeOne(env: Env, msg: Message<QueueMessage>): Promise<void> {
  const m = msg.body;
  const handler = handlerOf(m);
  try {
    await handler.run(env, m);
    msg.ack();
  } catch (err) {
    if (err instanceof ChunkMissingError && handler.missing) {
      await handler.missing(env, m, err);
      msg.ack();
      return;
    }
    if (isQuotaRefusal(err) && handler.overQuota) {
      await handler.overQuota(env, m, err);
      msg.ack();
      return;
    }
    // Only the error's class: messages can quote cell values, and leads are personal data.
    console.error(`${subjectOf(m)}: ${m.kind} failed on attempt ${msg.attempts} (${err instanceof Error ? err.name : 'error'})`);
    msg.retry({ delaySeconds: Math.min(30, 2 ** msg.attempts) });
  }
}

/** The chunk of a write message that is being given up (acked or dead-lettered). */
function deadWrite(m: QueueMessage): number | undefined {
  return m.kind === 'write' ? m.chunk : undefined;
}
