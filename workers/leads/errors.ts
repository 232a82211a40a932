/** The one error of the leads layer that callers see: the workspace's leads are being moved. */
import { Refusal } from '../refusal.ts';

/** Seconds a client should wait before retrying an import into a workspace being moved. */
export const MOVE_RETRY_AFTER_SECONDS = 30;

/**
 * Retryable (503 with Retry-After): imports are refused, and writes already under way are fenced
 * off, while a workspace's leads are copied to another shard. The queue retries a fenced chunk.
 */
export class WorkspaceMovingError extends Refusal {
  override readonly name = 'WorkspaceMovingError';

  constructor() {
    super(
      'WORKSPACE_MOVING',
      `This workspace's leads are being moved to another database; nothing was lost. Retry in ${MOVE_RETRY_AFTER_SECONDS} seconds.`,
      undefined,
      MOVE_RETRY_AFTER_SECONDS,
    );
  }
}
