/** A fixed-window counter in D1: at most N import creations per workspace per minute (429 past it). */
import type { Env } from '../../env.ts';
import { ApiError } from '../errors.ts';

export async function limitImportCreation(env: Env, workspaceId: string): Promise<void> {
  const limit = Number(env.IMPORT_RATE_LIMIT_PER_MINUTE ?? 60);
  const window = Math.floor(Date.now() / 60_000);
  const row = await env.DB.prepare(
    `INSERT INTO rate_limits (key, window, count) VALUES (?1, ?2, 1)
     ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count`,
  )
    .bind(`imports:${workspaceId}`, window)
    .first<{ count: number }>();
  if ((row?.count ?? 0) > limit) {
    throw new ApiError(429, 'RATE_LIMITED', `At most ${limit} imports can be started per minute. Try again in a minute.`);
  }
}
