/**
 * Writes a chunk's leads under the `update` or `fill` policy: new numbers are inserted (store.ts),
 * numbers the campaign already has are merged into their lead (merge-lead.ts) and applied exactly
 * once per import with a record of the lead's previous values (changes.ts). A merge that changes
 * nothing writes nothing (no update, no change record: undo has nothing to restore) and the row is
 * counted unchanged. Whatever the delivery (first, redelivered, after a crash between write and
 * record), the answer is the same: which rows created a lead, which updated one, which left it as it was.
 */
import type { Env } from '../env.ts';
import type { NormalizedLead, VariableValue } from '../../src/lib/types.ts';
import { paramGroups } from './param-groups.ts';
import { encodeContacts, leadsStore } from './leads-store.ts';
import { applyUpdates, type LeadUpdate } from './changes.ts';
import { workspaceDb } from './placement.ts';
import { changesNothing, mergeLead, type MergePolicy } from './merge-lead.ts';
import { fieldsOfRow } from './stored-lead.ts';
import { fieldState } from './field-state-sql.ts';
import { leadField } from '../../src/lib/fields/lead-fields.ts';
import { profileKeyOfLead } from './lead-profile.ts';
import { FIELD_COLUMNS } from './stored-lead.ts';

/** A row to write, with the variables whose cells were not empty (only those may overwrite, under `update`). */
export interface RowToMerge {
  row: number;
  lead: NormalizedLead;
  provided: ReadonlySet<string>;
}

/** Reads and applies again when a concurrent import changed a lead between our read and our update. */
const MAX_ROUNDS = 8;

interface Existing {
  id: number;
  phone: string;
  version: number;
  variables: string;
  secondary_contacts: string;
  import_id: string | null;
  recorded: number;
  [fieldColumn: string]: unknown;
}

export async function upsertLeads(
  env: Env,
  workspaceId: string,
  campaignId: string,
  importId: string,
  rows: RowToMerge[],
  policy: MergePolicy,
  now: string,
): Promise<{ created: Set<number>; updated: Set<number>; unchanged: Set<number> }> {
  const store = leadsStore(env, workspaceId, campaignId);
  const created = new Set<number>();
  const updated = new Set<number>();
  const unchanged = new Set<number>();
  let pending = rows;
  for (let round = 0; pending.length && round < MAX_ROUNDS; round++) {
    for (const row of await store.insert(importId, pending, now)) created.add(row);
    pending = pending.filter((r) => !created.has(r.row));
    if (!pending.length) break;
    const found = await readExisting(env, workspaceId, campaignId, importId, pending.map((r) => r.lead.e164));
    const updates: LeadUpdate[] = [];
    const applying = new Map<number, RowToMerge>();
    const next: RowToMerge[] = [];
    for (const r of pending) {
      const lead = found.get(r.lead.e164);
      if (!lead) {
        next.push(r); // deleted since the insert (an undo of another import): insert again
      } else if (lead.import_id === importId) {
        created.add(r.row);
      } else if (lead.recorded) {
        updated.add(r.row); // an earlier delivery of this chunk applied it
      } else {
        const contacts = JSON.parse(lead.secondary_contacts) as unknown[];
        const before = JSON.parse(lead.variables) as Record<string, VariableValue>;
        const merged = mergeLead(
          policy,
          { variables: before, contactCount: contacts.length, fields: fieldsOfRow(lead) },
          { variables: r.lead.variables, provided: r.provided, contactsJson: encodeContacts(r.lead), contactCount: r.lead.secondary.length, fields: r.lead.fields ?? {} },
        );
        if (changesNothing(before, lead.secondary_contacts, merged)) {
          unchanged.add(r.row);
          continue;
        }
        const fieldsJson = merged.fields
          ? fieldState(merged.fields, (name) => leadField(name)!.column, profileKeyOfLead({ ...r.lead, fields: merged.fields, callingProfile: undefined }))
          : null;
        updates.push({ id: lead.id, version: lead.version, variablesJson: JSON.stringify(merged.variables), contactsJson: merged.contactsJson, fieldsJson });
        applying.set(lead.id, r);
      }
    }
    await applyUpdates(env, workspaceId, campaignId, importId, updates, now);
    const recorded = await recordedLeads(env, workspaceId, importId, [...applying.keys()]);
    for (const [id, r] of applying) {
      if (recorded.has(id)) updated.add(r.row);
      else next.push(r); // another import changed the lead since the read: read it again
    }
    pending = next;
  }
  // Only a lead changed by other imports at every round gets here; the message is retried.
  if (pending.length) throw new Error(`${pending.length} leads kept changing under concurrent imports`);
  return { created, updated, unchanged };
}

/** The campaign's leads with these numbers, with whether this import already recorded a change of each. */
async function readExisting(env: Env, workspaceId: string, campaignId: string, importId: string, phones: string[]): Promise<Map<string, Existing>> {
  const d1 = await workspaceDb(env, workspaceId);
  const out = new Map<string, Existing>();
  for (const json of paramGroups(phones, (p) => p)) {
    const { results } = await d1
      .prepare(
        `SELECT l.id, l.phone, l.version, l.variables, l.secondary_contacts, l.import_id, ${FIELD_COLUMNS.map((c) => `l.${c}`).join(', ')}, c.lead_id IS NOT NULL AS recorded
         FROM json_each(?3) AS j CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = j.value
         LEFT JOIN lead_changes AS c ON c.import_id = ?2 AND c.lead_id = l.id`,
      )
      .bind(campaignId, importId, json)
      .all<Existing>();
    for (const r of results) out.set(r.phone, r);
  }
  return out;
}

async function recordedLeads(env: Env, workspaceId: string, importId: string, ids: number[]): Promise<Set<number>> {
  const d1 = await workspaceDb(env, workspaceId);
  const out = new Set<number>();
  for (const json of paramGroups(ids, (id) => id)) {
    const { results } = await d1
      .prepare('SELECT c.lead_id AS id FROM json_each(?2) AS j CROSS JOIN lead_changes AS c ON c.import_id = ?1 AND c.lead_id = j.value')
      .bind(importId, json)
      .all<{ id: number }>();
    for (const r of results) out.add(r.id);
  }
  return out;
}

/** Which of these E.164 numbers the campaign has (for the preview's create / update / fill counts). */
export async function existingNumbers(env: Env, workspaceId: string, campaignId: string, phones: string[]): Promise<string[]> {
  const d1 = await workspaceDb(env, workspaceId);
  const out: string[] = [];
  for (const json of paramGroups([...new Set(phones)], (p) => p)) {
    const { results } = await d1
      .prepare('SELECT l.phone FROM json_each(?2) AS j CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = j.value')
      .bind(campaignId, json)
      .all<{ phone: string }>();
    for (const r of results) out.push(r.phone);
  }
  return out;
}
