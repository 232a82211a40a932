/** A lead as stored on a shard, and as read back: columns, secondary contacts (JSON), zone sets. */
import type { NormalizedLead, VariableValue } from '../../src/lib/types.ts';
import { ZONE_DATA_VERSION, zoneSetIdOf, zonesOfSet } from '../../src/lib/calling/time-zones.ts';
import { LEAD_FIELDS, type FieldValues } from '../../src/lib/fields/lead-fields.ts';

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
  /** The registry's fields by name (region, postal_code, …), null when empty. */
  fields: FieldValues;
  /** The stored calling-profile key (src/lib/calling/profile.ts); null when not profiled yet. */
  callingProfile: string | null;
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

/** Records which zone data the shard's zone-set ids refer to (the first writer sets it). */
export const ZONE_VERSION_META = `INSERT INTO shard_meta (key, value) VALUES ('zone_data_version', ?1) ON CONFLICT (key) DO NOTHING`;
export const READ_ZONE_VERSION = `SELECT value FROM shard_meta WHERE key = 'zone_data_version'`;

/** One secondary contact as stored in the lead's JSON. */
interface EncodedContact {
  phoneNumber: string;
  phoneCountry: string | null;
  phoneType: string | null;
  phoneExtension?: string | null;
  phoneZoneSet?: number;
  variables: Record<string, VariableValue>;
}

/** A lead's secondary contacts as stored: JSON, in call order. */
export function encodeContacts(lead: NormalizedLead): string {
  const contacts: EncodedContact[] = lead.secondary.map((s) => ({
    phoneNumber: s.e164,
    phoneCountry: s.country ?? null,
    phoneType: s.type ?? null,
    phoneExtension: s.extension ?? null,
    phoneZoneSet: zoneSetOfNumber(s),
    variables: s.variables,
  }));
  return JSON.stringify(contacts);
}

/** The number's zone set as the normaliser found it; looked up again only for a lead built without one (tests, the bench's seeding). */
function zoneSetOfNumber(n: { e164: string; country?: string | null; zoneSetId?: number }): number {
  return n.zoneSetId !== undefined && n.zoneSetId >= 0 ? n.zoneSetId : zoneSetIdOf(n.e164, n.country ?? null);
}

/** The columns of the registry's fields, in registry order. */
export const FIELD_COLUMNS = LEAD_FIELDS.map((f) => f.column);

/** The columns encodeLead fills, in its order (the insert statement reads `j.value->>i` for the i-th). */
export const ENCODED_LEAD_COLUMNS = [
  'phone', 'phone_country', 'phone_type', 'phone_extension', 'phone_zone_set', 'variables', 'secondary_contacts', 'source_row',
  'calling_profile', ...FIELD_COLUMNS,
];

/** One lead as the insert statement reads it: the values of ENCODED_LEAD_COLUMNS. */
export function encodeLead(row: number, lead: NormalizedLead, profile: string | null): unknown[] {
  return [
    lead.e164,
    lead.country ?? null,
    lead.type ?? null,
    lead.extension ?? null,
    zoneSetOfNumber(lead),
    JSON.stringify(lead.variables),
    encodeContacts(lead),
    row,
    profile,
    ...LEAD_FIELDS.map((f) => lead.fields?.[f.name] ?? null),
  ];
}

export const LEAD_SELECT = `l.id, l.phone, l.phone_country, l.phone_type, l.phone_extension, l.phone_zone_set, l.calling_profile, ${FIELD_COLUMNS.map((c) => `l.${c}`).join(', ')}, l.variables, l.secondary_contacts, l.import_id, l.created_at`;

/** Whether the shard's stored zone-set ids belong to this build's zone data (else zones are recomputed from the numbers). */
export function zoneIdsCurrent(meta: D1Result<unknown>): boolean {
  const row = meta.results[0] as { value?: string } | undefined;
  return row?.value === ZONE_DATA_VERSION;
}

export interface LeadPage {
  items: StoredLead[];
  nextCursor: string | null;
}

export interface LeadRow {
  id: number;
  phone: string;
  phone_country: string | null;
  phone_type: string | null;
  phone_extension: string | null;
  phone_zone_set: number | null;
  calling_profile: string | null;
  variables: string;
  secondary_contacts: string;
  import_id: string | null;
  created_at: string;
  /** The registry's field columns. */
  [fieldColumn: string]: unknown;
}

/** A row's registry fields by field name. */
export function fieldsOfRow(r: Record<string, unknown>): FieldValues {
  const out: FieldValues = {};
  for (const f of LEAD_FIELDS) out[f.name] = (r[f.column] as string | null | undefined) ?? null;
  return out;
}

/** The first `limit` of `results` (one more was read to tell whether a next page exists). */
export function toPage(results: LeadRow[], limit: number, idsCurrent: boolean): LeadPage {
  const page = results.slice(0, limit);
  return { items: page.map((r) => toStoredLead(r, idsCurrent)), nextCursor: results.length > limit ? String(page[page.length - 1]!.id) : null };
}

/** A stored zone-set id when it refers to this build's zone data, else the number's set computed again (~200 ns). */
export function zoneSetOf(stored: number | null | undefined, idsCurrent: boolean, phone: string, country: string | null): number {
  return idsCurrent && typeof stored === 'number' ? stored : zoneSetIdOf(phone, country);
}

export function toStoredLead(r: LeadRow, idsCurrent: boolean): StoredLead {
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
    fields: fieldsOfRow(r),
    callingProfile: r.calling_profile,
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
