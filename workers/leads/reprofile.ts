/**
 * The re-profile job: when the tables a stored calling profile is made from change (area codes,
 * ZIP codes, zones: profileDataVersion), every lead of a shard is brought to the new version in the
 * background, in bounded steps (queue messages `reprofile`, one per step, each sending the next).
 * A step reads the next leads in id order, makes each profile again from the stored number and
 * address, rewrites only those that changed (the counts per profile follow by trigger) and moves
 * the cursor, in one transaction: a redelivered step changes nothing twice. Leads written meanwhile
 * already carry the new version. The hourly cron starts the job where a shard is behind. Leads of
 * a workspace being moved are skipped on the old shard (the copy is checked against them); until a
 * lead is reached, reads decide on its profile made afresh (fail closed), so only the index walk of
 * `?callableAt=` and the counts lag.
 */
import type { Env } from '../env.ts';
import { shardCount, shardDb } from './shards.ts';
import { paramGroups } from './param-groups.ts';
import { shardOf } from './placement.ts';
import { profileKeyOf } from '../../src/lib/calling/profile.ts';
import { zoneSetIdOf, zonesOfSet } from '../../src/lib/calling/time-zones.ts';
import { profileDataVersion } from '../../src/lib/calling/profile-data-version.ts';
import { FIELD_COLUMNS } from './stored-lead.ts';
import { leadField } from '../../src/lib/fields/lead-fields.ts';
import { reprofileMessage } from '../queue/messages.ts';

/** Leads one step reads. */
export const REPROFILE_STEP = 2_000;

const VERSION_KEY = 'profile_data_version';
const CURSOR_KEY = 'reprofile_cursor';

interface Cursor {
  version: string;
  afterId: number;
}

async function meta(d1: D1Database): Promise<{ version: string | null; cursor: Cursor | null }> {
  const { results } = await d1.prepare(`SELECT key, value FROM shard_meta WHERE key IN ('${VERSION_KEY}', '${CURSOR_KEY}')`).all<{ key: string; value: string }>();
  const version = results.find((r) => r.key === VERSION_KEY)?.value ?? null;
  const cursorText = results.find((r) => r.key === CURSOR_KEY)?.value;
  return { version, cursor: cursorText ? (JSON.parse(cursorText) as Cursor) : null };
}

/** Whether a shard's stored profiles are behind this build's tables. */
export async function shardBehind(env: Env, shard: number): Promise<boolean> {
  return (await meta(shardDb(env, shard))).version !== profileDataVersion();
}

/** Runs one step on a shard; true when more remain (the caller sends the next step). */
export async function reprofileStep(env: Env, shard: number, step = REPROFILE_STEP): Promise<boolean> {
  const d1 = shardDb(env, shard);
  const current = profileDataVersion();
  const m = await meta(d1);
  if (m.version === current) return false;
  const afterId = m.cursor?.version === current ? m.cursor.afterId : 0;
  const regionColumn = leadField('region')!.column;
  const postalColumn = leadField('postal_code')!.column;
  const { results } = await d1
    .prepare(`SELECT id, phone, phone_country, calling_profile, ${FIELD_COLUMNS.join(', ')} FROM leads WHERE id > ?1 ORDER BY id LIMIT ?2`)
    .bind(afterId, step)
    .all<Record<string, unknown> & { id: number; phone: string; phone_country: string | null; calling_profile: string | null }>();
  const changed: [number, string][] = [];
  for (const r of results) {
    const key = profileKeyOf({
      e164: r.phone,
      country: r.phone_country,
      timeZones: zonesOfSet(zoneSetIdOf(r.phone, r.phone_country)),
      region: (r[regionColumn] as string | null) ?? null,
      postalCode: (r[postalColumn] as string | null) ?? null,
    });
    if (key !== r.calling_profile) changed.push([r.id, key]);
  }
  const done = results.length < step;
  const lastId = results.length ? results[results.length - 1]!.id : afterId;
  const statements = paramGroups(changed, (c) => c).map((json) =>
    d1
      .prepare(
        `UPDATE leads SET calling_profile = u.profile
         FROM (SELECT j.value->>0 AS id, j.value->>1 AS profile FROM json_each(?1) AS j) AS u
         WHERE leads.id = u.id AND NOT EXISTS (SELECT 1 FROM workspace_fences AS f WHERE f.workspace_id = leads.workspace_id)`,
      )
      .bind(json),
  );
  statements.push(
    done
      ? d1.prepare(`INSERT INTO shard_meta (key, value) VALUES ('${VERSION_KEY}', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).bind(current)
      : d1.prepare(`INSERT INTO shard_meta (key, value) VALUES ('${CURSOR_KEY}', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).bind(JSON.stringify({ version: current, afterId: lastId })),
  );
  if (done) statements.push(d1.prepare(`DELETE FROM shard_meta WHERE key = '${CURSOR_KEY}'`));
  await d1.batch(statements);
  return !done;
}

/** Sends the first step for every shard whose profiles are behind (the hourly cron); returns the shards. */
export async function startReprofiles(env: Env): Promise<number[]> {
  const behind: number[] = [];
  for (let shard = 0; shard < shardCount(env); shard++) if (await shardBehind(env, shard)) behind.push(shard);
  if (behind.length) await env.IMPORT_QUEUE.sendBatch(behind.map((shard) => ({ body: reprofileMessage(shard) })));
  return behind;
}

/** What the campaign page shows of it: the version of this build and of the workspace's shard, and where the job stands. */
export async function reprofileState(env: Env, workspaceId: string) {
  const shard = await shardOf(env, workspaceId);
  const m = await meta(shardDb(env, shard));
  const current = profileDataVersion();
  return { current, stored: m.version, upToDate: m.version === current, afterLeadId: m.cursor?.version === current ? m.cursor.afterId : null };
}
