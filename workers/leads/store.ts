/**
 * The one module that reads and writes leads. Its only inputs are the workspace and the campaign:
 * which database of the pool holds them (placement.ts) is decided here, so callers never see the
 * shards. Every write changes the campaign's counter in the same batch (one transaction) and is
 * refused, in that same transaction, when the workspace is fenced off by a move. Rows travel to D1 as one JSON
 * parameter per statement (json_each), which keeps every statement far under D1's 100 bound
 * parameters whatever the number of rows; json_each always drives the joins (CROSS JOIN), so each
 * row costs one index probe.
 */
import type { Env } from '../env.ts';
import type { NormalizedLead, VariableValue } from '../../src/lib/types.ts';
import { paramGroups as groups } from './param-groups.ts';
import { shardOf, forgetPlacement } from './placement.ts';
import { shardDb } from './shards.ts';
import { WorkspaceMovingError } from './errors.ts';

export interface StoredLead {
  id: string;
  phoneNumber: string;
  phoneCountry: string | null;
  phoneType: string | null;
  variables: Record<string, VariableValue>;
  secondaryContacts: { phoneNumber: string; phoneCountry: string | null; phoneType: string | null; variables: Record<string, VariableValue> }[];
  importId: string | null;
  createdAt: string;
}

/** A lead to write, with the data row it came from. */
export interface LeadToWrite {
  row: number;
  lead: NormalizedLead;
}

async function database(env: Env, workspaceId: string): Promise<D1Database> {
  return shardDb(env, await shardOf(env, workspaceId));
}

/** Adds the previous statement's changed rows (`changes()`, same batch) to a campaign's counter; ?3 is +1 or -1. */
export const COUNTER_ADD_CHANGES = `INSERT INTO campaign_counters (workspace_id, campaign_id, leads) VALUES (?1, ?2, ?3 * changes())
  ON CONFLICT (workspace_id, campaign_id) DO UPDATE SET leads = leads + excluded.leads`;
export const NOT_FENCED = 'NOT EXISTS (SELECT 1 FROM workspace_fences WHERE workspace_id = ?1)';
export const FENCED = 'SELECT EXISTS (SELECT 1 FROM workspace_fences WHERE workspace_id = ?1) AS fenced';

/** Throws (and forgets the cached placement) when a write batch found the workspace fenced: it wrote nothing. */
export function checkFence(workspaceId: string, result: D1Result<unknown>): void {
  if ((result.results[0] as { fenced?: number } | undefined)?.fenced) {
    forgetPlacement(workspaceId);
    throw new WorkspaceMovingError();
  }
}

/** One lead as the insert statement reads it: [phone, country, type, variables, contacts, row]. */
export function encodeLead(row: number, lead: NormalizedLead): unknown[] {
  const contacts = lead.secondary.map((s) => ({ phoneNumber: s.e164, phoneCountry: s.country ?? null, phoneType: s.type ?? null, variables: s.variables }));
  return [lead.e164, lead.country ?? null, lead.type ?? null, JSON.stringify(lead.variables), JSON.stringify(contacts), row];
}

export function leadsStore(env: Env, workspaceId: string, campaignId: string) {
  let resolved: Promise<D1Database> | undefined;
  const shard = () => (resolved ??= database(env, workspaceId));

  return {
    /** How many leads the campaign holds (its counter, not a count of rows). */
    async count(): Promise<number> {
      const row = await (await shard())
        .prepare('SELECT leads AS n FROM campaign_counters WHERE workspace_id = ?1 AND campaign_id = ?2')
        .bind(workspaceId, campaignId)
        .first<{ n: number }>();
      return row?.n ?? 0;
    },

    /** Which of these E.164 numbers the campaign already has from other imports than `exceptImportId`. */
    async existing(phones: string[], exceptImportId: string | null = null): Promise<Set<string>> {
      const d1 = await shard();
      const found = new Set<string>();
      for (const json of groups(phones, (p) => p)) {
        const { results } = await d1
          // CROSS JOIN keeps json_each as the outer loop: one index probe per number, never a scan per number.
          .prepare('SELECT l.phone FROM json_each(?2) AS j CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = j.value WHERE l.import_id IS NOT ?3')
          .bind(campaignId, json, exceptImportId)
          .all<{ phone: string }>();
        for (const r of results) found.add(r.phone);
      }
      return found;
    },

    /**
     * Writes leads with their secondary contacts, one statement (one transaction) per group. A number the campaign
     * already holds is left alone (the unique index decides races); rows this import had already
     * written (a redelivered chunk) count as written. Returns the data rows that are now leads of
     * this import.
     */
    async insert(importId: string, rows: LeadToWrite[], createdAt: string): Promise<Set<number>> {
      const d1 = await shard();
      const written = new Set<number>();
      for (const leadJson of groups(rows, ({ row, lead }) => encodeLead(row, lead))) {
        const [inserted, , fence] = await d1.batch([
          d1
            .prepare(
              `INSERT INTO leads (workspace_id, campaign_id, phone, phone_country, phone_type, variables, secondary_contacts, import_id, source_row, created_at)
               SELECT ?1, ?2, j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4, ?3, j.value->>5, ?4
               FROM json_each(?5) AS j WHERE ${NOT_FENCED}
               ON CONFLICT (campaign_id, phone) DO NOTHING
               RETURNING source_row AS row`,
            )
            .bind(workspaceId, campaignId, importId, createdAt, leadJson),
          d1.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, 1),
          d1.prepare(FENCED).bind(workspaceId),
        ]);
        checkFence(workspaceId, fence!);
        for (const r of inserted!.results as { row: number }[]) written.add(r.row);
      }
      // Rows not inserted now are another import's number, or ours from an earlier delivery of
      // this chunk (the same import id): only those few are looked up.
      const missing = rows.filter((r) => !written.has(r.row)).map((r) => r.lead.e164);
      for (const json of groups(missing, (p) => p)) {
        const { results } = await d1
          .prepare(
            `SELECT l.source_row AS row FROM json_each(?3) AS j CROSS JOIN leads AS l
             ON l.campaign_id = ?1 AND l.phone = j.value WHERE l.import_id = ?2`,
          )
          .bind(campaignId, importId, json)
          .all<{ row: number }>();
        for (const r of results) written.add(r.row);
      }
      return written;
    },

    /**
     * Deletes the leads this import wrote for these numbers (a rollback); another import's lead with
     * the same number stays. Returns how many were deleted.
     */
    async remove(importId: string, phones: string[]): Promise<number> {
      const d1 = await shard();
      let deleted = 0;
      for (const json of groups(phones, (p) => p)) {
        const [result, , fence] = await d1.batch([
          d1
            .prepare(`DELETE FROM leads WHERE campaign_id = ?2 AND import_id = ?3 AND phone IN (SELECT value FROM json_each(?4)) AND ${NOT_FENCED}`)
            .bind(workspaceId, campaignId, importId, json),
          d1.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, -1),
          d1.prepare(FENCED).bind(workspaceId),
        ]);
        checkFence(workspaceId, fence!);
        deleted += result!.meta.changes ?? 0;
      }
      return deleted;
    },

    /** The most secondary contacts any lead of this import has (the width of leads.csv). */
    async maxContacts(importId: string): Promise<number> {
      const row = await (await shard())
        .prepare(
          `SELECT coalesce(max(json_array_length(secondary_contacts)), 0) AS n FROM leads
           WHERE campaign_id = ?1 AND workspace_id = ?2 AND import_id = ?3`,
        )
        .bind(campaignId, workspaceId, importId)
        .first<{ n: number }>();
      return row?.n ?? 0;
    },

    /** One page of leads, newest id last, with secondary contacts in call order. */
    async list(limit: number, cursor?: number): Promise<{ items: StoredLead[]; nextCursor: string | null }> {
      const { results } = await (await shard())
        .prepare(
          `SELECT id, phone, phone_country, phone_type, variables, secondary_contacts, import_id, created_at FROM leads
           WHERE campaign_id = ?1 AND workspace_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4`,
        )
        .bind(campaignId, workspaceId, cursor ?? 0, limit + 1)
        .all<LeadRow>();
      const page = results.slice(0, limit);
      const items = page.map(toStoredLead);
      return { items, nextCursor: results.length > limit ? String(page[page.length - 1]!.id) : null };
    },

    /** Every lead one import wrote, in file order, in pages (for leads.csv). */
    async *byImport(importId: string, pageSize = 1000): AsyncGenerator<StoredLead[]> {
      const d1 = await shard();
      let after = 0;
      for (;;) {
        const { results } = await d1
          .prepare(
            `SELECT id, phone, phone_country, phone_type, variables, secondary_contacts, import_id, created_at FROM leads
             WHERE campaign_id = ?1 AND workspace_id = ?2 AND import_id = ?3 AND id > ?4 ORDER BY id LIMIT ?5`,
          )
          .bind(campaignId, workspaceId, importId, after, pageSize)
          .all<LeadRow>();
        if (!results.length) return;
        yield results.map(toStoredLead);
        after = results[results.length - 1]!.id;
      }
    },
  };
}

/** Lead counts of several campaigns of one workspace: one read of the workspace's counters on its shard. */
export async function leadCounts(env: Env, workspaceId: string, campaignIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!campaignIds.length) return counts;
  const wanted = new Set(campaignIds);
  const { results } = await (await database(env, workspaceId))
    .prepare('SELECT campaign_id, leads AS n FROM campaign_counters WHERE workspace_id = ?1')
    .bind(workspaceId)
    .all<{ campaign_id: string; n: number }>();
  for (const r of results) if (wanted.has(r.campaign_id)) counts.set(r.campaign_id, r.n);
  return counts;
}

interface LeadRow {
  id: number;
  phone: string;
  phone_country: string | null;
  phone_type: string | null;
  variables: string;
  secondary_contacts: string;
  import_id: string | null;
  created_at: string;
}

function toStoredLead(r: LeadRow): StoredLead {
  return {
    id: String(r.id),
    phoneNumber: r.phone,
    phoneCountry: r.phone_country,
    phoneType: r.phone_type,
    variables: JSON.parse(r.variables),
    secondaryContacts: JSON.parse(r.secondary_contacts),
    importId: r.import_id,
    createdAt: r.created_at,
  };
}
