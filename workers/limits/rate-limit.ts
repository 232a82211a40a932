/**
 * Fixed-window counters in D1, per workspace and per minute (429 RATE_LIMITED past the limit):
 * import creation, suppression list files, multipart upload creation, multipart parts, remembered-mapping
 * matches. Retention prunes past windows.
 */
import { envNumber, type Env } from '../env.ts';
import { Refusal } from '../refusal.ts';

const WINDOW_MS = 60_000;

/** Counts one action in the current minute; throws 429 when it is past `limit`. */
async function countAction(env: Env, key: string, limit: number, message: string): Promise<void> {
  const window = Math.floor(Date.now() / WINDOW_MS);
  const row = await env.DB.prepare(
    `INSERT INTO rate_limits (key, window, count) VALUES (?1, ?2, 1)
     ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count`,
  )
    .bind(key, window)
    .first<{ count: number }>();
  if ((row?.count ?? 0) > limit) throw new Refusal('RATE_LIMITED', message);
}

export async function limitImportCreation(env: Env, workspaceId: string): Promise<void> {
  const limit = envNumber(env, 'IMPORT_RATE_LIMIT_PER_MINUTE');
  await countAction(env, `imports:${workspaceId}`, limit, `At most ${limit} imports can be started per minute. Try again in a minute.`);
}

/** List files (POST /suppressions/import, inline or in the background) count like imports, on their own counter. */
export async function limitListImports(env: Env, workspaceId: string): Promise<void> {
  const limit = envNumber(env, 'IMPORT_RATE_LIMIT_PER_MINUTE');
  await countAction(env, `list-imports:${workspaceId}`, limit, `At most ${limit} list files can be imported per minute. Try again in a minute.`);
}

/**
 * Remembered-mapping matches (POST /campaigns/{id}/mappings/match): the wizard asks once per file it
 * opens, so twice the import limit, on their own counter. Each match reads every saved mapping.
 */
export async function limitMappingMatches(env: Env, workspaceId: string): Promise<void> {
  const limit = 2 * envNumber(env, 'IMPORT_RATE_LIMIT_PER_MINUTE');
  await countAction(env, `mapping-matches:${workspaceId}`, limit, `At most ${limit} column matches can be asked for per minute. Try again in a minute.`);
}

export async function limitUploadCreation(env: Env, workspaceId: string): Promise<void> {
  const limit = envNumber(env, 'UPLOAD_RATE_LIMIT_PER_MINUTE');
  await countAction(env, `uploads:${workspaceId}`, limit, `At most ${limit} multipart uploads can be started per minute. Try again in a minute.`);
}

export async function limitUploadParts(env: Env, workspaceId: string): Promise<void> {
  const limit = envNumber(env, 'UPLOAD_PART_RATE_LIMIT_PER_MINUTE');
  await countAction(env, `parts:${workspaceId}`, limit, `At most ${limit} upload parts can be sent per minute. Wait a minute and send this part again.`);
}

/** Deletes the counters of windows that have ended (every limit here is per minute). */
export async function pruneRateLimits(env: Env, now = Date.now()): Promise<number> {
  const current = Math.floor(now / WINDOW_MS);
  const { meta } = await env.DB.prepare('DELETE FROM rate_limits WHERE window < ?1').bind(current).run();
  return meta.changes;
}
