/**
 * The one module that reads and writes the suppression (do-not-call) list. Its only inputs are the
 * environment and the workspace: the list lives on the workspace's leads shard (workers/leads
 * resolves which), next to its leads, so listings exclude listed numbers in the same query and a
 * move carries the list along. Writes check the move fence in their own transaction. Numbers travel to D1 as one JSON
 * parameter per statement (json_each, driving the join: one primary-key probe per number), each
 * parameter kept under D1's 2 MB per bound value counting UTF-8 bytes. Every write that changes
 * the list sets a fresh list version in its own transaction (BUMP_LIST_VERSION).
 *
 * An entry whose `expires_at` has passed does not apply: suppressedAmong, isSuppressed and the
 * packed form ignore it; list() and the CSV export still show it (with its expiresAt) until it is
 * deleted or listed again.
 */
import type { Env } from '../env.ts';
import { shardOf } from '../leads/placement.ts';
import { shardDb } from '../leads/shards.ts';
import { FENCED, NOT_FENCED, checkFence } from '../leads/fence.ts';
import { paramGroups } from '../leads/param-groups.ts';

/** One entry to add: an E.164 number, why, and until when (ISO 8601 UTC; null = never expires). */
export interface SuppressionEntry {
  phone: string;
  reason: string | null;
  expiresAt: string | null;
}

/** An entry as stored and shown. */
export interface StoredSuppression {
  phoneNumber: string;
  reason: string | null;
  expiresAt: string | null;
  createdAt: string;
}

/** Rows read per statement when walking the whole list (CSV export). */
const PAGE_ROWS = 20_000;
/** Numbers per page of activeNumbers: joined, at most 17 bytes each, well under D1's 2 MB per value. */
const ACTIVE_PAGE_ROWS = 50_000;

/**
 * Sets a fresh random list version (schema.ts, suppression_list_versions) when the statement just
 * before it in the batch changed a row: the packed form cached from the older version is then
 * rebuilt. Part of the write's own transaction, so no change is ever seen under an old version.
 */
export const BUMP_LIST_VERSION = `INSERT INTO suppression_list_versions (workspace_id, version)
  SELECT ?1, lower(hex(randomblob(8))) WHERE changes() > 0
  ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version`;

/** The version of a list that never changed on its shard. */
export const NO_LIST_VERSION = 'none';

async function database(env: Env, workspaceId: string): Promise<D1Database> {
  return shardDb(env, await shardOf(env, workspaceId));
}

/** An ISO instant as stored (`toISOString()`), so text comparison is time order. */
const instant = (at: Date): string => at.toISOString();

/**
 * A conflicting entry is left alone (it counts as already present) unless it has expired and the
 * new one is in force: listing an expired number again puts it back on the list.
 */
const ON_CONFLICT = `ON CONFLICT (workspace_id, phone) DO UPDATE SET
  reason = excluded.reason, expires_at = excluded.expires_at, created_at = excluded.created_at
  WHERE suppressions.expires_at IS NOT NULL AND suppressions.expires_at <= ?2
    AND (excluded.expires_at IS NULL OR excluded.expires_at > ?2)`;

/** Numbers of the workspace's list among `e164s` that apply at `at` (not expired). One index probe per number. */
export async function suppressedAmong(env: Env, workspaceId: string, e164s: readonly string[], at: Date): Promise<Set<string>> {
  const found = new Set<string>();
  if (!e164s.length) return found;
  const d1 = await database(env, workspaceId);
  for (const json of paramGroups([...new Set(e164s)], (p) => p)) {
    const { results } = await d1
      // CROSS JOIN keeps json_each as the outer loop: one primary-key probe per number.
      .prepare(
        `SELECT s.phone FROM json_each(?3) AS j CROSS JOIN suppressions AS s
         ON s.workspace_id = ?1 AND s.phone = j.value
         WHERE s.expires_at IS NULL OR s.expires_at > ?2`,
      )
      .bind(workspaceId, instant(at), json)
      .all<{ phone: string }>();
    for (const r of results) found.add(r.phone);
  }
  return found;
}

/** Whether one number is on the workspace's list and in force at `at` (default now), e.g. for a lead in a listing. */
export async function isSuppressed(env: Env, workspaceId: string, e164: string, at: Date = new Date()): Promise<boolean> {
  return (await suppressedAmong(env, workspaceId, [e164], at)).has(e164);
}

export function suppressionStore(env: Env, workspaceId: string) {
  let placed: Promise<number> | undefined;
  const shardNo = () => (placed ??= shardOf(env, workspaceId));
  const shard = async () => shardDb(env, await shardNo());

  return {
    /** Lists numbers; returns how many entries were added (see addEntries). */
    async add(entries: readonly SuppressionEntry[], now: Date): Promise<{ added: number; distinct: number }> {
      if (!entries.length) return { added: 0, distinct: 0 };
      return addEntries(await shard(), workspaceId, entries, now);
    },

    /** One page of entries in phone-number order (expired ones included), after `cursor` (the last number of the previous page). */
    async list(opts: { limit: number; cursor?: string; phone?: string }): Promise<{ items: StoredSuppression[]; nextCursor: string | null }> {
      const d1 = await shard();
      if (opts.phone !== undefined) {
        const row = await d1
          .prepare('SELECT phone, reason, expires_at, created_at FROM suppressions WHERE workspace_id = ?1 AND phone = ?2')
          .bind(workspaceId, opts.phone)
          .first<SuppressionRow>();
        return { items: row ? [toStored(row)] : [], nextCursor: null };
      }
      const { results } = await d1
        .prepare(
          `SELECT phone, reason, expires_at, created_at FROM suppressions
           WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT ?3`,
        )
        .bind(workspaceId, opts.cursor ?? '', opts.limit + 1)
        .all<SuppressionRow>();
      const page = results.slice(0, opts.limit);
      return { items: page.map(toStored), nextCursor: results.length > opts.limit ? page[page.length - 1]!.phone : null };
    },

    /** Every entry (expired ones included) in phone-number order, in pages (for the CSV export). */
    async *all(pageSize = PAGE_ROWS): AsyncGenerator<StoredSuppression[]> {
      for await (const rows of phonePages<SuppressionRow>(await shard(), workspaceId, 'phone, reason, expires_at, created_at', pageSize)) yield rows.map(toStored);
    },

    /**
     * The numbers in force at `at`, in pages (for the packed form), each page with the earliest
     * expiry among them (null when none of them expires): the list changes on its own then. A page
     * comes back from D1 as one row (its numbers joined), not one row per number: most of the cost
     * of reading a million numbers is per row returned.
     */
    async *activeNumbers(at: Date, pageSize = ACTIVE_PAGE_ROWS): AsyncGenerator<{ phones: string[]; nextExpiry: string | null }> {
      const d1 = await shard();
      const atText = instant(at);
      let after = '';
      for (;;) {
        const page = await d1
          .prepare(
            `SELECT count(*) AS n, max(phone) AS last,
               group_concat(CASE WHEN expires_at IS NULL OR expires_at > ?3 THEN phone END) AS phones,
               min(CASE WHEN expires_at > ?3 THEN expires_at END) AS next_expiry
             FROM (SELECT phone, expires_at FROM suppressions WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT ?4)`,
          )
          .bind(workspaceId, after, atText, pageSize)
          .first<{ n: number; last: string | null; phones: string | null; next_expiry: string | null }>();
        if (!page?.n) return;
        // E.164 numbers hold no comma (group_concat's separator).
        yield { phones: page.phones ? page.phones.split(',') : [], nextExpiry: page.next_expiry };
        if (page.n < pageSize) return;
        after = page.last!;
      }
    },

    /**
     * Which shard holds the list (its binding name) and the list's version there: together they
     * change whenever the list's contents do, other than by an entry expiring.
     */
    async version(): Promise<{ shard: string; version: string }> {
      const n = await shardNo();
      const row = await shardDb(env, n).prepare('SELECT version FROM suppression_list_versions WHERE workspace_id = ?1').bind(workspaceId).first<{ version: string }>();
      return { shard: `LEADS_${n}`, version: row?.version ?? NO_LIST_VERSION };
    },

    /** Removes a number from the list; false when it was not listed. */
    async remove(phone: string): Promise<boolean> {
      const d1 = await shard();
      const [result, , fence] = await d1.batch([
        d1.prepare(`DELETE FROM suppressions WHERE workspace_id = ?1 AND phone = ?2 AND ${NOT_FENCED}`).bind(workspaceId, phone),
        d1.prepare(BUMP_LIST_VERSION).bind(workspaceId),
        d1.prepare(FENCED).bind(workspaceId),
      ]);
      checkFence(workspaceId, fence!);
      return (result!.meta.changes ?? 0) > 0;
    },
  };
}

/**
 * Lists numbers; returns how many entries were added (new, or an expired one put back in force).
 * The rest of the distinct numbers were already listed. Repeats in `entries` count once, the
 * first one wins.
 */
async function addEntries(d1: D1Database, workspaceId: string, entries: readonly SuppressionEntry[], now: Date): Promise<{ added: number; distinct: number }> {
  const seen = new Set<string>();
  const distinct: SuppressionEntry[] = [];
  for (const e of entries) {
    if (seen.has(e.phone)) continue;
    seen.add(e.phone);
    distinct.push(e);
  }
  if (!distinct.length) return { added: 0, distinct: 0 };
  const nowText = instant(now);
  const first = distinct[0]!;
  const uniform = distinct.every((e) => e.reason === first.reason && e.expiresAt === first.expiresAt);
  const statements: D1PreparedStatement[] = uniform
    ? // The common case (a JSON request, a file without reason/expiry columns): numbers only.
      paramGroups(distinct, (e) => e.phone).map((json) =>
        d1
          .prepare(
            `INSERT INTO suppressions (workspace_id, phone, reason, expires_at, created_at)
             SELECT ?1, j.value, ?4, ?5, ?2 FROM json_each(?3) AS j WHERE ${NOT_FENCED} ${ON_CONFLICT}`,
          )
          .bind(workspaceId, nowText, json, first.reason, first.expiresAt),
      )
    : paramGroups(distinct, (e) => [e.phone, e.reason, e.expiresAt]).map((json) =>
        d1
          .prepare(
            `INSERT INTO suppressions (workspace_id, phone, reason, expires_at, created_at)
             SELECT ?1, j.value->>0, j.value->>1, j.value->>2, ?2 FROM json_each(?3) AS j WHERE ${NOT_FENCED} ${ON_CONFLICT}`,
          )
          .bind(workspaceId, nowText, json),
      );
  let added = 0;
  // One transaction per call: an add is counted exactly when it is written, and refused whole when
  // fenced by a move. Each insert is followed by the version bump that sees its changes().
  const bump = () => d1.prepare(BUMP_LIST_VERSION).bind(workspaceId);
  const results = await d1.batch([...statements.flatMap((s) => [s, bump()]), d1.prepare(FENCED).bind(workspaceId)]);
  checkFence(workspaceId, results.pop()!);
  for (let i = 0; i < results.length; i += 2) added += results[i]!.meta.changes ?? 0;
  return { added, distinct: distinct.length };
}

/** Rows of the workspace's list (expired entries included) in phone order, `pageSize` at a time. */
async function* phonePages<R extends { phone: string }>(d1: D1Database, workspaceId: string, columns: string, pageSize: number): AsyncGenerator<R[]> {
  let after = '';
  for (;;) {
    const { results } = await d1
      .prepare(`SELECT ${columns} FROM suppressions WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT ?3`)
      .bind(workspaceId, after, pageSize)
      .all<R>();
    if (!results.length) return;
    yield results;
    if (results.length < pageSize) return;
    after = results[results.length - 1]!.phone;
  }
}

interface SuppressionRow {
  phone: string;
  reason: string | null;
  expires_at: string | null;
  created_at: string;
}

function toStored(r: SuppressionRow): StoredSuppression {
  return { phoneNumber: r.phone, reason: r.reason, expiresAt: r.expires_at, createdAt: r.created_at };
}
