/**
 * The change records an undo or a rollback gives back: a lead this import updated gets its values
 * from before, unless it changed since (or is gone), which is recorded as skipped.
 */
import { NOT_FENCED, FENCED } from './fence.ts';
import { setFieldStateFrom } from './field-state-sql.ts';

/**
 * Statements that undo the change records `where` selects (alias c, binds ?3…): mark the ones whose
 * lead changed since (or is gone) as skipped, restore the others' leads, mark every one undone;
 * the last statement reads the fence. Running them again changes nothing.
 */
export function restoreStatements(d1: D1Database, workspaceId: string, importId: string, where: string, binds: unknown[], now: string): D1PreparedStatement[] {
  const mine = `c.import_id = ?2 AND ${where} AND c.kind = 'updated' AND c.undone_at IS NULL`;
  const at = `?${3 + binds.length}`;
  const all = [workspaceId, importId, ...binds, now];
  const self = (sql: string) => sql.replaceAll('c.', 'lead_changes.');
  return [
    d1
      .prepare(
        `UPDATE lead_changes SET undone_at = ${at},
           skip_reason = CASE WHEN EXISTS (SELECT 1 FROM leads AS l WHERE l.id = lead_changes.lead_id) THEN 'changed_later' ELSE 'deleted' END,
           skipped_by = (SELECT l.updated_import_id FROM leads AS l WHERE l.id = lead_changes.lead_id)
         WHERE ${self(mine)} AND NOT EXISTS (SELECT 1 FROM leads AS l WHERE l.id = lead_changes.lead_id AND l.version = lead_changes.after_version) AND ${NOT_FENCED}`,
      )
      .bind(...all),
    d1
      .prepare(
        `UPDATE leads SET variables = c.before_variables, secondary_contacts = c.before_contacts, ${setFieldStateFrom('c.before_fields')},
           version = c.before_version, updated_import_id = c.before_updated_import_id
         FROM lead_changes AS c WHERE ${mine} AND leads.id = c.lead_id AND leads.version = c.after_version AND ${NOT_FENCED}`,
      )
      .bind(...all.slice(0, -1)),
    d1.prepare(`UPDATE lead_changes SET undone_at = ${at} WHERE ${self(mine)} AND ${NOT_FENCED}`).bind(...all),
    d1.prepare(FENCED).bind(workspaceId),
  ];
}
