/**
 * Where a background list import keeps its file's header row (its report repeats it, each chunk
 * finds its columns in it). A short one (JSON ≤ INLINE_HEADERS_BYTES) stays in the import's row in
 * `DB`; a longer one (up to ~1.9 MB: 190 columns of 10,000 characters) goes to R2 under the list
 * import's prefix, charged to the workspace's storage quota and deleted with the prefix by
 * retention, and the row holds `[]` (a real header row is never empty: it has a phone column).
 */
import type { Env } from '../../env.ts';
import { putCharged } from '../../quota/storage.ts';
import { utf8Length } from '../../../src/lib/text/utf8-length.ts';
import { ChunkMissingError } from '../../chunk/errors.ts';
import { listImportPrefix } from './keys.ts';

/** The most a header row takes in `DB` (bytes of its JSON). */
export const INLINE_HEADERS_BYTES = 1024;

const IN_R2 = '[]';
const headersKey = (workspaceId: string, id: string) => `${listImportPrefix(workspaceId, id)}headers.json`;

/** Keeps the header row and returns what the import's `headers` column holds. */
export async function keepListHeaders(env: Env, workspaceId: string, id: string, headers: readonly string[]): Promise<string> {
  const json = JSON.stringify(headers);
  if (utf8Length(json) <= INLINE_HEADERS_BYTES) return json;
  await putCharged(env, workspaceId, id, headersKey(workspaceId, id), json, { httpMetadata: { contentType: 'application/json' } });
  return IN_R2;
}

/** The header row of a list import, from its row or from R2. */
export async function listHeaders(env: Env, job: { id: string; workspace_id: string; headers: string }): Promise<string[]> {
  if (job.headers !== IN_R2) return JSON.parse(job.headers) as string[];
  const object = await env.UPLOADS.get(headersKey(job.workspace_id, job.id));
  // Chunks are read after the header row is stored: missing, it was lost like a chunk would be.
  if (!object) throw new ChunkMissingError(0);
  return object.json<string[]>();
}
