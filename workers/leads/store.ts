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
import { workspaceDb } from './placement.ts';
import { FENCED, NOT_FENCED, checkFence } from './fence.ts';
import { ZONE_DATA_VERSION, zoneSetIdOf, zonesOfSet } from '../../src/lib/calling/time-zones.ts';

/** What every stored number carries next to its E.164 form. */
export interface StoredPhoneFields {
  phoneCountry: string | null;
  phoneType: string | null;
  /** Every candidate IANA zone of the number (empty only for non-geographic numbers). */
  phoneTimeZones: readonly string[];
  phoneExtension: string | null;
}

export interface StoredContact extends StoredPhoneFields {
  phoneNumber: string;
  variables: Record<string, VariableValue>;
}

export interface StoredLead extends StoredPhoneFields {
  id: string;
  phoneNumber: string;
  /** The zone-set id of the primary number (NO_ZONE_SET when it has no zone), for callability. */
  phoneZoneSet: number;
  variables: Record<string, VariableValue>;
  secondaryContacts: StoredContact[];
  importId: string | null;
  createdAt: string;
}

/** A lead to write, with the data row it came from. */
export interface LeadToWrite {
  row: number;
  lead: NormalizedLead;
}

const database = workspaceDb;

/** Adds the previous statement's changed rows (`changes()`, same batch) to a campaign's counter; ?3 is +1 or -1. */
export const COUNTER_ADD_CHANGES = `INSERT INTO campaign_counters (workspace_id, campaign_id, leads) VALUES (?1, ?2, ?3 * changes())
  ON CONFLICT (workspace_id, campaign_id) DO UPDATE SET leads = leads + excluded.leads`;
/** Records which zone data the shard's zone-set ids refer to (the first writer sets it). */
const ZONE_VERSION_META = `INSERT INTO shard_meta (key, value) VALUES ('zone_data_version', ?1) ON CONFLICT (key) DO NOTHING`;
const READ_ZONE_VERSION = `SELECT value FROM shard_meta WHERE key = 'zone_data_version'`;

/** One secondary contact as stored in the lead's JSON. */
interface EncodedContact {
  phoneNumber: string;
  phoneCountry: string | null;
  phoneType: string | null;
  phoneExtension?: string | null;
  phoneZoneSet?: number;
  variables: Record<string, VariableValue>;
}

/** One lead as the insert statement reads it: [phone, country, type, extension, zone set, variables, contacts, row]. */
function encodeLead(row: number, lead: NormalizedLead): unknown[] {
  const contacts: EncodedContact[] = lead.secondary.map((s) => ({
    phoneNumber: s.e164,
    phoneCountry: s.country ?? null,
    phoneType: s.type ?? null,
    phoneExtension: s.extension ?? null,
    phoneZoneSet: zoneSetIdOf(s.e164, s.country ?? null),
    variables: s.variables,
  }));
  return [
    lead.e164,
    lead.country ?? null,
    lead.type ?? null,
    lead.extension ?? null,
    zoneSetIdOf(lead.e164, lead.country ?? null),
    JSON.stringify(lead.variables),
    JSON.stringify(contacts),
    row,
  ];
}

const LEAD_SELECT = 'l.id, l.phone, l.phone_country, l.phone_type, l.phone_extension, l.phone_zone_set, l.variables, l.secondary_contacts, l.import_id, l.created_at';

/** Whether the shard's stored zone-set ids belong to this build's zone data (else zones are recomputed from the numbers). */
function zoneIdsCurrent(meta: D1Result<unknown>): boolean {
  const row = meta.results[0] as { value?: string } | undefined;
  return row?.value === ZONE_DATA_VERSION;
}

/** A campaign's suppression condition on lead alias `l`: its primary number is listed and in force at ?at. */
const notSuppressed = (workspaceParam: string, atParam: string, alias = 'l') =>
  `NOT EXISTS (SELECT 1 FROM suppressions AS s WHERE s.workspace_id = ${workspaceParam} AND s.phone = ${alias}.phone
     AND (s.expires_at IS NULL OR s.expires_at > ${atParam}))`;

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
        const [inserted, , , fence] = await d1.batch([
          d1
            .prepare(
              `INSERT INTO leads (workspace_id, campaign_id, phone, phone_country, phone_type, phone_extension, phone_zone_set, variables, secondary_contacts, import_id, source_row, created_at)
               SELECT ?1, ?2, j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4, j.value->>5, j.value->>6, ?3, j.value->>7, ?4
               FROM json_each(?5) AS j WHERE ${NOT_FENCED}
               ON CONFLICT (campaign_id, phone) DO NOTHING
               RETURNING source_row AS row`,
            )
            .bind(workspaceId, campaignId, importId, createdAt, leadJson),
          d1.prepare(COUNTER_ADD_CHANGES).bind(workspaceId, campaignId, 1),
          d1.prepare(ZONE_VERSION_META).bind(ZONE_DATA_VERSION),
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
      const d1 = await shard();
      const [meta, page] = await d1.batch([
        d1.prepare(READ_ZONE_VERSION),
        d1
          .prepare(`SELECT ${LEAD_SELECT} FROM leads AS l WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.id > ?3 ORDER BY l.id LIMIT ?4`)
          .bind(campaignId, workspaceId, cursor ?? 0, limit + 1),
      ]);
      return toPage(page!.results as LeadRow[], limit, zoneIdsCurrent(meta!));
    },

    /**
     * One page (id order) of the leads whose primary number is in one of `zoneSets` and is not on
     * the workspace's suppression list in force at `at`. Per allowed zone set the index
     * (campaign_id, phone_zone_set, id) yields at most limit + 1 ids after the cursor, and those
     * are merged: the cost is bounded by the number of allowed sets times the page, whatever the
     * campaign's size. Zone-set ids are only trusted when they belong to this build's zone data;
     * the caller re-checks every lead (fail closed).
     */
    async listInZoneSets(
      zoneSets: readonly number[],
      at: Date,
      limit: number,
      cursor?: number,
    ): Promise<{ items: StoredLead[]; nextCursor: string | null }> {
      if (!zoneSets.length) return { items: [], nextCursor: null };
      const d1 = await shard();
      const [meta, page] = await d1.batch([
        d1.prepare(READ_ZONE_VERSION),
        d1
          .prepare(
            // json_each drives; per set, a correlated IN picks the first ids of that set from the index.
            `SELECT ${LEAD_SELECT} FROM json_each(?5) AS j CROSS JOIN leads AS l ON l.id IN (
               SELECT i.id FROM leads AS i
               WHERE i.campaign_id = ?1 AND i.phone_zone_set = j.value AND i.id > ?3 AND i.workspace_id = ?2
                 AND ${notSuppressed('?2', '?6', 'i')}
               ORDER BY i.id LIMIT ?4)
             ORDER BY l.id LIMIT ?4`,
          )
          .bind(campaignId, workspaceId, cursor ?? 0, limit + 1, JSON.stringify(zoneSets), at.toISOString()),
      ]);
      return toPage(page!.results as LeadRow[], limit, zoneIdsCurrent(meta!));
    },

    /**
     * The same page by a scan of the campaign in id order, filtering on the zone set: cheap when
     * most leads are allowed, a scan of the whole campaign when few are. Kept for the benchmark's
     * comparison (bench/callable.ts); listings use listInZoneSets.
     */
    async listInZoneSetsByScan(
      zoneSets: readonly number[],
      at: Date,
      limit: number,
      cursor?: number,
    ): Promise<{ items: StoredLead[]; nextCursor: string | null }> {
      const d1 = await shard();
      const [meta, page] = await d1.batch([
        d1.prepare(READ_ZONE_VERSION),
        d1
          .prepare(
            `SELECT ${LEAD_SELECT} FROM leads AS l INDEXED BY leads_campaign
             WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.id > ?3
               AND l.phone_zone_set IN (SELECT value FROM json_each(?5)) AND ${notSuppressed('?2', '?6')}
             ORDER BY l.id LIMIT ?4`,
          )
          .bind(campaignId, workspaceId, cursor ?? 0, limit + 1, JSON.stringify(zoneSets), at.toISOString()),
      ]);
      return toPage(page!.results as LeadRow[], limit, zoneIdsCurrent(meta!));
    },

    /**
     * How many of the campaign's leads hold each zone set, leaving out leads whose number is on
     * the workspace's suppression list in force at `at` (they are never callable). One GROUP BY
     * over the (campaign_id, phone_zone_set) index, less a count driven by the list (an index
     * probe per listed number). Stale zone-set ids (older zone data) are answered by the zones of
     * one number of the set: close, not exact, until the shard's ids are current again.
     */
    async zoneSetCounts(at: Date = new Date()): Promise<{ zones: string[]; count: number }[]> {
      const d1 = await shard();
      const [meta, all, listed] = await d1.batch([
        d1.prepare(READ_ZONE_VERSION),
        d1
          .prepare(
            `SELECT phone_zone_set AS zs, count(*) AS n, min(phone) AS phone, min(phone_country) AS country
             FROM leads INDEXED BY leads_campaign_zone_set WHERE campaign_id = ?1 AND workspace_id = ?2 GROUP BY phone_zone_set`,
          )
          .bind(campaignId, workspaceId),
        d1
          .prepare(
            `SELECT l.phone_zone_set AS zs, count(*) AS n FROM suppressions AS s
             JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = s.phone
             WHERE s.workspace_id = ?2 AND l.workspace_id = ?2 AND (s.expires_at IS NULL OR s.expires_at > ?3) GROUP BY l.phone_zone_set`,
          )
          .bind(campaignId, workspaceId, at.toISOString()),
      ]);
      const current = zoneIdsCurrent(meta!);
      const suppressedIn = new Map((listed!.results as { zs: number | null; n: number }[]).map((r) => [r.zs, r.n]));
      const byZones = new Map<string, { zones: string[]; count: number }>();
      for (const r of all!.results as { zs: number | null; n: number; phone: string; country: string | null }[]) {
        const count = r.n - (suppressedIn.get(r.zs) ?? 0);
        if (count <= 0) continue;
        const zones = zonesOfSet(zoneSetOf(r.zs, current, r.phone, r.country));
        const key = zones.join(' ');
        const entry = byZones.get(key);
        if (entry) entry.count += count;
        else byZones.set(key, { zones: [...zones], count });
      }
      return [...byZones.values()].sort((a, b) => b.count - a.count);
    },

    /** Every lead one import wrote, in file order, in pages (for leads.csv). */
    async *byImport(importId: string, pageSize = 1000): AsyncGenerator<StoredLead[]> {
      const d1 = await shard();
      let after = 0;
      for (;;) {
        const { results } = await d1
          .prepare(
            `SELECT ${LEAD_SELECT} FROM leads AS l
             WHERE l.campaign_id = ?1 AND l.workspace_id = ?2 AND l.import_id = ?3 AND l.id > ?4 ORDER BY l.id LIMIT ?5`,
          )
          .bind(campaignId, workspaceId, importId, after, pageSize)
          .all<LeadRow>();
        if (!results.length) return;
        // leads.csv shows no zones: the ids need not be checked against the zone data.
        yield results.map((r) => toStoredLead(r, false));
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
  phone_extension: string | null;
  phone_zone_set: number | null;
  variables: string;
  secondary_contacts: string;
  import_id: string | null;
  created_at: string;
}

function toPage(results: LeadRow[], limit: number, idsCurrent: boolean): { items: StoredLead[]; nextCursor: string | null } {
  const page = results.slice(0, limit);
  return { items: page.map((r) => toStoredLead(r, idsCurrent)), nextCursor: results.length > limit ? String(page[page.length - 1]!.id) : null };
}

/** A stored zone-set id when it refers to this build's zone data, else the number's set computed again (~200 ns). */
function zoneSetOf(stored: number | null | undefined, idsCurrent: boolean, phone: string, country: string | null): number {
  return idsCurrent && typeof stored === 'number' ? stored : zoneSetIdOf(phone, country);
}

function toStoredLead(r: LeadRow, idsCurrent: boolean): StoredLead {
  const zoneSet = zoneSetOf(r.phone_zone_set, idsCurrent, r.phone, r.phone_country);
  const contacts = JSON.parse(r.secondary_contacts) as EncodedContact[];
  return {
    id: String(r.id),
    phoneNumber: r.phone,
    phoneCountry: r.phone_country,
    phoneType: r.phone_type,
    phoneTimeZones: zonesOfSet(zoneSet),
    phoneExtension: r.phone_extension,
    phoneZoneSet: zoneSet,
    variables: JSON.parse(r.variables),
    secondaryContacts: contacts.map((c) => ({
      phoneNumber: c.phoneNumber,
      phoneCountry: c.phoneCountry,
      phoneType: c.phoneType,
      phoneTimeZones: zonesOfSet(zoneSetOf(c.phoneZoneSet, idsCurrent, c.phoneNumber, c.phoneCountry)),
      phoneExtension: c.phoneExtension ?? null,
      variables: c.variables,
    })),
    importId: r.import_id,
    createdAt: r.created_at,
  };
}
