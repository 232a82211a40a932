/**
 * A request the Worker refuses on purpose, with a public code and a message for the user (a limit,
 * a quota, something not found). Domain code throws these, never an HTTP status: the one table in
 * workers/api/handle-error.ts gives each code its status. Anything else that escapes is a failure
 * of the Worker or of a store it depends on, never the user's fault. File errors are the core's
 * FileReadError (src/lib/parse/errors.ts), with their codes in the same table.
 */
import type { FileErrorCode } from '../src/lib/codes.ts';
import type { AuthRefusalCode } from './auth/refusal.ts';
import type { SuppressionRefusalCode } from './suppression/refusals.ts';

/** Seconds a client is asked to wait before retrying after a store failed. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

export type RefusalCode =
  /** Something of this workspace that is not there (or belongs to another workspace). */
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'UPLOAD_INCOMPLETE'
  | 'RATE_LIMITED'
  | 'NOTIFY_EMAIL_NOT_ALLOWED'
  | 'STORAGE_QUOTA_EXCEEDED'
  /** A store (D1, R2) failed while a list was imported; nothing is wrong with the file. */
  | 'STORAGE_UNAVAILABLE'
  | 'IMPORT_RUNNING'
  /** A cancel of an import that has already ended. */
  | 'IMPORT_FINISHED'
  /** An error report asked for before the import ended (or of one that has none). */
  | 'REPORT_NOT_READY'
  | 'WEBHOOK_URL_NOT_ALLOWED'
  /** A workspace that has the most webhook endpoints it may have. */
  | 'WEBHOOK_LIMIT'
  /** A test event or a retry for a disabled endpoint. */
  | 'WEBHOOK_DISABLED'
  /** A retry of a delivery that is still being attempted. */
  | 'DELIVERY_IN_FLIGHT'
  /** A browser import's chunk after its start, or rows that overlap another chunk's. */
  | 'IMPORT_STARTED'
  | 'CHUNK_ROWS_OVERLAP'
  | 'UNDO_EXPIRED'
  | 'UNDO_RUNNING'
  | 'REPORT_EXPIRED'
  | 'WORKSPACE_MOVING'
  | 'MOVE_IN_PROGRESS'
  | 'SHARD_UNKNOWN'
  /** The copy of a workspace move differs from the original: an operator's problem, not a client's. */
  | 'MOVE_VERIFY_FAILED'
  | AuthRefusalCode
  | SuppressionRefusalCode
  | FileErrorCode;

export class Refusal extends Error {
  override readonly name: string = 'Refusal';

  constructor(
    readonly code: RefusalCode,
    message: string,
    /** What the answer adds beside code and message (e.g. counts of what was done before the refusal). */
    readonly details?: unknown,
    /** For refusals that pass: the client may retry after this many seconds (Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** `<what> not found.` (another workspace's ids answer the same). */
export const notFoundRefusal = (what: string) => new Refusal('NOT_FOUND', `${what} not found.`);
