/**
 * Multipart upload of a raw file to R2, for files past one request's body cap (100 MB on most
 * plans): create → upload parts (each sized, streamed to R2) → complete, then the file is read back
 * from R2 as a stream by the same importer as the headless path. Keys live under the workspace.
 * Creation and parts are rate-limited per workspace, every part is charged to the workspace's
 * storage quota before it is stored, and an upload that fails at `complete` is discarded whole.
 */
import { deletePrefix } from '../r2/delete-prefix.ts';
import type { OnExisting } from '../../src/lib/import-view.ts';
import * as v from 'valibot';
import type { Env } from '../env.ts';
import { newId } from '../db/ids.ts';
import { FileReadError } from '../../src/lib/parse/errors.ts';
import { Refusal } from '../refusal.ts';
import { FILE_ERRORS } from '../../src/lib/validate/file-messages.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { limitImportCreation, limitUploadCreation, limitUploadParts } from '../limits/rate-limit.ts';
import { releaseStorage, reserveStorage, unchargeStorage } from '../quota/storage.ts';

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
  headerRow?: number;
  onExisting?: OnExisting;
  /** The WHATWG name from encoding=<label>; detected when absent. */
  encoding?: string;
}

interface UploadMeta {
  r2UploadId: string;
  campaignId: string;
  options: UploadOptions;
}

const uploadPrefix = (ws: string, id: string) => `ws/${ws}/uploads/${id}/`;
const fileKey = (ws: string, id: string) => `${uploadPrefix(ws, id)}file`;
const metaKey = (ws: string, id: string) => `${uploadPrefix(ws, id)}meta.json`;

async function meta(env: Env, workspaceId: string, campaignId: string, uploadId: string): Promise<UploadMeta> {
  if (!/^upl_[a-z0-9]{20}$/.test(uploadId)) throw new Refusal('NOT_FOUND', 'Upload not found.');
  const object = await env.UPLOADS.get(metaKey(workspaceId, uploadId));
  const m = object ? await object.json<UploadMeta>() : null;
  if (!m || m.campaignId !== campaignId) throw new Refusal('NOT_FOUND', 'Upload not found.');
  return m;
}

export async function createMultipart(env: Env, workspaceId: string, campaignId: string, options: UploadOptions) {
  await limitUploadCreation(env, workspaceId);
  const uploadId = newId('upl');
  // Registers the upload with the quota (so retention finds it if it is abandoned); refused when
  // the workspace is already at its quota.
  await reserveStorage(env, workspaceId, uploadId, 0);
  const upload = await env.UPLOADS.createMultipartUpload(fileKey(workspaceId, uploadId), { httpMetadata: { contentType: 'text/csv' } });
  const m: UploadMeta = { r2UploadId: upload.uploadId, campaignId, options };
  await env.UPLOADS.put(metaKey(workspaceId, uploadId), JSON.stringify(m));
  return { uploadId, partBytes: MULTIPART.partBytes, maxPartBytes: MULTIPART.maxPartBytes, maxBytes: LIMITS.maxCsvBytes };
}

export async function uploadPart(env: Env, workspaceId: string, campaignId: string, uploadId: string, partNumber: number, body: ReadableStream, length: number) {
  const m = await meta(env, workspaceId, campaignId, uploadId);
  if (partNumber < 1 || partNumber > MULTIPART.maxParts) throw new Refusal('VALIDATION_FAILED', `partNumber must be between 1 and ${MULTIPART.maxParts}.`);
  await limitUploadParts(env, workspaceId);
  await reserveStorage(env, workspaceId, uploadId, length);
  try {
    const upload = env.UPLOADS.resumeMultipartUpload(fileKey(workspaceId, uploadId), m.r2UploadId);
    const sized = new FixedLengthStream(length);
    const piping = body.pipeTo(sized.writable);
    const part = await upload.uploadPart(partNumber, sized.readable);
    await piping;
    return { partNumber: part.partNumber, etag: part.etag };
  } catch (err) {
    await unchargeStorage(env, workspaceId, uploadId, length);
    throw err;
  }
}

/**
 * Completes the upload into one R2 object and hands it to the importer; `remove` deletes it once
 * read. Any refusal here (rate limit, parts that do not complete it, a file past the size limit)
 * discards the upload: its parts or file are deleted and its bytes released.
 */
export async function completeMultipart(env: Env, workspaceId: string, campaignId: string, uploadId: string, parts: R2UploadedPart[]) {
  const m = await meta(env, workspaceId, campaignId, uploadId);
  const key = fileKey(workspaceId, uploadId);
  try {
    await limitImportCreation(env, workspaceId);
    try {
      await env.UPLOADS.resumeMultipartUpload(key, m.r2UploadId).complete([...parts].sort((a, b) => a.partNumber - b.partNumber));
    } catch {
      throw new Refusal(
        'UPLOAD_INCOMPLETE',
        'The parts listed do not complete the upload (upload every part and list each with the etag it returned). The upload was discarded; start a new one.',
      );
    }
    const object = await env.UPLOADS.get(key);
    if (!object) throw new Refusal('NOT_FOUND', 'Upload not found.');
    if (object.size > LIMITS.maxCsvBytes) {
      await object.body.cancel();
      throw new FileReadError(FILE_ERRORS.tooLarge(LIMITS.maxCsvBytes));
    }
    return {
      options: m.options,
      body: object.body,
      size: object.size,
      /** The raw file is not kept once it is split into chunks. */
      remove: () => discardUpload(env, workspaceId, uploadId, m.r2UploadId),
    };
  } catch (err) {
    await discardUpload(env, workspaceId, uploadId, m.r2UploadId);
    throw err;
  }
}

/**
 * Deletes everything of an upload: aborts its multipart upload (R2 then drops the parts), deletes
 * its file and metadata, and releases its bytes. Safe to repeat; retention calls it for uploads
 * left idle. `r2UploadId` is read from the metadata when not given.
 */
export async function discardUpload(env: Env, workspaceId: string, uploadId: string, r2UploadId?: string): Promise<void> {
  const prefix = uploadPrefix(workspaceId, uploadId);
  if (!r2UploadId) {
    const object = await env.UPLOADS.get(metaKey(workspaceId, uploadId));
    r2UploadId = object ? (await object.json<UploadMeta>()).r2UploadId : undefined;
  }
  if (r2UploadId) {
    try {
      await env.UPLOADS.resumeMultipartUpload(fileKey(workspaceId, uploadId), r2UploadId).abort();
    } catch {
      /* already completed or aborted */
    }
  }
  await deletePrefix(env, prefix);
  await releaseStorage(env, workspaceId, uploadId);
}
