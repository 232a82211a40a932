/**
 * Remembered column mappings in D1 (saved_mappings): saved when an import is created with the
 * mapping a person confirmed (the wizard's), matched against the next file's headers
 * (src/lib/map/remembered.ts), found for a headless import by its exact header row, listed and deleted.
 * One row per campaign and header row; the most recent MAX_SAVED_MAPPINGS per workspace are kept.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { db } from '../db/client.ts';
import { savedMappings } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { headerKey, MAX_SAVED_KEY_CHARS, namesOfKey, rememberMapping, targetsToSave, type RememberedMapping, type SavedMapping } from '../../src/lib/map/remembered.ts';
import type { AssistantConfig, ColumnMapping } from '../../src/lib/types.ts';

export const MAX_SAVED_MAPPINGS = 50;
/**
 * A header row larger than this (JSON characters) is not remembered: it would be a file's worth of
 * text. Its normalised names are bounded too (MAX_SAVED_KEY_CHARS), since NFKC can grow them 18-fold.
 */
const MAX_SAVED_HEADER_CHARS = 32 * 1024;

type Row = typeof savedMappings.$inferSelect;

const toSaved = (r: Row): SavedMapping => ({
  id: r.id,
  campaignId: r.campaignId,
  fileName: r.fileName,
  headers: r.headers,
  targets: r.targets,
  savedAt: r.savedAt,
  // The names normalised when it was saved: matching never normalises a saved header again.
  names: namesOfKey(r.headerKey),
});

/** The workspace's saved mappings, most recent first. */
export async function listMappings(env: Env, workspaceId: string): Promise<SavedMapping[]> {
  const rows = await db(env.DB)
    .select()
    .from(savedMappings)
    .where(eq(savedMappings.workspaceId, workspaceId))
    .orderBy(desc(savedMappings.savedAt), desc(savedMappings.id))
    .limit(MAX_SAVED_MAPPINGS)
    .all();
  return rows.map(toSaved);
}

/** Remembers the mapping used for `headers` in a campaign (replacing the one saved for the same headers there). */
export async function saveMapping(
  env: Env,
  input: { workspaceId: string; campaignId: string; fileName: string; headers: string[]; mapping: ColumnMapping },
): Promise<void> {
  if (JSON.stringify(input.headers).length > MAX_SAVED_HEADER_CHARS) return;
  const key = headerKey(input.headers);
  if (key.length > MAX_SAVED_KEY_CHARS) return;
  const d = db(env.DB);
  const values = {
    fileName: input.fileName,
    headers: input.headers,
    targets: targetsToSave(input.mapping, input.headers),
    savedAt: nowIso(),
  };
  await d
    .insert(savedMappings)
    .values({ id: newId('map'), workspaceId: input.workspaceId, campaignId: input.campaignId, headerKey: key, ...values })
    .onConflictDoUpdate({ target: [savedMappings.workspaceId, savedMappings.campaignId, savedMappings.headerKey], set: values });
  // Bounded: past the most recent MAX_SAVED_MAPPINGS, the oldest are forgotten.
  const stale = await d
    .select({ id: savedMappings.id })
    .from(savedMappings)
    .where(eq(savedMappings.workspaceId, input.workspaceId))
    .orderBy(desc(savedMappings.savedAt), desc(savedMappings.id))
    .limit(100)
    .offset(MAX_SAVED_MAPPINGS)
    .all();
  if (stale.length) {
    await d.delete(savedMappings).where(and(eq(savedMappings.workspaceId, input.workspaceId), inArray(savedMappings.id, stale.map((s) => s.id))));
  }
}

/** Saves without failing the caller: an import must not fail because its mapping could not be remembered. */
export async function rememberQuietly(env: Env, input: Parameters<typeof saveMapping>[1]): Promise<void> {
  try {
    await saveMapping(env, input);
  } catch (e) {
    console.warn(JSON.stringify({ event: 'mapping_not_saved', error: e instanceof Error ? e.name : 'unknown' }));
  }
}

/** Forgets one saved mapping; false when the workspace has none with that id. */
export async function deleteMapping(env: Env, workspaceId: string, id: string): Promise<boolean> {
  const gone = await db(env.DB)
    .delete(savedMappings)
    .where(and(eq(savedMappings.workspaceId, workspaceId), eq(savedMappings.id, id)))
    .returning({ id: savedMappings.id })
    .all();
  return gone.length > 0;
}

/**
 * The mapping saved in `campaignId` for exactly these headers (same header key), or null: what a
 * headless import may apply (src/lib/map/headless-mapping.ts). One indexed lookup; no other
 * campaign's mapping and no mapping for other headers is ever read.
 */
export async function savedMappingFor(env: Env, workspaceId: string, campaignId: string, headers: readonly string[]): Promise<SavedMapping | null> {
  if (JSON.stringify(headers).length > MAX_SAVED_HEADER_CHARS) return null;
  const row = await db(env.DB)
    .select()
    .from(savedMappings)
    .where(and(eq(savedMappings.workspaceId, workspaceId), eq(savedMappings.campaignId, campaignId), eq(savedMappings.headerKey, headerKey(headers))))
    .get();
  return row ? toSaved(row) : null;
}

/** The remembered mapping for a file's headers in a campaign, or null (then automatic matching applies). */
export async function matchMapping(
  env: Env,
  workspaceId: string,
  campaignId: string,
  headers: readonly string[],
  assistant: AssistantConfig,
): Promise<RememberedMapping | null> {
  return rememberMapping(headers, assistant, campaignId, await listMappings(env, workspaceId));
}
