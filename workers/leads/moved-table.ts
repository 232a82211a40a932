/**
 * What a workspace move (move.ts) asks of each kind of rows it carries to another shard: copy a
 * batch, prove the copy equal, delete the original. shard-tables.ts lists every shard table and the
 * MovedTable that carries it.
 */
import type { Env } from '../env.ts';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Digest } from './checksum.ts';
import { Refusal } from '../refusal.ts';

export interface MoveContext {
  env: Env;
  workspaceId: string;
  /** The old shard (fenced while the move copies) and the new one. */
  from: D1Database;
  to: D1Database;
  /** Rows read from the old shard per copy step. */
  batchRows: number;
  /** Wall time (ms since the epoch) this call of the move may work until. */
  deadline: number;
}

/** One digest a verification compared equal on both shards (for the move's answer). */
export type Verified = Digest & { table: string; key?: string };

export interface MovedTable {
  /** Names the step in the move's row (workspace_moves.step) and in messages. */
  name: string;
  /** The shard tables (workers/leads/schema.ts) whose rows of the workspace this step carries. */
  tables: readonly SQLiteTable[];
  /**
   * Copies the next batch after `cursor` (null: from the start); returns the rows read and where
   * the next batch starts, null once everything is copied. A batch copied again (after a crash
   * before the cursor was saved) inserts nothing twice.
   */
  copy(ctx: MoveContext, cursor: string | null): Promise<{ rows: number; cursor: string | null }>;
  /** Proves the copy equal to the original (counts and checksums); throws MOVE_VERIFY_FAILED when not. */
  verify(ctx: MoveContext): Promise<Verified[]>;
  /** Deletes the workspace's rows on the old shard in slices, until the deadline; true when none is left. */
  deleteOld(ctx: MoveContext): Promise<boolean>;
}

/** The refusal when a copy differs: the placement is not changed, the operator looks. */
export function copyDiffers(what: string, original: Digest, copy: Digest, extra = ''): Refusal {
  return new Refusal(
    'MOVE_VERIFY_FAILED',
    `${what}: the copy differs from the original (${original.count} rows, ${copy.count} copied${extra}); the placement was not changed.`,
  );
}
