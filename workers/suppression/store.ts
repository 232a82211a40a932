/**
 * The one module that reads and writes the suppression (do-not-call) list's entries. Its only
 * inputs are the environment and the workspace: the list lives on the workspace's leads shard
 * (workers/leads resolves which), next to its leads, so listings exclude listed numbers in the same
 * query and a move carries the list along. Writes check the move fence in their own transaction
 * (add-entries.ts) and set a fresh list version (list-version.ts).
 *
 * Each entry belongs to a source and a generation of it; in-force.ts says when an entry applies. A
 * workspace has at most MAX_SOURCES sources (sources-store.ts), so a lookup costs a bounded number
 * of probes.
 * list(), all() and the CSV export show the entries of each source's generation in force, expired
 * ones included (with their expiresAt); lookups and the packed form take only those in force.
 */
import type { Env } from '../env.ts';
import { shardOf } from '../leads/placement.ts';
import { shardDb } from '../leads/shards.ts';
import { FENCED, NOT_FENCED, checkFence } from '../leads/fence.ts';
import { paramGroups } from '../leads/param-groups.ts';
import { INTERNAL_SOURCE } from '../../src/lib/suppression/sources.ts';
import { notExpired, ofGenerationInForce } from './in-force.ts';
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
  /** Numbers of one source in force with no expiry. */
  permanent: string[];
  /** Numbers of one source in force until an expiry: [number, expiry]. */
  expiring: [string, string][];
}

/** Rows read per statement when walking the whole list (CSV export). */
const PAGE_ROWS = 20_000;
/** Entries per page of activeNumbers: joined in one row, at most ~42 bytes each, well under D1's 2 MB per value. */
const ACTIVE_PAGE_ROWS = 40_000;

async function database(env: Env, workspaceId: string): Promise<D1Database> {
  return shardDb(env, await shardOf(env, workspaceId));
}

/** Numbers of the workspace's list among `e164s` that apply at `at`. One primary-key probe per number and source. */
export async function suppressedAmong(env: Env, workspaceId: string, e164s: readonly string[], at: Date): Promise<Set<string>> {
  const found = new Set<string>();
  if (!e164s.length) return found;
  const d1 = await database(env, workspaceId);
  // In key order, so the probes walk the index forward (a 10M-number list's pages do not stay cached).
  for (const json of paramGroups([...new Set(e164s)].sort(), (p) => p)) {
    const { results } = await d1
      // CROSS JOIN keeps the order: each number, each source, one probe.
      .prepare(
        `SELECT DISTINCT s.phone FROM json_each(?3) AS j CROSS JOIN suppression_sources AS g CROSS JOIN suppressions AS s ON ${ofGenerationInForce('g', 's')} AND s.phone = j.value
         WHERE g.workspace_id = ?1 AND ${notExpired('s', '?2')}`,
      )
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

/** The sources of the workspace's list with their generation in force (at most MAX_SOURCES). */
async function sourcesInForce(d1: D1Database, workspaceId: string, only?: string): Promise<{ source: string; generation: number }[]> {
  const { results } = await d1
    .prepare(`SELECT source, generation FROM suppression_sources WHERE workspace_id = ?1 ${only === undefined ? '' : 'AND source = ?2'} ORDER BY source`)
    .bind(...(only === undefined ? [workspaceId] : [workspaceId, only]))
    .all<{ source: string; generation: number }>();
  return results;
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
     * With `phone`, that number's entries. Each source is read from the cursor on, `limit` + 1
     * entries at most, and the runs merged.
     */
    async list(opts: { limit: number; cursor?: string; phone?: string; source?: string }): Promise<{ items: StoredSuppression[]; nextCursor: string | null }> {
      const d1 = await shard();
      const sources = await sourcesInForce(d1, workspaceId, opts.source);
      if (!sources.length) return { items: [], nextCursor: null };
      const runs = sources.map(
        (_, i) =>
          `SELECT * FROM (SELECT s.phone, s.source, s.reason, s.expires_at, s.created_at FROM suppressions AS s
             WHERE s.workspace_id = ?1 AND s.source = ?${2 * i + 4} AND s.generation = ?${2 * i + 5} AND ${opts.phone === undefined ? 's.phone > ?2' : 's.phone = ?2'}
             ORDER BY s.phone LIMIT ?3)`,
      );
      const { results } = await d1
        .prepare(`${runs.join(' UNION ALL ')} ORDER BY 1, 2`)
        .bind(workspaceId, opts.phone ?? opts.cursor ?? '', opts.limit + 1, ...sources.flatMap((s) => [s.source, s.generation]))
        .all<SuppressionRow>();
      if (opts.phone !== undefined) return { items: results.map(toStored), nextCursor: null };
      let end = Math.min(opts.limit, results.length);
      while (end < results.length && results[end]!.phone === results[end - 1]!.phone) end++;
      const items = results.slice(0, end).map(toStored);
      return { items, nextCursor: end < results.length ? items[items.length - 1]!.phoneNumber : null };
    },

    /** Every entry of the generations in force (expired ones included) in (number, source) order, in pages (for the CSV export). */
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
     * The numbers in force at `at`, source by source, each in number order, in pages of `pageSize`
     * entries (a number listed in two sources comes in both). A page comes back from D1 as one row
     * (its numbers joined), not one row per number: most of the cost of reading millions of numbers
     * is per row returned.
     */
    async *activeNumbers(at: Date, pageSize = ACTIVE_PAGE_ROWS): AsyncGenerator<ActivePage> {
      const d1 = await shard();
      for (const { source, generation } of await sourcesInForce(d1, workspaceId)) {
        let after = '';
        for (;;) {
          const page = await d1
            .prepare(
              `SELECT count(*) AS n, max(phone) AS last,
                 group_concat(CASE WHEN expires_at IS NULL THEN phone END) AS permanent,
                 group_concat(CASE WHEN expires_at > ?4 THEN phone || ' ' || expires_at END) AS expiring
               FROM (SELECT phone, expires_at FROM suppressions WHERE workspace_id = ?1 AND source = ?2 AND generation = ?3 AND phone > ?5 ORDER BY phone LIMIT ?6)`,
            )
            .bind(workspaceId, source, generation, at.toISOString(), after, pageSize)
            .first<{ n: number; last: string | null; permanent: string | null; expiring: string | null }>();
          if (!page?.n) break;
          // E.164 numbers and ISO instants hold no comma (group_concat's separator) nor space.
          yield {
            permanent: page.permanent ? page.permanent.split(',') : [],
            expiring: page.expiring ? page.expiring.split(',').map((p) => p.split(' ') as [string, string]) : [],
          };
          if (page.n < pageSize) break;
          after = page.last!;
        }
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
      const sources = await sourcesInForce(d1, workspaceId, source);
      if (!sources.length) return false;
      const entry = 'workspace_id = ?1 AND source = ?2 AND generation = ?3 AND phone = ?4';
      const statements = sources.flatMap(({ source: name, generation }) => [
        // The count first, from the row about to go (the same transaction); both only while the generation is still in force.
        d1
          .prepare(`UPDATE suppression_sources SET count = count - 1 WHERE workspace_id = ?1 AND source = ?2 AND generation = ?3 AND ${NOT_FENCED} AND EXISTS (SELECT 1 FROM suppressions WHERE ${entry})`)
          .bind(workspaceId, name, generation, phone),
        d1.prepare(`DELETE FROM suppressions WHERE ${entry} AND ${NOT_FENCED} AND EXISTS (SELECT 1 FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2 AND generation = ?3)`).bind(workspaceId, name, generation, phone),
        d1.prepare(BUMP_LIST_VERSION).bind(workspaceId),
      ]);
      const results = await d1.batch([...statements, d1.prepare(FENCED).bind(workspaceId)]);
      checkFence(workspaceId, results[results.length - 1]!);
      return results.some((r, i) => i % 3 === 1 && (r.meta.changes ?? 0) > 0);
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
