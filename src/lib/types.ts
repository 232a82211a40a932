/**
 * Shared types of the import core: what a parsed row, a column mapping, a validated lead and an
 * error look like. Pure data, used by the browser worker, the API and the queue consumer alike.
 */
import type { RowErrorCode, FileErrorCode } from './codes.ts';

export type VariableType = 'text' | 'number' | 'boolean';
export type VariableValue = string | number | boolean | null;

/** One variable of an assistant's call script, as configured. */
export interface VariableDef {
  name: string;
  type: VariableType;
  required?: boolean;
  default?: string | number | boolean | null;
  maxLength?: number;
  description?: string;
}

/** What the assistant expects of a lead: its variables and those of each secondary contact. */
export interface AssistantConfig {
  variables: VariableDef[];
  secondaryVariables: VariableDef[];
}

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

/** Where a column of the file goes. */
export type ColumnTarget =
  | { kind: 'phone' }
  | { kind: 'variable'; name: string }
  | { kind: 'secondaryPhone'; index: number }
  | { kind: 'secondaryVariable'; index: number; name: string }
  | { kind: 'ignore' }
  | { kind: 'reportColumn' };

/** One target per header, in the file's column order. A user may override any entry. */
export interface ColumnMapping {
  columns: ColumnTarget[];
}

export interface RowError {
  code: RowErrorCode;
  /** Header of the column at fault, when one is. */
  column?: string;
  message: string;
  guidance: string;
  /** For DUPLICATE_IN_FILE: the data row number of the first occurrence. */
  duplicateOf?: number;
}

export interface FileError {
  code: FileErrorCode;
  message: string;
}

export interface NormalizedPhone {
  e164: string;
  country?: string;
  type?: string;
}

export interface NormalizedContact extends NormalizedPhone {
  /** 1-based call order among secondary contacts (secondary_phone_N's N order, compacted). */
  position: number;
  variables: Record<string, VariableValue>;
}

export interface NormalizedLead extends NormalizedPhone {
  variables: Record<string, VariableValue>;
  secondary: NormalizedContact[];
}

/** The verdict on one row: a lead when it has no errors, the errors otherwise. */
export interface ValidatedRow {
  row: number;
  lead?: NormalizedLead;
  errors: RowError[];
}
