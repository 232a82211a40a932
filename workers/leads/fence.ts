/**
 * The move fence as every write to a shard checks it: a write statement carries NOT_FENCED in its
 * WHERE, the same batch ends with FENCED, and checkFence turns a fenced answer into a retryable
 * 503 (the write changed nothing, in the same transaction as the check).
 */
import { forgetPlacement } from './placement.ts';
import { WorkspaceMovingError } from './errors.ts';

/** SQL condition: the workspace (?1) is not fenced on this shard. */
export const NOT_FENCED = 'NOT EXISTS (SELECT 1 FROM workspace_fences WHERE workspace_id = ?1)';
/** Statement answering whether the workspace (?1) is fenced on this shard. */
export const FENCED = 'SELECT EXISTS (SELECT 1 FROM workspace_fences WHERE workspace_id = ?1) AS fenced';

/** Throws (and forgets the cached placement) when a write batch found the workspace fenced: it wrote nothing. */
export function checkFence(workspaceId: string, result: D1Result<unknown>): void {
  if ((result.results[0] as { fenced?: number } | undefined)?.fenced) {
    forgetPlacement(workspaceId);
    throw new WorkspaceMovingError();
  }
}
