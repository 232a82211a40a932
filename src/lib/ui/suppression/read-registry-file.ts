/**
 * Reads a registry download the user chose (one number a line, or NPA,NNNNNNN a line), in the list
 * preview's worker, with the core's line reader (the server's import reads it the same way): the
 * file is told from a spreadsheet by its first lines, as the server tells it.
 */
import { sniffFileKind } from '../../parse/xlsx.ts';
import { LIMITS } from '../../limits.ts';
import { FileReadError } from '../../parse/errors.ts';
import { FILE_ERRORS } from '../../validate/file-messages.ts';
import { isRegistryLayout, REGISTRY_HEADERS } from '../../suppression/registry-layout.ts';
import { createRegistryLineReader } from '../../suppression/registry-lines.ts';
import type { SourceRow } from '../../types.ts';

/** Bytes looked at to decide the layout (the server sniffs as many). */
const HEAD_BYTES = 4096;
const BATCH = 5_000;

/** Whether the file is a registry download rather than a list with a header row. */
export async function isRegistryFile(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  return sniffFileKind(head, file.name) === 'csv' && isRegistryLayout(new TextDecoder().decode(head), file.size <= HEAD_BYTES);
}

export interface RegistrySink {
  begin(headers: string[]): void;
  take(batch: SourceRow[]): void;
  progress(bytesRead: number, rowsRead: number): void;
}

/** Streams the file's lines into `sink` as rows; throws a FileReadError for a file the server would refuse. */
export async function readRegistryFile(file: File, sink: RegistrySink): Promise<void> {
  if (file.size > LIMITS.maxCsvBytes) throw new FileReadError(FILE_ERRORS.tooLarge(LIMITS.maxCsvBytes, { what: 'The list' }));
  sink.begin([...REGISTRY_HEADERS]);
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const lines = createRegistryLineReader();
  let bytes = 0;
  let rows = 0;
  let batch: SourceRow[] = [];
  const hand = (more: SourceRow[], force: boolean) => {
    for (const r of more) batch.push(r);
    if (batch.length >= BATCH || (force && batch.length)) {
      rows += batch.length;
      sink.take(batch);
      batch = [];
      sink.progress(bytes, rows);
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      hand(lines.push(decoder.decode()), false);
      hand(lines.end(), true);
      return;
    }
    bytes += value.byteLength;
    hand(lines.push(decoder.decode(value, { stream: true })), false);
  }
}
