/**
 * Finalize: joins the chunks' rejected rows, in file order, into the error report CSV in R2
 * (multipart past 5 MiB, so a report of a million rows never sits in memory whole).
 */
import type { Env } from '../env.ts';
import { keys } from '../chunk/keys.ts';
import { createReportWriter, REPORT_BOM } from '../../src/lib/report/error-report.ts';
import type { ErrorPart } from './error-part.ts';
import { countCodes } from '../revalidate/count-codes.ts';

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

  const flush = async (final: boolean) => {
    if (!final && buffer.length < PART_BYTES) return;
    if (!upload && final) return;
    upload ??= await env.UPLOADS.createMultipartUpload(key, { httpMetadata: { contentType: 'text/csv; charset=utf-8' } });
    const bytes = encoder.encode(buffer);
    // Every part but the last must be the same size: cut exact slices.
    let offset = 0;
    while (bytes.length - offset >= PART_BYTES || (final && offset < bytes.length)) {
      const end = final ? Math.min(bytes.length, offset + PART_BYTES) : offset + PART_BYTES;
      parts.push(await upload.uploadPart(parts.length + 1, bytes.slice(offset, end)));
      offset = end;
    }
    buffer = new TextDecoder().decode(bytes.slice(offset));
  };

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
  } else {
    await env.UPLOADS.put(key, buffer, { httpMetadata: { contentType: 'text/csv; charset=utf-8' } });
  }
  return { rows, errorCounts };
}
