/**
 * Shared types of the import core: what a parsed row, a column mapping, a validated lead and an
 * error look like. Pure data, used by the browser worker, the API and the queue consumer alike.
 */
import type * as v from 'valibot';
import type { RowErrorCode, FileErrorCode } from './codes.ts';
import type { AssistantConfigSchema, VariableDefSchema } from './schemas/assistant.ts';
import type { ColumnMappingSchema, ColumnTargetSchema } from './schemas/mapping.ts';

export type VariableValue = string | number | boolean | null;

/** One variable of an assistant's call script, as configured (schemas/assistant.ts). */
export type VariableDef = v.InferOutput<typeof VariableDefSchema>;
export type VariableType = VariableDef['type'];

/** What the assistant expects of a lead: its variables and those of each secondary contact. */
export type AssistantConfig = v.InferOutput<typeof AssistantConfigSchema>;

/**
 * One data record of the uploaded file. `row` is the 1-based data row number in the file
 * (the header is row 0; blank records are counted but never emitted), `cells` the text the user
 * sees, in the file's column order. `numeric` holds, for Excel numeric cells only, the raw value
 * by column index: used solely to recover a phone number Excel displayed in scientific notation.
 */
export interface SourceRow {
  row: number;
  cells: string[];
  numeric?: Record<number, number>;
}

/** Where a column of the file goes (schemas/mapping.ts). */
export type ColumnTarget = v.InferOutput<typeof ColumnTargetSchema>;

/** One target per header, in the file's column order. A user may override any entry. */
export type ColumnMapping = v.InferOutput<typeof ColumnMappingSchema>;

export interface RowError {
  code: RowErrorCode;
  /** Header of the column at fault, when one is (its label: columnLabel). */
  column?: string;
  /** In the Worker's stored verdicts and error parts: the index of that column instead of its label. */
  columnIndex?: number;
  message: string;
  guidance: string;
  /** For DUPLICATE_IN_FILE: the data row number of the first occurrence. */
  duplicateOf?: number;
}

export interface FileError {
  code: FileErrorCode;
  message: string;
}

/** A normalised phone number: what a primary number and each secondary contact carry. */
export interface NormalizedPhone {
  e164: string;
  country?: string;
  type?: string;
  /**
   * The extension written after the number (`415-555-0177 ext 12`, `x12`, `;ext=12`, `#12` → `"12"`),
   * null when there is none. The extension is not part of `e164`, so numbers differing only by
   * extension are the same number for duplicates.
   */
  extension: string | null;
  /**
   * Every candidate IANA zone of the number (libphonenumber's prefix table; the shared frozen array
   * of its zone set, never a copy); empty only for non-geographic numbers.
   */
  timeZones: readonly string[];
  /** The id of that zone set (src/lib/calling/time-zones.ts), -1 for none: leads and counts use it instead of names. */
  zoneSetId: number;
  /**
   * Set when the cell had to be repaired to be read: `'plus'` = Excel's lost leading `+` restored
   * (digits that are not a valid national number of the default country, read as international).
   * For the preview to show and count; the number itself is valid.
   */
  recovered?: 'plus';
  /**
   * True when a repaired number (`recovered`) lands in another country than the import's default
   * country: `33612345678` in a US import becomes a French number. Absent otherwise, and when the
   * import has no default country.
   */
  countryDiffersFromDefault?: true;
}

export interface NormalizedContact extends NormalizedPhone {
  /** 1-based call order among secondary contacts (secondary_phone_N's N order, compacted). */
  position: number;
  variables: Record<string, VariableValue>;
}

export interface NormalizedLead extends NormalizedPhone {
  variables: Record<string, VariableValue>;
  secondary: NormalizedContact[];
  /**
   * The registry's fixed fields (src/lib/fields/lead-fields.ts) by name, normalised (`region`:
   * `US-FL`; `postal_code`: `33101`), null when the row gives none. Absent on leads built before
   * the registry (tests, the bench's seeding): read as all null.
   */
  fields?: Record<string, string | null>;
  /**
   * Where the person may be, as a calling-profile key (src/lib/calling/profile.ts): the number's
   * country, every candidate region and time zone. Absent on leads built without the validator.
   */
  callingProfile?: string;
}

/** The verdict on one row: a lead when it has no errors, the errors otherwise. */
export interface ValidatedRow {
  row: number;
  lead?: NormalizedLead;
  errors: RowError[];
  /** On a row rejected for other reasons, its primary number when that is valid (the preview shows its type and zones). */
  primary?: NormalizedPhone;
}
