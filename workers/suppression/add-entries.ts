/**
 * Writes entries to one source of a workspace's list, in one transaction (one D1 batch) fenced
 * against a workspace move. Numbers travel as one JSON parameter per statement (json_each drives:
 * one primary-key probe per number), each under D1's 2 MB per bound value.
 *
 * - To the generation in force (`add`): an expired entry listed again is put back in force (deleted
 *   and inserted anew), a new number is inserted, and the source's count and the list's version
 *   change with them.
 * - To a replace's generation (`replace`): inserted only while that generation is still the
 *   source's pending one (a newer replace supersedes it), counted in its pending count; nothing in
 *   force changes until the replace flips (sources-store.ts).
 *
 * Repeats in `entries` count once, the first one wins.
 */
import { FENCED, NOT_FENCED, checkFence } from '../leads/fence.ts';
import { paramGroups } from '../leads/param-groups.ts';
import { BUMP_LIST_VERSION } from './list-version.ts';
import type { SuppressionEntry } from './store.ts';

/** Where entries go: the generation in force, or a replace's generation being written. */
export type WriteTarget = { kind: 'current' } | { kind: 'pending'; generation: number };

export interface AddOutcome {
  /** Entries newly in force (or, for a replace, newly in its generation). */
  added: number;
  /** Distinct numbers among the entries. */
  distinct: number;
}

/**
 * The numbers (?6) to look for expired entries among, or none when no entry of the source's
 * generation in force was ever written with an expiry: a registry file then costs no second probe
 * per number. Read in the write's own transaction, so never stale.
 */
const ONLY_IF_EXPIRING = `CASE WHEN (SELECT has_expiring FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2) THEN ?6 ELSE '[]' END`;

/** The source's row, so counts and generations have somewhere to live (fenced like the writes). */
const ENSURE_SOURCE = `INSERT INTO suppression_sources (workspace_id, source, updated_at)
  SELECT ?1, ?2, ?3 WHERE ${NOT_FENCED} ON CONFLICT DO NOTHING`;

export async function addEntries(
  d1: D1Database,
  workspaceId: string,
  source: string,
  entries: readonly SuppressionEntry[],
  now: Date,
  target: WriteTarget = { kind: 'current' },
): Promise<AddOutcome> {
  const distinct = distinctEntries(entries);
  if (!distinct.length) return { added: 0, distinct: 0 };
  const nowText = now.toISOString();
  const first = distinct[0]!;
  // The common case (a JSON request, a registry file): one reason and expiry for all, numbers only.
  const uniform = distinct.every((e) => e.reason === first.reason && e.expiresAt === first.expiresAt);
  const groups = uniform ? paramGroups(distinct, (e) => e.phone) : paramGroups(distinct, (e) => [e.phone, e.reason, e.expiresAt]);
  const phone = uniform ? 'j.value' : 'j.value->>0';
  const reason = uniform ? '?4' : 'j.value->>1';
  const expires = uniform ? '?5' : 'j.value->>2';
  const bind = (s: D1PreparedStatement, json: string, generation?: number) =>
    generation === undefined ? s.bind(workspaceId, source, nowText, first.reason, first.expiresAt, json) : s.bind(workspaceId, source, nowText, first.reason, first.expiresAt, json, generation);
  const bump = () => d1.prepare(BUMP_LIST_VERSION).bind(workspaceId);

  const statements: D1PreparedStatement[] = [d1.prepare(ENSURE_SOURCE).bind(workspaceId, source, nowText)];
  /** Indexes of the statements whose changes are entries added. */
  const counted: number[] = [];
  for (const json of groups) {
    if (target.kind === 'current') {
      // An expired entry listed again (by an entry in force) is put back in force: deleted here and
      // inserted anew below, so it counts as added. Numbers drive the delete: one probe each.
      statements.push(
        bind(
          d1.prepare(
            `DELETE FROM suppressions AS s
             WHERE s.workspace_id = ?1 AND s.source = ?2 AND s.generation = (SELECT generation FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2)
               AND s.phone IN (SELECT ${phone} FROM json_each(${ONLY_IF_EXPIRING}) AS j WHERE ${expires} IS NULL OR ${expires} > ?3)
               AND s.expires_at IS NOT NULL AND s.expires_at <= ?3 AND ${NOT_FENCED}`,
          ),
          json,
        ),
        // changes() is the statement's just before: the rows deleted.
        d1.prepare('UPDATE suppression_sources SET count = count - changes() WHERE workspace_id = ?1 AND source = ?2 AND changes() > 0').bind(workspaceId, source),
      );
      counted.push(statements.length);
      statements.push(
        bind(
          d1.prepare(
            `INSERT INTO suppressions (workspace_id, phone, source, generation, reason, expires_at, created_at)
             SELECT ?1, ${phone}, ?2, g.generation, ${reason}, ${expires}, ?3
             FROM json_each(?6) AS j JOIN suppression_sources AS g ON g.workspace_id = ?1 AND g.source = ?2
             WHERE ${NOT_FENCED} ON CONFLICT DO NOTHING`,
          ),
          json,
        ),
        // The insert's new rows, then whether the count moved: the version changes with the list.
        d1.prepare('UPDATE suppression_sources SET count = count + changes(), updated_at = ?3 WHERE workspace_id = ?1 AND source = ?2 AND changes() > 0').bind(workspaceId, source, nowText),
        bump(),
      );
    } else {
      counted.push(statements.length);
      statements.push(
        bind(
          d1.prepare(
            `INSERT INTO suppressions (workspace_id, phone, source, generation, reason, expires_at, created_at)
             SELECT ?1, ${phone}, ?2, ?7, ${reason}, ${expires}, ?3 FROM json_each(?6) AS j
             WHERE ${NOT_FENCED} AND EXISTS (SELECT 1 FROM suppression_sources WHERE workspace_id = ?1 AND source = ?2 AND pending_generation = ?7)
             ON CONFLICT DO NOTHING`,
          ),
          json,
          target.generation,
        ),
        d1
          .prepare('UPDATE suppression_sources SET pending_count = pending_count + changes() WHERE workspace_id = ?1 AND source = ?2 AND pending_generation = ?3 AND changes() > 0')
          .bind(workspaceId, source, target.generation),
      );
    }
  }
  if (distinct.some((e) => e.expiresAt !== null)) {
    statements.push(
      target.kind === 'current'
        ? d1.prepare('UPDATE suppression_sources SET has_expiring = 1 WHERE workspace_id = ?1 AND source = ?2').bind(workspaceId, source)
        : d1.prepare('UPDATE suppression_sources SET pending_has_expiring = 1 WHERE workspace_id = ?1 AND source = ?2 AND pending_generation = ?3').bind(workspaceId, source, target.generation),
    );
  }
  statements.push(d1.prepare(FENCED).bind(workspaceId));
  const results = await d1.batch(statements);
  checkFence(workspaceId, results[results.length - 1]!);
  let added = 0;
  for (const i of counted) added += results[i]!.meta.changes ?? 0;
  return { added, distinct: distinct.length };
}

function distinctEntries(entries: readonly SuppressionEntry[]): SuppressionEntry[] {
  const seen = new Set<string>();
  const out: SuppressionEntry[] = [];
  for (const e of entries) {
    if (seen.has(e.phone)) continue;
    seen.add(e.phone);
    out.push(e);
  }
  return out;
}
