/**
 * The one module that reads and writes the suppression (do-not-call) list's entries. Its only
 * inputs are the environment and the workspace: the list lives on the workspace's leads shard
 * (workers/leads resolves which), next to its leads, so listings exclude listed numbers in the same
 * query and a move carries the list along. Writes check the move fence in their own transaction
 * (add-entries.ts) and set a fresh list version (list-version.ts).
 *
 * Each entry belongs to a source and a generation of it; in-force.ts says when an entry applies.
 * list(), all() and the CSV export show the entries of each source's generation in force, expired
 * ones included (with their expiresAt); lookups and the packed form take only those in force.
 */
import type { Env } from '../env.ts';
import { shardOf } from '../leads/placement.ts';
import { shardDb } from '../leads/shards.ts';
import { FENCED, NOT_FENCED, checkFence } from '../leads/fence.ts';
import { paramGroups } from '../leads/param-groups.ts';
import { INTERNAL_SOURCE } from '../../src/lib/suppression/sources.ts';
import { currentGeneration, inForce } from './in-force.ts';
import { addEntries, type AddOutcome, type WriteTarget } from './add-entries.ts';
import { BUMP_LIST_VERSION, NO_LIST_VERSION } from './list-version.ts';

/** One entry to add: an E.164 number, why, and until when (ISO 8601 UTC; null = never expires). */
export interface SuppressionEntry {
  phone: string;
  reason: string | null;
  expiresAt: string | null;
}

/** An entry as stored and shown. */
export interface StoredSuppression {
  phoneNumber: string;
  source: string;
  reason: string | null;
  expiresAt: string | null;
  createdAt: string;
}

/** The numbers of one page of the list in force, for the packed form. */
export interface ActivePage {
  /** Numbers in force with no expiry (in any of their sources). */
  permanent: string[];
  /** Numbers in force only until an expiry: [number, the latest expiry among its entries]. */
  expiring: [string, string][];
}

/** Rows read per statement when walking the whole list (CSV export). */
const PAGE_ROWS = 20_000;
/** Numbers per page of activeNumbers: joined in one row, at most ~42 bytes each, well under D1's 2 MB per value. */
const ACTIVE_PAGE_ROWS = 40_000;
/** Sorts after every E.164 number ('~' > '+' and digits): the end of the list. */
const AFTER_ALL = '~';

async function database(env: Env, workspaceId: string): Promise<D1Database> {
  return shardDb(env, await shardOf(env, workspaceId));
}

/** Numbers of the workspace's list among `e164s` that apply at `at`. One primary-key probe per number. */
export async function suppressedAmong(env: Env, workspaceId: string, e164s: readonly string[], at: Date): Promise<Set<string>> {
  const found = new Set<string>();
  if (!e164s.length) return found;
  const d1 = await database(env, workspaceId);
  for (const json of paramGroups([...new Set(e164s)], (p) => p)) {
    const { results } = await d1
      // CROSS JOIN keeps json_each as the outer loop: one primary-key probe per number.
      .prepare(`SELECT DISTINCT s.phone FROM json_each(?3) AS j CROSS JOIN suppressions AS s ON s.workspace_id = ?1 AND s.phone = j.value WHERE ${inForce('s', '?2')}`)
      .bind(workspaceId, at.toISOString(), json)
      .all<{ phone: string }>();
    for (const r of results) found.add(r.phone);
  }
  return found;
}

/** Whether one number is on the workspace's list and in force at `at` (default now). */
export async function isSuppressed(env: Env, workspaceId: string, e164: string, at: Date = new Date()): Promise<boolean> {
  return (await suppressedAmong(env, workspaceId, [e164], at)).has(e164);
}

export function suppressionStore(env: Env, workspaceId: string) {
  let placed: Promise<number> | undefined;
  const shardNo = () => (placed ??= shardOf(env, workspaceId));
  const shard = async () => shardDb(env, await shardNo());

  return {
    /** Lists numbers in a source (default internal), in force now or into a replace's generation (add-entries.ts). */
    async add(entries: readonly SuppressionEntry[], now: Date, source = INTERNAL_SOURCE, target?: WriteTarget): Promise<AddOutcome> {
      if (!entries.length) return { added: 0, distinct: 0 };
      return addEntries(await shard(), workspaceId, source, entries, now, target);
    },

    /**
     * One page of entries in (number, source) order, expired ones included, after `cursor` (the
     * previous page's nextCursor: the last number it showed). A page holds `limit` entries, and every
     * other entry of its last number (a number listed in two sources is never split across pages).
     * With `phone`, that number's entries.
     */
    async list(opts: { limit: number; cursor?: string; phone?: string; source?: string }): Promise<{ items: StoredSuppression[]; nextCursor: string | null }> {
      const d1 = await shard();
      const only = opts.source === undefined ? '' : 'AND s.source = ?4';
      const bySource = opts.source === undefined ? [] : [opts.source];
      if (opts.phone !== undefined) {
        const { results } = await d1
          .prepare(`SELECT s.phone, s.source, s.reason, s.expires_at, s.created_at FROM suppressions AS s WHERE s.workspace_id = ?1 AND s.phone = ?2 AND ${currentGeneration('s')} ${only.replace('?4', '?3')} ORDER BY s.source`)
          .bind(workspaceId, opts.phone, ...bySource)
          .all<SuppressionRow>();
        return { items: results.map(toStored), nextCursor: null };
      }
      const listed = `s.workspace_id = ?1 AND ${currentGeneration('s')} ${only}`;
      const [page, more] = await d1.batch([
        d1
          .prepare(
            `WITH bound AS (SELECT coalesce((SELECT s.phone FROM suppressions AS s WHERE ${listed} AND s.phone > ?2 ORDER BY s.phone LIMIT 1 OFFSET ?3 - 1), '${AFTER_ALL}') AS upto)
             SELECT s.phone, s.source, s.reason, s.expires_at, s.created_at FROM suppressions AS s, bound
             WHERE ${listed} AND s.phone > ?2 AND s.phone <= bound.upto ORDER BY s.phone, s.source`,
          )
          .bind(workspaceId, opts.cursor ?? '', opts.limit, ...bySource),
        d1
          .prepare(
            `SELECT EXISTS (SELECT 1 FROM suppressions AS s WHERE ${listed}
               AND s.phone > coalesce((SELECT s.phone FROM suppressions AS s WHERE ${listed} AND s.phone > ?2 ORDER BY s.phone LIMIT 1 OFFSET ?3 - 1), '${AFTER_ALL}')) AS more`,
          )
          .bind(workspaceId, opts.cursor ?? '', opts.limit, ...bySource),
      ]);
      const items = (page!.results as SuppressionRow[]).map(toStored);
      const last = items[items.length - 1];
      return { items, nextCursor: (more!.results[0] as { more: number }).more && last ? last.phoneNumber : null };
    },

    /** Every entry of the generations in force (expired ones included) in (number, source) order, in pages (CSV export). */
    async *all(pageSize = PAGE_ROWS): AsyncGenerator<StoredSuppression[]> {
      let cursor: string | undefined;
      for (;;) {
        const page = await this.list({ limit: pageSize, cursor });
        if (page.items.length) yield page.items;
        if (!page.nextCursor) return;
        cursor = page.nextCursor;
      }
    },

    /**
     * The numbers in force at `at`, in number order, in pages of about `pageSize` entries; every
     * entry of a number is in the same page, so a number listed in two sources comes once. A page
     * comes back from D1 as one row (its numbers joined), not one row per number: most of the cost
     * of reading millions of numbers is per row returned.
     */
    async *activeNumbers(at: Date, pageSize = ACTIVE_PAGE_ROWS): AsyncGenerator<ActivePage> {
      const d1 = await shard();
      let after = '';
      for (;;) {
        const page = await d1
          .prepare(
            `WITH bound AS (SELECT coalesce((SELECT phone FROM suppressions WHERE workspace_id = ?1 AND phone > ?2 ORDER BY phone LIMIT 1 OFFSET ?4), '${AFTER_ALL}') AS upto),
             numbers AS (
               SELECT s.phone, max(CASE WHEN ${inForce('s', '?3')} THEN s.expires_at IS NULL END) AS permanent,
                      max(CASE WHEN ${inForce('s', '?3')} THEN s.expires_at END) AS expires
               FROM suppressions AS s, bound WHERE s.workspace_id = ?1 AND s.phone > ?2 AND s.phone <= bound.upto GROUP BY s.phone)
             SELECT (SELECT upto FROM bound) AS upto, max(phone) AS last,
               group_concat(CASE WHEN permanent = 1 THEN phone END) AS permanent,
               group_concat(CASE WHEN permanent = 0 THEN phone || ' ' || expires END) AS expiring
             FROM numbers`,
          )
          .bind(workspaceId, after, at.toISOString(), pageSize - 1)
          .first<{ upto: string; last: string | null; permanent: string | null; expiring: string | null }>();
        if (!page?.last) return;
        // E.164 numbers and ISO instants hold no comma (group_concat's separator) nor space.
        yield {
          permanent: page.permanent ? page.permanent.split(',') : [],
          expiring: page.expiring ? page.expiring.split(',').map((p) => p.split(' ') as [string, string]) : [],
        };
        if (page.upto === AFTER_ALL) return;
        after = page.last;
      }
    },

    /**
     * Which shard holds the list (its binding name) and the list's version there: together they
     * change whenever what is in force does, other than by an entry expiring.
     */
    async version(): Promise<{ shard: string; version: string }> {
      const n = await shardNo();
      const row = await shardDb(env, n).prepare('SELECT version FROM suppression_list_versions WHERE workspace_id = ?1').bind(workspaceId).first<{ version: string }>();
      return { shard: `LEADS_${n}`, version: row?.version ?? NO_LIST_VERSION };
    },

    /** Takes a number off the list (from one source, or from every source); false when it was not listed. */
    async remove(phone: string, source?: string): Promise<boolean> {
      const d1 = await shard();
      const only = source === undefined ? '' : 'AND s.source = ?3';
      const binds = source === undefined ? [workspaceId, phone] : [workspaceId, phone, source];
      const [, result, , fence] = await d1.batch([
        // The counts first, from the rows about to go (the same transaction).
        d1
          .prepare(
            `UPDATE suppression_sources AS g SET count = count - 1 WHERE g.workspace_id = ?1 AND ${NOT_FENCED}
               AND EXISTS (SELECT 1 FROM suppressions AS s WHERE s.workspace_id = ?1 AND s.phone = ?2 AND s.source = g.source AND s.generation = g.generation ${only})`,
          )
          .bind(...binds),
        d1.prepare(`DELETE FROM suppressions AS s WHERE s.workspace_id = ?1 AND s.phone = ?2 AND ${currentGeneration('s')} ${only} AND ${NOT_FENCED}`).bind(...binds),
        d1.prepare(BUMP_LIST_VERSION).bind(workspaceId),
        d1.prepare(FENCED).bind(workspaceId),
      ]);
      checkFence(workspaceId, fence!);
      return (result!.meta.changes ?? 0) > 0;
    },
  };
}

interface SuppressionRow {
  phone: string;
  source: string;
  reason: string | null;
  expires_at: string | null;
  created_at: string;
}

function toStored(r: SuppressionRow): StoredSuppression {
  return { phoneNumber: r.phone, source: r.source, reason: r.reason, expiresAt: r.expires_at, createdAt: r.created_at };
}
