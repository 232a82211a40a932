/**
 * What an uploaded file is, from its first bytes only (src/lib/parse/file-kind.ts, as the wizard
 * decides), with the body handed back unconsumed: its kind (CSV or a workbook) and, for text, its
 * layout (a table with a header row, or a registry download of one number a line). Its name and
 * declared type never decide.
 */
import { sniffFileKind, unsupportedFileError } from '../../src/lib/parse/file-kind.ts';
import { isRegistryLayout } from '../../src/lib/suppression/registry-layout.ts';
import type { UploadKind } from './upload-kind.ts';

export type UploadLayout = 'table' | 'registry';

/** Bytes looked at to tell CSV from a workbook. */
const HEAD_BYTES = 4096;

/** Reads the first few KB, decides the kind, and returns a stream that still yields every byte. */
export async function sniffUpload(
  body: ReadableStream<Uint8Array>,
  fileName?: string,
): Promise<{ kind: UploadKind; body: ReadableStream<Uint8Array>; empty: boolean; layout: UploadLayout }> {
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
