/** Test helper: runs `fn` and returns the FileReadError it throws (fails when it throws nothing or something else). */
import { FileReadError } from './errors.ts';

export function fileError(fn: () => unknown): FileReadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FileReadError) return e;
    throw e;
  }
  throw new Error('expected a FileReadError');
}
