/**
 * Multipart upload of a raw file to R2, for files past one request's body cap (100 MB on most
 * plans): create → upload parts (each sized, streamed to R2) → complete, then the file is read back
 * from R2 as a stream by the same importer as the headless path. Keys live under the workspace.
 */
import * as v from 'valibot';
import type { Env } from '../env.ts';
import { newId } from '../db/ids.ts';
import { ApiError } from '../api/errors.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import type { UploadKind } from './read-upload.ts';

export const MULTIPART = {
  /** Every part but the last must be the same size; 10 MB keeps each request small. */
  partBytes: 10 * 1024 * 1024,
  maxPartBytes: 50 * 1024 * 1024,
  maxParts: Math.ceil(LIMITS.maxCsvBytes / (5 * 1024 * 1024)),
} as const;

export const CompleteUploadSchema = v.object({
  parts: v.pipe(
    v.array(v.object({ partNumber: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)), etag: v.pipe(v.string(), v.maxLength(200)) })),
    v.minLength(1),
    v.maxLength(MULTIPART.maxParts),
  ),
});

export interface UploadOptions {
  ignoreErrors: boolean;
  notifyEmail?: string;
  fileName?: string;
  sheet?: string;
  kind: UploadKind;
}

interface UploadMeta {
  r2UploadId: string;
  campaignId: string;
  options: UploadOptions;
}

const fileKey = (ws: string, id: string) => `ws/${ws}/uploads/${id}/file`;
const metaKey = (ws: string, id: string) => `ws/${ws}/uploads/${id}/meta.json`;

async function meta(env: Env, workspaceId: string, campaignId: string, uploadId: string): Promise<UploadMeta> {
  if (!/^upl_[a-z0-9]{20}$/.test(uploadId)) throw new ApiError(404, 'NOT_FOUND', 'Upload not found.');
  const object = await env.UPLOADS.get(metaKey(workspaceId, uploadId));
  const m = object ? await object.json<UploadMeta>() : null;
  if (!m || m.campaignId !== campaignId) throw new ApiError(404, 'NOT_FOUND', 'Upload not found.');
  return m;
}

export async function createMultipart(env: Env, workspaceId: string, campaignId: string, options: UploadOptions) {
  if (options.kind !== 'csv') throw new ApiError(415, 'FILE_UNSUPPORTED', 'Multipart uploads take CSV files; send Excel workbooks to /imports directly.');
  const uploadId = newId('upl');
  const upload = await env.UPLOADS.createMultipartUpload(fileKey(workspaceId, uploadId), { httpMetadata: { contentType: 'text/csv' } });
  const m: UploadMeta = { r2UploadId: upload.uploadId, campaignId, options };
  await env.UPLOADS.put(metaKey(workspaceId, uploadId), JSON.stringify(m));
  return { uploadId, partBytes: MULTIPART.partBytes, maxPartBytes: MULTIPART.maxPartBytes, maxBytes: LIMITS.maxCsvBytes };
}

export async function uploadPart(env: Env, workspaceId: string, campaignId: string, uploadId: string, partNumber: number, body: ReadableStream, length: number) {
  const m = await meta(env, workspaceId, campaignId, uploadId);
  if (partNumber < 1 || partNumber > MULTIPART.maxParts) throw new ApiError(400, 'VALIDATION_FAILED', `partNumber must be between 1 and ${MULTIPART.maxParts}.`);
  const upload = env.UPLOADS.resumeMultipartUpload(fileKey(workspaceId, uploadId), m.r2UploadId);
  const sized = new FixedLengthStream(length);
  const piping = body.pipeTo(sized.writable);
  const part = await upload.uploadPart(partNumber, sized.readable);
  await piping;
  return { partNumber: part.partNumber, etag: part.etag };
}

export async function completeMultipart(env: Env, workspaceId: string, campaignId: string, uploadId: string, parts: R2UploadedPart[]) {
  const m = await meta(env, workspaceId, campaignId, uploadId);
  const key = fileKey(workspaceId, uploadId);
  try {
    await env.UPLOADS.resumeMultipartUpload(key, m.r2UploadId).complete([...parts].sort((a, b) => a.partNumber - b.partNumber));
  } catch {
    throw new ApiError(400, 'UPLOAD_INCOMPLETE', 'The parts listed do not complete the upload; upload every part and list each with the etag it returned.');
  }
  const object = await env.UPLOADS.get(key);
  if (!object) throw new ApiError(404, 'NOT_FOUND', 'Upload not found.');
  if (object.size > LIMITS.maxCsvBytes) throw new ApiError(413, 'FILE_TOO_LARGE', `The file is larger than ${LIMITS.maxCsvBytes / 1048576} MB.`);
  return {
    options: m.options,
    body: object.body,
    /** The raw file is not kept once it is split into chunks. */
    remove: () => env.UPLOADS.delete([key, metaKey(workspaceId, uploadId)]),
  };
}
