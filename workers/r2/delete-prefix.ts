/** Deletes every R2 object under a prefix, a listing page at a time; returns how many. */
import type { Env } from '../env.ts';

export async function deletePrefix(env: Env, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const list = await env.UPLOADS.list({ prefix, cursor });
    if (list.objects.length) {
      await env.UPLOADS.delete(list.objects.map((o) => o.key));
      deleted += list.objects.length;
    }
    cursor = list.truncated ? list.cursor : undefined;
  } while (cursor);
  return deleted;
}
