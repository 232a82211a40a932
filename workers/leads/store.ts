/**
 * The one module that reads and writes leads. Its only inputs are the workspace and the campaign,
 * so moving a workspace's leads to a database of its own (a D1 per workspace, or SQLite in a
 * Durable Object per campaign) is a change inside this file. Rows travel to D1 as one JSON
 * parameter per statement (json_each), which keeps every statement far under D1's 100 bound
 * parameters whatever the number of rows.
 */
import type { Env } from '../env.ts';
import type { NormalizedLead, VariableValue } from '../../src/lib/types.ts';

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

/** Bytes of JSON per statement: D1 caps a bound value at 2 MB. */
const MAX_PARAM_BYTES = 1_500_000;

function database(env: Env, _workspaceId: string): D1Database {
  // Every workspace shares one D1 today; a per-workspace database is chosen here.
  return env.DB;
}

/** Splits leads into groups whose JSON (with their contacts) stays under MAX_PARAM_BYTES. */
function groupRows(rows: LeadToWrite[]): LeadToWrite[][] {
  const out: LeadToWrite[][] = [];
  let current: LeadToWrite[] = [];
  let size = 0;
  for (const r of rows) {
    const estimate = 80 + JSON.stringify(r.lead.variables).length + r.lead.secondary.reduce((n, s) => n + 80 + JSON.stringify(s.variables).length, 0);
    if (current.length && size + estimate > MAX_PARAM_BYTES) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(r);
    size += estimate;
  }
  if (current.length) out.push(current);
  return out;
}

/** Splits items into groups whose JSON stays under MAX_PARAM_BYTES. */
function groups<T>(items: T[], encode: (t: T) => unknown): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const item of items) {
    const json = JSON.stringify(encode(item));
    if (current.length && size + json.length + 1 > MAX_PARAM_BYTES) {
      out.push('[' + current.join(',') + ']');
      current = [];
      size = 2;
    }
    current.push(json);
    size += json.length + 1;
  }
  if (current.length) out.push('[' + current.join(',') + ']');
  return out;
}

export function leadsStore(env: Env, workspaceId: string, campaignId: string) {
  const d1 = database(env, workspaceId);

  return {
    /** How many leads the campaign holds. */
    async count(): Promise<number> {
      const row = await d1
        .prepare('SELECT count(*) AS n FROM leads WHERE campaign_id = ?1 AND workspace_id = ?2')
        .bind(campaignId, workspaceId)
        .first<{ n: number }>();
      return row?.n ?? 0;
    },

    /** Which of these E.164 numbers the campaign already has. */
    async existing(phones: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (const json of groups(phones, (p) => p)) {
        const { results } = await d1
          // CROSS JOIN keeps json_each as the outer loop: one index probe per number, never a scan per number.
          .prepare('SELECT l.phone FROM json_each(?2) AS j CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = j.value')
          .bind(campaignId, json)
          .all<{ phone: string }>();
        for (const r of results) found.add(r.phone);
      }
      return found;
    },

    /**
     * Writes leads and their secondary contacts in one transaction per group. A number the campaign
     * already holds is left alone (the unique index decides races); rows this import had already
     * written (a redelivered chunk) count as written. Returns the data rows that are now leads of
     * this import.
     */
    async insert(importId: string, rows: LeadToWrite[], createdAt: string): Promise<Set<number>> {
      const written = new Set<number>();
      for (const group of groupRows(rows)) {
        const leadJson = JSON.stringify(
          group.map(({ row, lead }) => [lead.e164, lead.country ?? null, lead.type ?? null, JSON.stringify(lead.variables), row]),
        );
        const contacts = group.flatMap(({ lead }) =>
          lead.secondary.map((s) => [lead.e164, s.position, s.e164, s.country ?? null, s.type ?? null, JSON.stringify(s.variables)]),
        );
        const stmts = [
          d1
            .prepare(
              `INSERT INTO leads (workspace_id, campaign_id, phone, phone_country, phone_type, variables, import_id, source_row, created_at)
               SELECT ?1, ?2, j.value->>0, j.value->>1, j.value->>2, j.value->>3, ?3, j.value->>4, ?4
               FROM json_each(?5) AS j WHERE true
               ON CONFLICT (campaign_id, phone) DO NOTHING
               RETURNING source_row AS row`,
            )
            .bind(workspaceId, campaignId, importId, createdAt, leadJson),
        ];
        if (contacts.length) {
          stmts.push(
            d1
              .prepare(
                `INSERT INTO secondary_contacts (lead_id, position, phone, phone_country, phone_type, variables)
                 SELECT l.id, c.value->>1, c.value->>2, c.value->>3, c.value->>4, c.value->>5
                 FROM json_each(?3) AS c CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = c.value->>0 AND l.import_id = ?2
                 WHERE true
                 ON CONFLICT (lead_id, position) DO NOTHING`,
              )
              .bind(campaignId, importId, JSON.stringify(contacts)),
          );
        }
        const [inserted] = await d1.batch<{ row: number }>(stmts);
        for (const r of inserted!.results) written.add(r.row);
        // Rows not inserted now are another import's number, or ours from an earlier delivery of
        // this chunk (the same import id): only those few are looked up.
        const missing = group.filter((g) => !written.has(g.row)).map((g) => g.lead.e164);
        if (missing.length) {
          const { results } = await d1
            .prepare(
              `SELECT l.source_row AS row FROM json_each(?3) AS j CROSS JOIN leads AS l
               ON l.campaign_id = ?1 AND l.phone = j.value WHERE l.import_id = ?2`,
            )
            .bind(campaignId, importId, JSON.stringify(missing))
            .all<{ row: number }>();
          for (const r of results) written.add(r.row);
        }
      }
      return written;
    },

    /** One page of leads, newest id last, with secondary contacts in call order. */
    async list(limit: number, cursor?: number): Promise<{ items: StoredLead[]; nextCursor: string | null }> {
      const { results } = await d1
        .prepare(
          `SELECT id, phone, phone_country, phone_type, variables, import_id, created_at FROM leads
           WHERE campaign_id = ?1 AND workspace_id = ?2 AND id > ?3 ORDER BY id LIMIT ?4`,
        )
        .bind(campaignId, workspaceId, cursor ?? 0, limit + 1)
        .all<LeadRow>();
      const page = results.slice(0, limit);
      const items = await withContacts(d1, page);
      return { items, nextCursor: results.length > limit ? String(page[page.length - 1]!.id) : null };
    },

    /** Every lead one import wrote, in file order, in pages (for leads.csv). */
    async *byImport(importId: string, pageSize = 1000): AsyncGenerator<StoredLead[]> {
      let after = 0;
      for (;;) {
        const { results } = await d1
          .prepare(
            `SELECT id, phone, phone_country, phone_type, variables, import_id, created_at FROM leads
             WHERE campaign_id = ?1 AND workspace_id = ?2 AND import_id = ?3 AND id > ?4 ORDER BY id LIMIT ?5`,
          )
          .bind(campaignId, workspaceId, importId, after, pageSize)
          .all<LeadRow>();
        if (!results.length) return;
        yield await withContacts(d1, results);
        after = results[results.length - 1]!.id;
      }
    },
  };
}

/** Lead counts of several campaigns of one workspace. */
export async function leadCounts(env: Env, workspaceId: string, campaignIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!campaignIds.length) return counts;
  const { results } = await database(env, workspaceId)
    .prepare(
      `SELECT campaign_id, count(*) AS n FROM leads
       WHERE campaign_id IN (SELECT value FROM json_each(?1)) AND workspace_id = ?2 GROUP BY campaign_id`,
    )
    .bind(JSON.stringify(campaignIds), workspaceId)
    .all<{ campaign_id: string; n: number }>();
  for (const r of results) counts.set(r.campaign_id, r.n);
  return counts;
}

interface LeadRow {
  id: number;
  phone: string;
  phone_country: string | null;
  phone_type: string | null;
  variables: string;
  import_id: string | null;
  created_at: string;
}

async function withContacts(d1: D1Database, rows: LeadRow[]): Promise<StoredLead[]> {
  const byLead = new Map<number, StoredLead['secondaryContacts']>();
  if (rows.length) {
    const { results } = await d1
      .prepare(
        `SELECT lead_id, phone, phone_country, phone_type, variables FROM secondary_contacts
         WHERE lead_id IN (SELECT value FROM json_each(?1)) ORDER BY lead_id, position`,
      )
      .bind(JSON.stringify(rows.map((r) => r.id)))
      .all<{ lead_id: number; phone: string; phone_country: string | null; phone_type: string | null; variables: string }>();
    for (const c of results) {
      let list = byLead.get(c.lead_id);
      if (!list) byLead.set(c.lead_id, (list = []));
      list.push({ phoneNumber: c.phone, phoneCountry: c.phone_country, phoneType: c.phone_type, variables: JSON.parse(c.variables) });
    }
  }
  return rows.map((r) => ({
    id: String(r.id),
    phoneNumber: r.phone,
    phoneCountry: r.phone_country,
    phoneType: r.phone_type,
    variables: JSON.parse(r.variables),
    secondaryContacts: byLead.get(r.id) ?? [],
    importId: r.import_id,
    createdAt: r.created_at,
  }));
}
