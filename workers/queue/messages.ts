/** Queue messages name an import and a chunk in R2, or an outbox event, or a webhook delivery; they never carry rows (128 KB per message). */
export type QueueMessage =
  | { kind: 'validate'; workspaceId: string; importId: string; chunk: number }
  | { kind: 'write'; workspaceId: string; importId: string; chunk: number }
  | { kind: 'finalize'; workspaceId: string; importId: string }
  /** One bounded step of an import's undo (workers/undo); it sends the next one until the undo is done. */
  | { kind: 'undo'; workspaceId: string; importId: string }
  /** One chunk of a suppression list imported in the background (workers/suppression/list-import). */
  | { kind: 'list-chunk'; workspaceId: string; importId: string; chunk: number }
  /** One bounded step of deleting a list source's replaced entries (workers/suppression/sweep.ts); it sends the next. */
  | { kind: 'list-sweep'; workspaceId: string; source: string }
  /** One bounded step of re-profiling a leads shard's stored calling profiles (workers/leads/reprofile.ts). */
  | { kind: 'reprofile'; workspaceId: ''; importId: ''; shard: number }
  /** An outbox event for its consumers, the completion email and the webhooks (workers/lifecycle). */
  | { kind: 'event'; workspaceId: string; eventId: string }
  /** One attempt (0-based: the attempts made before it) of a webhook delivery (workers/webhooks). */
  | { kind: 'webhook'; workspaceId: string; deliveryId: string; attempt: number }
  /** The next batch of a retention run whose invocation's budget ran out (workers/retention); `at` is the run's time. */
  | { kind: 'retention'; at: number };

/** The import a message is about (an import's configuration is one). */
export interface ImportRef {
  workspaceId: string;
  importId: string;
}

/** One validate or write message per chunk. */
export function chunkMessages(kind: 'validate' | 'write', ref: ImportRef, chunks: readonly number[]): QueueMessage[] {
  return chunks.map((chunk) => ({ kind, workspaceId: ref.workspaceId, importId: ref.importId, chunk }));
}

export function finalizeMessage(ref: ImportRef): QueueMessage {
  return { kind: 'finalize', workspaceId: ref.workspaceId, importId: ref.importId };
}

export function undoMessage(ref: ImportRef): QueueMessage {
  return { kind: 'undo', workspaceId: ref.workspaceId, importId: ref.importId };
}

export function eventMessage(workspaceId: string, eventId: string): QueueMessage {
  return { kind: 'event', workspaceId, eventId };
}

export function webhookMessage(workspaceId: string, deliveryId: string, attempt: number): QueueMessage {
  return { kind: 'webhook', workspaceId, deliveryId, attempt };
}

/** The next step of sweeping a list source's replaced entries. */
export function listSweepMessage(workspaceId: string, source: string): QueueMessage {
  return { kind: 'list-sweep', workspaceId, source };
}

export function reprofileMessage(shard: number): QueueMessage {
  return { kind: 'reprofile', workspaceId: '', importId: '', shard };
}

/** What a message is about, for logs (ids only: never row data). */
export function subjectOf(m: QueueMessage): string {
  switch (m.kind) {
    case 'reprofile':
      return `reprofile of shard ${m.shard}`;
    case 'event':
      return `event ${m.eventId}`;
    case 'webhook':
      return `webhook delivery ${m.deliveryId}`;
    case 'list-chunk':
      return `list import ${m.importId}`;
    case 'list-sweep':
      return `list sweep of source ${m.source}`;
    case 'retention':
      return 'retention batch';
    default:
      return `import ${m.importId}`;
  }
}

/** One message per chunk of a background list import, chunks 0..count-1. */
export function listChunkMessages(ref: ImportRef, count: number): QueueMessage[] {
  return [...Array(count).keys()].map((chunk) => ({ kind: 'list-chunk', workspaceId: ref.workspaceId, importId: ref.importId, chunk }));
}

export function retentionMessage(at: number): QueueMessage {
  return { kind: 'retention', at };
}
