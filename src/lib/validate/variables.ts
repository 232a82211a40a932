/** Cells → typed values for an assistant's variables: type, required, default, max length. */
import type { RowError, VariableDef, VariableValue } from '../types.ts';
import { variableNotBoolean, variableNotNumber, variableRequired, variableTooLong } from './messages.ts';
import { trimmedCell } from '../text/trim-cell.ts';

/** Where a variable's cell is: column index (-1 when the file has none) and the header named in errors. */
export interface VariableColumn {
  index: number;
  header: string;
  /** Further columns whose text is joined to this one's, after a space (a combined text variable). */
  parts?: readonly number[];
}

/** The text of a combined variable: its columns' non-blank cells, trimmed, joined by a space. */
function joinedCell(cells: readonly string[], index: number, parts: readonly number[]): string {
  let out = trimmedCell(cells[index]);
  for (const p of parts) {
    const t = trimmedCell(cells[p]);
    if (t !== '') out = out === '' ? t : `${out} ${t}`;
  }
  return out;
}

export type VariableCheck = { ok: true; value: VariableValue } | { ok: false; error: RowError };

export interface VariableValidator {
  /** Typed values by variable name; problems are pushed onto `errors` (all of them, not the first). */
  validate(cells: readonly string[], columns: readonly VariableColumn[], errors: RowError[]): Record<string, VariableValue>;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, y: true, n: false, '1': true, '0': false };

/** A plain decimal with optional sign and `,` thousands separators (`-1,234.5`), else undefined. */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text) || !/\d/.test(text)) return undefined;
  const value = Number(text.includes(',') ? text.replaceAll(',', '') : text);
  return Number.isFinite(value) ? value : undefined;
}

/** true/false/yes/no/y/n/1/0, any case, else undefined. */
export function parseBoolean(text: string): boolean | undefined {
  const value = BOOLEANS[text.toLowerCase()];
  return typeof value === 'boolean' ? value : undefined;
}

/** Length in characters as users count them (code points, so an emoji is one). */
function charLength(text: string, limit: number): number {
  if (text.length <= limit) return text.length; // code points ≤ UTF-16 units ≤ limit
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The assistant's default typed like the variable; undefined when there is none. */
function typedDefault(def: VariableDef): VariableValue | undefined {
  const d = def.default;
  if (d === undefined || d === null || d === '') return undefined;
  if (def.type === 'text') return String(d);
  if (typeof d !== 'string') return d;
  const parsed = def.type === 'number' ? parseNumber(d.trim()) : parseBoolean(d.trim());
  return parsed ?? d;
}

/** Checks one cell (undefined when the variable has no column) against its definition. */
export function validateVariable(def: VariableDef, text: string | undefined, column: string): VariableCheck {
  const t = trimmedCell(text);
  if (t === '') {
    const fallback = typedDefault(def);
    if (fallback !== undefined) return { ok: true, value: fallback };
    if (def.required) return { ok: false, error: variableRequired(column, def.name) };
    return { ok: true, value: null };
  }
  if (def.type === 'number') {
    const value = parseNumber(t);
    return value === undefined ? { ok: false, error: variableNotNumber(column, t) } : { ok: true, value };
  }
  if (def.type === 'boolean') {
    const value = parseBoolean(t);
    return value === undefined ? { ok: false, error: variableNotBoolean(column, t) } : { ok: true, value };
  }
  if (def.maxLength !== undefined) {
    const length = charLength(t, def.maxLength);
    if (length > def.maxLength) return { ok: false, error: variableTooLong(column, length, def.maxLength) };
  }
  return { ok: true, value: t };
}

/** A validator for one variable set (the lead's, or a secondary contact's). */
export function createVariableValidator(defs: readonly VariableDef[]): VariableValidator {
  return {
    validate(cells, columns, errors) {
      const values: Record<string, VariableValue> = {};
      for (let i = 0; i < defs.length; i++) {
        const def = defs[i]!;
        const column = columns[i];
        const index = column ? column.index : -1;
        const text = index < 0 ? undefined : column?.parts ? joinedCell(cells, index, column.parts) : cells[index];
        const check = validateVariable(def, text, column ? column.header : def.name);
        if (check.ok) values[def.name] = check.value;
        else errors.push(check.error);
      }
      return values;
    },
  };
}
