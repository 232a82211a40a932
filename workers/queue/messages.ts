/** Queue messages name an import and a chunk in R2; they never carry rows (128 KB per message). */
export type QueueMessage =
  | { kind: 'validate'; workspaceId: string; importId: string; chunk: number }
  | { kind: 'write'; workspaceId: string; importId: string; chunk: number }
  | { kind: 'finalize'; workspaceId: string; importId: string }
  /** One bounded step of an import's undo (workers/undo); it sends the next one until the undo is done. */
  | { kind: 'undo'; workspaceId: string; importId: string }
  /** One chunk of a suppression list imported in the background (workers/suppression/list-import). */
  | { kind: 'list-chunk'; workspaceId: string; importId: string; chunk: number }
  /** One bounded step of re-profiling a leads shard's stored calling profiles (workers/leads/reprofile.ts). */
  | { kind: 'reprofile'; workspaceId: ''; importId: ''; shard: number };

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

/** One message per chunk of a background list import, chunks 0..count-1. */
export function listChunkMessages(ref: ImportRef, count: number): QueueMessage[] {
  return [...Array(count).keys()].map((chunk) => ({ kind: 'list-chunk', workspaceId: ref.workspaceId, importId: ref.importId, chunk }));
}

export function reprofileMessage(shard: number): QueueMessage {
  return { kind: 'reprofile', workspaceId: '', importId: '', shard };
}
