/**
 * SQL for the part of a lead an update may change besides its variables and contacts: the
 * registry's field columns and the calling profile that follows from them. A change record keeps
 * them as one JSON object (`before_fields`), and an undo puts them back.
 */
import { FIELD_COLUMNS } from './stored-lead.ts';

/** The columns, registry fields first, then the profile. */
export const FIELD_STATE_COLUMNS = [...FIELD_COLUMNS, 'calling_profile'];

/** `json_object('region', l.region, …)` of a lead alias. */
export const fieldStateJson = (alias: string): string => `json_object(${FIELD_STATE_COLUMNS.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;

/** `region = …, …, calling_profile = …` from a JSON object expression; a null object keeps the lead's values. */
export const setFieldStateFrom = (json: string): string =>
  FIELD_STATE_COLUMNS.map((c) => `${c} = CASE WHEN ${json} IS NULL THEN leads.${c} ELSE ${json}->>'${c}' END`).join(', ');

/** The JSON object of field values and profile by column, for an update. */
export function fieldState(fields: Record<string, string | null>, columnOf: (name: string) => string, profile: string | null): string {
  const out: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(fields)) out[columnOf(name)] = value;
  out.calling_profile = profile;
  return JSON.stringify(out);
}
