/**
 * Reads a registry download (one number a line, or NPA,NNNNNNN a line; src/lib/suppression/
 * registry-layout.ts) as it streams in, never held whole: each non-blank line is one row whose only
 * cell is its number, in batches. Lines that are not numbers stay rows (their text as the cell), so
 * the import lists the good lines and reports the others. A byte-order mark is trimmed with the
 * line's spaces. Linear in the bytes read.
 */
import { FileReadError, formatBytes, formatCount } from '../../../src/lib/parse/errors.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import { REGISTRY_HEADERS, registryCell } from '../../../src/lib/suppression/registry-layout.ts';
import type { SourceRow } from '../../../src/lib/types.ts';

/** Rows in a registry file, at most: tens of millions of numbers (the byte limit bounds it first). */
export const MAX_REGISTRY_ROWS = 64 * 1024 * 1024;
/** Rows per batch handed on. */
const BATCH_ROWS = 5_000;

export interface RegistryReader {
  headers: string[];
  rows: AsyncGenerator<SourceRow[]>;
}

export function openRegistry(body: ReadableStream<Uint8Array>): RegistryReader {
  return { headers: [...REGISTRY_HEADERS], rows: lines(body) };
}

async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<SourceRow[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let row = 0;
  let carry = '';
  let batch: SourceRow[] = [];
  const take = (line: string) => {
    const cell = registryCell(line);
    if (cell === null) return;
    if (++row > MAX_REGISTRY_ROWS) throw new FileReadError('TOO_MANY_ROWS', `The registry file has more than ${formatCount(MAX_REGISTRY_ROWS)} numbers. Split it into smaller files.`);
    batch.push({ row, cells: [cell] });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (!done) {
        size += value.byteLength;
        if (size > LIMITS.maxCsvBytes) throw new FileReadError('FILE_TOO_LARGE', `The file is larger than ${formatBytes(LIMITS.maxCsvBytes)}, the most this upload accepts.`);
      }
      let start = 0;
      const all = carry + text;
      for (let nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', start)) {
        take(all.slice(start, nl));
        start = nl + 1;
      }
      carry = all.slice(start);
      if (carry.length > LIMITS.maxCellLength) {
        throw new FileReadError('FILE_TOO_LARGE', `Row ${formatCount(row + 1)} of the registry file is longer than ${formatCount(LIMITS.maxCellLength)} characters; a registry file has one number a line.`);
      }
      if (done) {
        take(carry);
        if (batch.length) yield batch;
        return;
      }
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } finally {
    reader.releaseLock();
  }
}
