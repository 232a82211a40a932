/**
 * Reads the text of a registry download (registry-layout.ts) as it arrives, in pieces: each
 * non-blank line becomes one row whose only cell is its number (its text when it is no number).
 * The Worker's list import and the browser's list preview read registry files with it. Linear in
 * the text: a piece is scanned once, and an unfinished line is carried over at most once past the
 * longest line allowed. Pure.
 */
import { LIMITS } from '../limits.ts';
import { FileReadError } from '../parse/errors.ts';
import { FILE_ERRORS } from '../validate/file-messages.ts';
import type { SourceRow } from '../types.ts';
import { registryCell } from './registry-layout.ts';

/** Rows in a registry file, at most: tens of millions of numbers (the byte limit bounds it first). */
export const MAX_REGISTRY_ROWS = 64 * 1024 * 1024;

export interface RegistryLineReader {
  /** The rows of the lines this piece completes. */
  push(text: string): SourceRow[];
  /** The last line's row, if the text did not end with a line break. */
  end(): SourceRow[];
}

export function createRegistryLineReader(): RegistryLineReader {
  let row = 0;
  let carry = '';
  const take = (line: string, out: SourceRow[]) => {
    const cell = registryCell(line);
    if (cell === null) return;
    if (++row > MAX_REGISTRY_ROWS) throw new FileReadError(FILE_ERRORS.registryTooManyNumbers(MAX_REGISTRY_ROWS));
    out.push({ row, cells: [cell] });
  };
  return {
    push(text) {
      const out: SourceRow[] = [];
      const all = carry + text;
      let start = 0;
      for (let nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', start)) {
        take(all.slice(start, nl), out);
        start = nl + 1;
      }
      carry = all.slice(start);
      if (carry.length > LIMITS.maxCellLength) {
        throw new FileReadError(FILE_ERRORS.registryLineTooLong(row + 1, LIMITS.maxCellLength));
      }
      return out;
    },
    end() {
      const out: SourceRow[] = [];
      take(carry, out);
      carry = '';
      return out;
    },
  };
}
