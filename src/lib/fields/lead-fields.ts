/**
 * The column-target registry: every fixed field a lead carries beside its phone number, variables
 * and secondary contacts. The mapping schema, automatic matching, row validation, storage on the
 * shards, the lead resource, leads.csv, the sample file, the mapping step's choices and the
 * OpenAPI document all read this list; a new field is one entry here (and its definition file).
 */
import type { LeadFieldDef } from './lead-field.ts';
import { REGION_FIELD } from './region-field.ts';
import { POSTAL_CODE_FIELD } from './postal-code-field.ts';
import { CONSENT_FIELDS } from './consent-fields.ts';

export type { FieldContext, FieldVerdict, LeadFieldDef } from './lead-field.ts';

export const LEAD_FIELDS: readonly LeadFieldDef[] = [REGION_FIELD, POSTAL_CODE_FIELD, ...CONSENT_FIELDS];

/** The consent fields' names (the sample file lists them when the campaign requires consent). */
export const CONSENT_FIELD_NAMES: readonly string[] = CONSENT_FIELDS.map((f) => f.name);

/** The fields' names, in registry order (the mapping target `{kind: 'field', name}` takes one). */
export const LEAD_FIELD_NAMES = LEAD_FIELDS.map((f) => f.name) as [string, ...string[]];

const byName = new Map(LEAD_FIELDS.map((f) => [f.name, f]));

export function leadField(name: string): LeadFieldDef | undefined {
  return byName.get(name);
}

/** A lead's field values by field name (null when empty). */
export type FieldValues = Record<string, string | null>;

/** The fields as the lead resource shows them: `{region, postalCode}`, grouped fields as one object (null when all empty). */
export function fieldsResource(values: Readonly<FieldValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const groups = new Map<string, Record<string, string | null>>();
  for (const f of LEAD_FIELDS) {
    const value = values[f.name] ?? null;
    if (!f.resource.group) {
      out[f.resource.key] = value;
      continue;
    }
    let g = groups.get(f.resource.group);
    if (!g) groups.set(f.resource.group, (g = {}));
    g[f.resource.key] = value;
  }
  for (const [name, g] of groups) out[name] = Object.values(g).some((v) => v !== null) ? g : null;
  return out;
}

/** JSON Schema properties of the fields in the lead resource (the OpenAPI document). */
export function fieldsJsonSchema(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const groups = new Map<string, Record<string, unknown>>();
  for (const f of LEAD_FIELDS) {
    const schema = { type: ['string', 'null'], description: f.description };
    if (!f.resource.group) out[f.resource.key] = schema;
    else groups.set(f.resource.group, { ...(groups.get(f.resource.group) ?? {}), [f.resource.key]: schema });
  }
  for (const [name, properties] of groups) out[name] = { type: ['object', 'null'], properties };
  return out;
}
