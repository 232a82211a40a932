/**
 * The queue consumer: runs the pass a message names. Each message is acked or retried on its own,
 * so one bad chunk never replays its neighbours. A missing chunk fails its import at once; other
 * errors retry until the dead-letter queue, whose consumer fails the import with a reason.
 */
import type { Env } from '../env.ts';
import type { QueueMessage } from './messages.ts';
import { validatePass } from '../revalidate/validate-pass.ts';
import { writePass } from '../write/write-pass.ts';
import { finalizeImport } from '../report/finalize.ts';
import { failImport } from '../import/fail-import.ts';
import { continueUndo } from '../undo/run-undo.ts';
import { processListChunk } from '../suppression/list-import/process-chunk.ts';
import { failListImport } from '../suppression/list-import/view.ts';

import { ChunkMissingError } from '../chunk/errors.ts';
import { reprofileStep } from '../leads/reprofile.ts';
import { reprofileMessage } from './messages.ts';

export const DEAD_LETTER_QUEUE = 'lead-import-dlq';

export async function runMessage(env: Env, m: QueueMessage): Promise<void> {
  switch (m.kind) {
    case 'validate':
      await validatePass(env, m.workspaceId, m.importId, m.chunk);
      return;
    case 'write':
      await writePass(env, m.workspaceId, m.importId, m.chunk);
      return;
    case 'finalize':
      await finalizeImport(env, m.workspaceId, m.importId);
      return;
    case 'undo':
      await continueUndo(env, m.workspaceId, m.importId);
      return;
    case 'list-chunk':
      await processListChunk(env, m.workspaceId, m.importId, m.chunk);
      return;
    case 'reprofile':
      if (await reprofileStep(env, m.shard)) await env.IMPORT_QUEUE.send(reprofileMessage(m.shard));
      return;
  }
}

export async function consumeBatch(batch: MessageBatch<QueueMessage>, env: Env): Promise<void> {
  const deadLetters = batch.queue === DEAD_LETTER_QUEUE;
  for (const msg of batch.messages) {
    const m = msg.body;
    if (deadLetters) {
      if (m.kind === 'undo') {
        // The import is not failed: its undo stays "undoing", and asking for it again resumes it.
        console.error(`import ${m.importId}: an undo step kept failing; POST /imports/{id}/undo resumes it`);
        msg.ack();
        continue;
      }
      if (m.kind === 'reprofile') {
        // Nothing is lost: the next hourly run starts the job again from its cursor.
        console.error(`reprofile of shard ${m.shard}: a step kept failing; the hourly cron resumes it`);
        msg.ack();
        continue;
      }
      if (m.kind === 'list-chunk') {
        await failListImport(env, m.importId, 'PROCESSING_FAILED', `We could not list the numbers of part ${m.chunk + 1} of the file after several attempts. Numbers listed so far stay listed; upload the file again to list the rest (numbers already listed are counted once).`);
        msg.ack();
        continue;
      }
      const what = m.kind === 'finalize' ? 'the error report' : `rows of part ${m.chunk + 1} of the file`;
      await failImport(env, m.importId, 'PROCESSING_FAILED', `We could not process ${what} after several attempts. Nothing was imported twice; retry the import.`, deadWrite(m));
      msg.ack();
      continue;
    }
    try {
      await runMessage(env, m);
      msg.ack();
    } catch (err) {
      if (err instanceof ChunkMissingError && m.kind === 'list-chunk') {
        await failListImport(env, m.importId, 'CHUNK_MISSING', err.message);
        msg.ack();
        continue;
      }
      if (err instanceof ChunkMissingError) {
        await failImport(env, m.importId, 'CHUNK_MISSING', err.message, deadWrite(m));
        msg.ack();
        continue;
      }
      // Only the error's class: messages can quote cell values, and leads are personal data.
      console.error(`${m.kind === 'reprofile' ? `shard ${m.shard}` : `import ${m.importId}`}: ${m.kind} failed on attempt ${msg.attempts} (${err instanceof Error ? err.name : 'error'})`);
      msg.retry({ delaySeconds: Math.min(30, 2 ** msg.attempts) });
    }
  }
}

/** The chunk of a write message that is being given up (acked or dead-lettered). */
function deadWrite(m: QueueMessage): number | undefined {
  return m.kind === 'write' ? m.chunk : undefined;
}
