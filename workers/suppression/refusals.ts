/**
 * What the suppression list refuses on purpose, besides a file it cannot read (FileReadError): a
 * coded refusal, mapped to its HTTP status in workers/api/handle-error.ts (REFUSAL_STATUS). A store
 * that failed asks the client to retry (Retry-After).
 */
import { Refusal, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../refusal.ts';

export type SuppressionRefusalCode =
  /** A list import, or the entry asked about, does not exist in the workspace. */
  | 'NOT_FOUND'
  /** The report of a list import that is still running. */
  | 'IMPORT_RUNNING'
  /** Retention deleted the list import's report. */
  | 'REPORT_EXPIRED'
  /** A store failed while the list was read or written; nothing is wrong with the file. */
  | 'STORAGE_UNAVAILABLE'
  /** A list imported in the request could not be listed whole (the list import says how far it got). */
  | 'PROCESSING_FAILED'
  /** An import under requireFreshLists while a registry copy of the list is too old. */
  | 'SUPPRESSION_SOURCE_STALE'
  /** A new source for a list that has the most sources it may have. */
  | 'SUPPRESSION_SOURCES_LIMIT';

/** The codes that mean a store failed, not the request: answered 503 with Retry-After. */
const RETRYABLE: readonly SuppressionRefusalCode[] = ['STORAGE_UNAVAILABLE', 'PROCESSING_FAILED'];

export class SuppressionRefusal extends Refusal {
  override readonly name: string = 'SuppressionRefusal';

  constructor(
    override readonly code: SuppressionRefusalCode,
    message: string,
    details?: unknown,
  ) {
    super(code, message, details, RETRYABLE.includes(code) ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined);
  }
}
