/**
 * What an uploaded list is, from its first bytes (the readers' own sniffing), with the body handed
 * back unconsumed: its kind (CSV or a workbook) and, for text, its layout (a table with a header
 * row, or a registry download of one number a line). A declared Content-Type that is not a spreadsheet is refused before reading.
 */
import { sniffFileKind, unsupportedFileError } from '../../src/lib/parse/file-kind.ts';
import type { UploadKind } from '../chunk/read-upload.ts';
import { isRegistryLayout } from '../../src/lib/suppression/registry-layout.ts';

/** Types a CSV or workbook upload arrives with (clients often send none, or octet-stream). */
const SPREADSHEET_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

/** Bytes looked at to tell CSV from a workbook. */
const HEAD_BYTES = 4096;

export function isSpreadsheetType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]!.trim().toLowerCase();
  return !type || SPREADSHEET_TYPES.has(type);
}

/** Reads the first few KB, decides the kind, and returns a stream that still yields every byte. */
export async function sniffUpload(
  body: ReadableStream<Uint8Array>,
  fileName?: string,
): Promise<{ kind: UploadKind; body: ReadableStream<Uint8Array>; empty: boolean; layout: 'table' | 'registry' }> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.byteLength;
  }
  const first = new Uint8Array(Math.min(size, HEAD_BYTES));
  let offset = 0;
  for (const part of head) {
    if (offset >= first.length) break;
    const take = part.subarray(0, first.length - offset);
    first.set(take, offset);
    offset += take.byteLength;
  }
  const kind = sniffFileKind(first, fileName);
  if (kind === 'unknown') {
    await reader.cancel().catch(() => {});
    throw unsupportedFileError(first, fileName);
  }
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const part = head.shift();
      if (part) return controller.enqueue(part);
      if (done) return controller.close();
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
  // A text file whose first lines are numbers, one a line, is a registry download (no header row).
  const layout = kind === 'csv' && isRegistryLayout(new TextDecoder().decode(first), done && size <= HEAD_BYTES) ? 'registry' : 'table';
  return { kind, body: replay, empty: size === 0, layout };
}
