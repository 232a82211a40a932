/**
 * What one fixed lead field is, end to end (the column-target registry's entry): the mapping
 * target and the header that names it, its synonyms, how a cell is checked, where it is stored,
 * how the lead resource and leads.csv show it, its sample value and its label. Adding a field is
 * one LeadFieldDef in lead-fields.ts plus its validator.
 */
import type { RowError } from '../types.ts';
import type { ConsentPolicy } from '../consent/consent-policy.ts';

/** What a field's check knows of the row besides its own cell. */
export interface FieldContext {
  /** ISO country of the row's primary number, when it is valid. */
  phoneCountry: string | undefined;
  /** Line type of the row's primary number, when it is valid (libphonenumber's name). */
  phoneType?: string | undefined;
  /** When the import started (ms since 1970): times are checked against it, not the clock at each chunk. */
  startedAt?: number;
  /** The campaign's consent policy (the import keeps the one it started with). */
  consentPolicy?: ConsentPolicy;
}

/**
 * A non-empty cell read: the value to store, or the row error. A string or an object, nothing
 * wrapped: it runs for every mapped field of every row, and a wrapper per cell is garbage.
 */
export type FieldVerdict = string | RowError;

export interface LeadFieldDef {
  /** The mapping target's name, the sample file's and leads.csv's header: `postal_code`. */
  name: string;
  /** Other headers that map to it (compared case, space and punctuation-insensitively). */
  synonyms: readonly string[];
  /** Where the lead resource shows it: `postalCode`, or a group and key (`consent.at`). */
  resource: { group?: string; key: string };
  /** The column of `leads` on a shard that stores it (text). */
  column: string;
  /** Shown in the mapping step and the preview: "Postal code (ZIP)". */
  label: string;
  /** One line for the OpenAPI document. */
  description: string;
  /** The sample file's example value. */
  example: string;
  /** Reads a non-empty cell (trimmed): the value to store or the row error; `column` is the header as errors name it. */
  read(text: string, column: string, context: FieldContext): FieldVerdict;
  /**
   * The row error when the field is required for this row (by the context) and the row gives no
   * value; `column` is its column's header, null when the file has none. Absent: never required.
   */
  missing?(column: string | null, context: FieldContext): RowError | null;
}
