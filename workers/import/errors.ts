/**
 * A store the import depends on failed (R2, D1, a Durable Object, the queue): nothing is wrong with
 * the file, and the same request may succeed in a moment. The API answers 503 with Retry-After.
 */
export class ImportUnavailableError extends Error {
  override readonly name = 'ImportUnavailableError';

  constructor(
    readonly cause: unknown,
    /** The import that was created before the failure (and is now failed), if any. */
    readonly importId: string | null = null,
  ) {
    super('The import could not be stored just now; nothing is wrong with the file. Send it again in a moment.');
  }
}
