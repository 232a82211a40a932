/** Queue messages name an import and a chunk in R2; they never carry rows (128 KB per message). */
export type ChunkMessage =
  | { kind: 'validate'; workspaceId: string; importId: string; chunk: number }
  | { kind: 'write'; workspaceId: string; importId: string; chunk: number }
  | { kind: 'finalize'; workspaceId: string; importId: string };
