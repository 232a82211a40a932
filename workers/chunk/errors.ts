import { Refusal } from '../refusal.ts';

/** A chunk that should be in R2 is not: the import cannot finish and fails with this reason. */
export class ChunkMissingError extends Error {
  constructor(readonly chunk: number) {
    super(`Part ${chunk + 1} of the uploaded file is missing from storage; upload the file again.`);
  }
}

/** What a multipart upload refuses besides the file itself (FileReadError): the API gives each its status. */
export type UploadRefusalCode = 'NOT_FOUND' | 'VALIDATION_FAILED' | 'UPLOAD_INCOMPLETE';

export class UploadRefusedError extends Refusal {
  override readonly name = 'UploadRefusedError';

  constructor(
    readonly code: UploadRefusalCode,
    message: string,
  ) {
    super(message);
  }
}
