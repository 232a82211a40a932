/**
 * Change records (lead_changes, one per lead an import updated): written in the same transaction as
 * the update they describe, with the lead's values before it; read back for the undo report;
 * deleted when their lifetime ends. Like store.ts, every write is refused on a fenced workspace.
 */
import type { Env } from '../env.ts';
import { paramGroups } from './param-groups.ts';
import { workspaceDb } from './placement.ts';
import { FENCED, NOT_FENCED, checkFence } from './fence.ts';
import { fieldStateJson, setFieldStateFrom } from './field-state-sql.ts';

/** One update to apply: the lead, the version its new values were computed from, and those values. */
export interface LeadUpdate {
  id: number;
  version: number;
  variablesJson: string;
  /** Null keeps the lead's secondary contacts. */
  contactsJson: string | null;
  /** The registry fields and calling profile by column (field-state-sql.ts); null keeps the lead's. */
  fieldsJson?: string | null;
}

/**
 * Applies updates exactly once per (import, lead): one batch per group first records each lead not
 * yet recorded for this import whose version is still the one read (capturing its values before),
 * then updates only the leads recorded by that statement. A redelivery records nothing and updates
 * nothing; a lead another import changed since the read is left for the caller to read again.
 */
export async function applyUpdates(env: Env, workspaceId: string, campaignId: string, importId: string, updates: LeadUpdate[], now: string): Promise<void> {
  if (!updates.length) return;
  const d1 = await workspaceDb(env, workspaceId);
  const batch = crypto.randomUUID();
  for (const json of paramGroups(updates, (u) => [u.id, u.version, u.variablesJson, u.contactsJson, u.fieldsJson ?? null])) {
    const [, , fence] = await d1.batch([
      d1
        .prepare(
          `INSERT INTO lead_changes (import_id, lead_id, kind, phone, before_variables, before_contacts, before_fields, before_version, before_updated_import_id, after_version, batch, created_at)
           SELECT ?3, l.id, 'updated', l.phone, l.variables, l.secondary_contacts, ${fieldStateJson('l')}, l.version, l.updated_import_id, l.version + 1, ?4, ?5
           FROM json_each(?6) AS j CROSS JOIN leads AS l ON l.id = j.value->>0
           WHERE l.campaign_id = ?2 AND l.version = j.value->>1 AND ${NOT_FENCED}
           ON CONFLICT (import_id, lead_id) DO NOTHING`,
        )
        .bind(workspaceId, campaignId, importId, batch, now, json),
      d1
        .prepare(
          `UPDATE leads SET variables = u.vars, secondary_contacts = coalesce(u.contacts, leads.secondary_contacts), ${setFieldStateFrom('u.fields')},
             version = leads.version + 1, updated_import_id = ?1
           FROM (SELECT j.value->>0 AS id, j.value->>2 AS vars, j.value->>3 AS contacts, j.value->>4 AS fields FROM json_each(?3) AS j) AS u
           WHERE leads.id = u.id AND EXISTS (SELECT 1 FROM lead_changes AS c WHERE c.import_id = ?1 AND c.lead_id = leads.id AND c.batch = ?2)`,
        )
        .bind(importId, batch, json),
      d1.prepare(FENCED).bind(workspaceId),
    ]);
    checkFence(workspaceId, fence!);
  }
}

/** A lead an undo left as it is. */
export interface UndoSkip {
  leadId: number;
  phoneNumber: string;
  reason: 'changed_later' | 'deleted';
  changedByImport: string | null;
}

/** One page of the leads an undo left alone, in lead order (for undo-report.csv). */
export async function undoSkips(env: Env, workspaceId: string, importId: string, afterLeadId: number, limit: number): Promise<UndoSkip[]> {
  const d1 = await workspaceDb(env, workspaceId);
  const { results } = await d1
    .prepare(
      `SELECT lead_id, phone, skip_reason, skipped_by FROM lead_changes
       WHERE import_id = ?1 AND lead_id > ?2 AND skip_reason IS NOT NULL ORDER BY lead_id LIMIT ?3`,
    )
    .bind(importId, afterLeadId, limit)
    .all<{ lead_id: number; phone: string; skip_reason: UndoSkip['reason']; skipped_by: string | null }>();
  return results.map((r) => ({ leadId: r.lead_id, phoneNumber: r.phone, reason: r.skip_reason, changedByImport: r.skipped_by }));
}

/** Deletes up to `limit` of an import's change records (and its undo run once none is left); returns how many. */
export async function deleteChanges(env: Env, workspaceId: string, importId: string, limit = 5_000): Promise<number> {
  const d1 = await workspaceDb(env, workspaceId);
  const result = await d1
    .prepare('DELETE FROM lead_changes WHERE rowid IN (SELECT rowid FROM lead_changes WHERE import_id = ?1 LIMIT ?2)')
    .bind(importId, limit)
    .run();
  const deleted = result.meta.changes ?? 0;
  if (deleted < limit) await d1.prepare('DELETE FROM undo_runs WHERE import_id = ?1').bind(importId).run();
  return deleted;
}
