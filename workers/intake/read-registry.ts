/**
 * Reads a registry download (one number a line, or NPA,NNNNNNN a line) as it streams in, never held
 * whole, with the core's line reader (src/lib/suppression/registry-lines.ts): rows in batches, each
 * the line's number as its only cell, lines that are not numbers kept as rows so the import lists
 * the good lines and reports the others.
 */
import { FileReadError } from '../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { REGISTRY_HEADERS } from '../../src/lib/suppression/registry-layout.ts';
import { createRegistryLineReader } from '../../src/lib/suppression/registry-lines.ts';
import type { SourceRow } from '../../src/lib/types.ts';

/** Rows per batch handed on. */
const BATCH_ROWS = 5_000;

export interface RegistryReader {
  headers: string[];
  rows: AsyncGenerator<SourceRow[]>;
}

export function openRegistry(body: ReadableStream<Uint8Array>): RegistryReader {
  return { headers: [...REGISTRY_HEADERS], rows: batches(body) };
}

async function* batches(body: ReadableStream<Uint8Array>): AsyncGenerator<SourceRow[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const lines = createRegistryLineReader();
  let size = 0;
  let batch: SourceRow[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        batch.push(...lines.push(decoder.decode()), ...lines.end());
        if (batch.length) yield batch;
        return;
      }
      size += value.byteLength;
      if (size > LIMITS.maxCsvBytes) throw new FileReadError(FILE_ERRORS.tooLarge(LIMITS.maxCsvBytes));
      for (const row of lines.push(decoder.decode(value, { stream: true }))) batch.push(row);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } finally {
    reader.releaseLock();
  }
}
