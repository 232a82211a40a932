/** A chunk that should be in R2 is not: the import cannot finish and fails with this reason. */
export class ChunkMissingError extends Error {
  constructor(readonly chunk: number) {
    super(`Part ${chunk + 1} of the uploaded file is missing from storage; upload the file again.`);
  }
}
