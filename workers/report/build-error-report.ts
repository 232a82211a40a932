/**
 * Finalize: joins the chunks' rejected rows, in file order, into the error report CSV in R2
 * (multipart past 5 MiB, so a report of a million rows never sits in memory whole). Every part is
 * charged to the workspace's storage quota before it is stored (a report built again first gives
 * back the one it replaces).
 */
import type { Env } from '../env.ts';
import { keys } from '../chunk/keys.ts';
import { createReportWriter, REPORT_BOM } from '../../src/lib/report/error-report.ts';
import type { ErrorPart } from './error-part.ts';
import { countCodes } from '../revalidate/count-codes.ts';
import { deleteCharged, putCharged, reserveStorage, unchargeStorage } from '../quota/storage.ts';

const PART_BYTES = 5 * 1024 * 1024 + 1024;

/** Rows in the report and their error codes counted (each code once per row). */
export interface ReportCounts {
  rows: number;
  errorCounts: Record<string, number>;
}

export async function buildErrorReport(env: Env, workspaceId: string, importId: string, headers: string[], chunkCount: number): Promise<ReportCounts> {
  const key = keys.report(workspaceId, importId);
  const encoder = new TextEncoder();
  const writer = createReportWriter(headers);
  let buffer = REPORT_BOM + writer.header;
  let rows = 0;
  const errorCounts: Record<string, number> = {};
  let upload: R2MultipartUpload | null = null;
  const parts: R2UploadedPart[] = [];
  let partBytes = 0;

  // A finalize run again (a redelivered message) replaces the report: its bytes are given back first.
  await deleteCharged(env, workspaceId, importId, key);
  const flush = async (final: boolean) => {
    if (!final && buffer.length < PART_BYTES) return;
    if (!upload && final) return;
    upload ??= await env.UPLOADS.createMultipartUpload(key, { httpMetadata: { contentType: 'text/csv; charset=utf-8' } });
    const bytes = encoder.encode(buffer);
    // Every part but the last must be the same size: cut exact slices.
    let offset = 0;
    while (bytes.length - offset >= PART_BYTES || (final && offset < bytes.length)) {
      const end = final ? Math.min(bytes.length, offset + PART_BYTES) : offset + PART_BYTES;
      const part = bytes.slice(offset, end);
      await reserveStorage(env, workspaceId, importId, part.byteLength);
      partBytes += part.byteLength;
      parts.push(await upload.uploadPart(parts.length + 1, part));
      offset = end;
    }
    buffer = new TextDecoder().decode(bytes.slice(offset));
  };

  try {
    for (let index = 0; index < chunkCount; index++) {
      const object = await env.UPLOADS.get(keys.errors(workspaceId, importId, index));
      if (!object) continue;
      const part = await object.json<ErrorPart>();
      for (const r of part.rows) {
        buffer += writer.line({ row: r.row, cells: r.cells }, r.errors);
        rows++;
      }
      countCodes(part.rows, errorCounts);
      await flush(false);
    }
    if (upload) {
      await flush(true);
      await (upload as R2MultipartUpload).complete(parts);
    }
  } catch (err) {
    // A part refused by the quota (or a store that failed): nothing of this report is kept or counted.
    if (upload) {
      await (upload as R2MultipartUpload).abort().catch(() => {});
      await unchargeStorage(env, workspaceId, importId, partBytes);
    }
    throw err;
  }
  if (!upload) {
    await putCharged(env, workspaceId, importId, key, buffer, { httpMetadata: { contentType: 'text/csv; charset=utf-8' } });
  }
  return { rows, errorCounts };
}
