/** Match columns: file headers → phone, variables and secondary contacts; checks any (user-edited) mapping. */
import { LIMITS } from '../limits.ts';
import type { AssistantConfig, ColumnMapping, ColumnTarget, FileError } from '../types.ts';
import { fileErrorMessage } from '../validate/messages.ts';
import { columnLabel } from './column-label.ts';
import { LEAD_FIELDS, leadField } from '../fields/lead-fields.ts';

export const PHONE_HEADER = 'phone_number';
/** Columns an error report adds; ignored when the corrected report is imported again. */
export const REPORT_HEADERS = ['error_row', 'error_codes', 'error_messages'] as const;
/** Other names people give the phone column, used only when no `phone_number` column exists. */
export const PHONE_SYNONYMS = [
  'phone', 'phone number', 'phonenumber', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone',
  'tel', 'telephone', 'number', 'contact number', 'primary phone', 'msisdn',
  'work phone', 'home phone', 'office phone', 'business phone', 'direct dial', 'direct line', 'direct phone',
  'landline', 'other phone', 'alternate phone', 'alternative phone', 'secondary phone', 'cell number',
  'telephone number', 'mobile phone number', 'phone 2', 'mobile 2',
] as const;
/** Synonyms too vague to propose a second phone column on their own ("Number" may be anything). */
const VAGUE_PHONE_SYNONYMS = new Set(['number']);

export const secondaryPhoneHeader = (n: number): string => `secondary_phone_${n}`;
export const secondaryVariableHeader = (n: number, name: string): string => `secondary_${n}_${name}`;

/** Case, space and punctuation-insensitive form of a header: "Customer Name" ≡ "customer_name". */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export { columnLabel } from './column-label.ts';

/** One key per distinct destination, so two columns going to the same place can be found. */
export function targetKey(target: ColumnTarget): string | undefined {
  switch (target.kind) {
    case 'phone':
      return 'phone';
    case 'variable':
      return `v:${target.name}`;
    case 'secondaryPhone':
      return `sp:${target.index}`;
    case 'secondaryVariable':
      return `sv:${target.index}:${target.name}`;
    case 'field':
      return `f:${target.name}`;
    default:
      return undefined;
  }
}

/** The header that maps to a target by default (the sample file's name for it). */
export function targetHeader(target: ColumnTarget): string | undefined {
  switch (target.kind) {
    case 'phone':
      return PHONE_HEADER;
    case 'variable':
      return target.name;
    case 'secondaryPhone':
      return secondaryPhoneHeader(target.index);
    case 'secondaryVariable':
      return secondaryVariableHeader(target.index, target.name);
    case 'field':
      return target.name;
    default:
      return undefined;
  }
}

const validIndex = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= LIMITS.maxSecondaryContacts;

/** Whether a target exists for this assistant (an override may name a variable it does not have). */
export function isValidTarget(target: ColumnTarget, assistant: AssistantConfig): boolean {
  switch (target.kind) {
    case 'phone':
    case 'ignore':
    case 'reportColumn':
      return true;
    case 'variable':
      return assistant.variables.some((v) => v.name === target.name);
    case 'secondaryPhone':
      return validIndex(target.index);
    case 'secondaryVariable':
      return validIndex(target.index) && assistant.secondaryVariables.some((v) => v.name === target.name);
    case 'field':
      return leadField(target.name) !== undefined;
    default:
      return false;
  }
}

/** Every destination of this assistant, by its exact header name (earlier entries win). */
function targetsByHeader(assistant: AssistantConfig): Map<string, ColumnTarget> {
  const targets = new Map<string, ColumnTarget>();
  const add = (header: string, target: ColumnTarget) => {
    if (!targets.has(header)) targets.set(header, target);
  };
  add(PHONE_HEADER, { kind: 'phone' });
  for (const header of REPORT_HEADERS) add(header, { kind: 'reportColumn' });
  for (const v of assistant.variables) add(v.name, { kind: 'variable', name: v.name });
  for (let n = 1; n <= LIMITS.maxSecondaryContacts; n++) {
    add(secondaryPhoneHeader(n), { kind: 'secondaryPhone', index: n });
    for (const v of assistant.secondaryVariables) {
      add(secondaryVariableHeader(n, v.name), { kind: 'secondaryVariable', index: n, name: v.name });
    }
  }
  // After the assistant's own names: a variable called `region` keeps its column.
  for (const f of LEAD_FIELDS) add(f.name, { kind: 'field', name: f.name });
  return targets;
}

/**
 * The automatic mapping: exact header names, then normalised names, then the first phone synonym
 * as the phone. What a headless import applies; the wizard's suggestions (autoMapWithSuggestions)
 * are not part of it.
 */
export function autoMap(headers: readonly string[], assistant: AssistantConfig): ColumnMapping {
  const { mapping, suggested } = autoMapWithSuggestions(headers, assistant);
  if (!suggested.length) return mapping;
  return { columns: mapping.columns.map((t, i) => (suggested.includes(i) ? { kind: 'ignore' } : t)) };
}

export interface AutoMapping {
  mapping: ColumnMapping;
  /**
   * Columns sent to a secondary phone only because their header is a phone synonym (a second
   * "Mobile" beside "Phone Number"): applied, and shown to the user as suggestions to confirm or undo.
   */
  suggested: number[];
}

/** autoMap plus the wizard's suggestions (applied, and listed in `suggested` for the person to keep or undo). */
export function autoMapWithSuggestions(headers: readonly string[], assistant: AssistantConfig): AutoMapping {
  const exact = targetsByHeader(assistant);
  const normalized = new Map<string, ColumnTarget>();
  for (const [header, target] of exact) {
    const key = normalizeHeader(header);
    if (!normalized.has(key)) normalized.set(key, target);
  }
  const columns: (ColumnTarget | undefined)[] = headers.map(() => undefined);
  const used = new Set<string>();
  const assign = (i: number, target: ColumnTarget | undefined): void => {
    if (!target || columns[i]) return;
    const key = targetKey(target);
    if (key !== undefined) {
      if (used.has(key)) return;
      used.add(key);
    }
    columns[i] = target;
  };
  headers.forEach((h, i) => assign(i, exact.get(h.trim())));
  headers.forEach((h, i) => assign(i, normalized.get(normalizeHeader(h))));
  // The fields' synonyms ("State", "Zip Code"), for columns no exact or normalised name took.
  for (const f of LEAD_FIELDS) {
    const names = new Set(f.synonyms.map(normalizeHeader));
    const i = headers.findIndex((h, k) => !columns[k] && names.has(normalizeHeader(h)));
    if (i >= 0) assign(i, { kind: 'field', name: f.name });
  }
  const synonyms = new Set<string>(PHONE_SYNONYMS.map(normalizeHeader));
  if (!used.has('phone')) {
    const first = headers.findIndex((h, i) => !columns[i] && synonyms.has(normalizeHeader(h)));
    if (first >= 0) assign(first, { kind: 'phone' });
  }
  const suggested: number[] = [];
  // Further phone-like columns become secondary contacts, unless a contact needs variables no column gives.
  if (used.has('phone') && !secondaryNeedsVariables(assistant)) {
    headers.forEach((h, i) => {
      const name = normalizeHeader(h);
      if (columns[i] || !synonyms.has(name) || VAGUE_PHONE_SYNONYMS.has(name)) return;
      let n = 1;
      while (n <= LIMITS.maxSecondaryContacts && used.has(`sp:${n}`)) n++;
      if (n > LIMITS.maxSecondaryContacts) return;
      assign(i, { kind: 'secondaryPhone', index: n });
      suggested.push(i);
    });
  }
  return { mapping: { columns: columns.map((target) => target ?? { kind: 'ignore' }) }, suggested };
}

/** A secondary contact must carry a required variable without a default: a bare phone column would fail every row. */
function secondaryNeedsVariables(assistant: AssistantConfig): boolean {
  return assistant.secondaryVariables.some((v) => v.required === true && (v.default === undefined || v.default === null || v.default === ''));
}

/** Columns of one text variable where every column after the first is joined to it (`append`). */
function isJoinedText(columns: readonly number[], mapping: ColumnMapping, assistant: AssistantConfig): boolean {
  const first = mapping.columns[columns[0]!];
  if (first?.kind !== 'variable' || first.append) return false;
  if (assistant.variables.find((v) => v.name === first.name)?.type !== 'text') return false;
  return columns.slice(1).every((i) => {
    const t = mapping.columns[i];
    return t?.kind === 'variable' && t.append === true;
  });
}

export interface MappingCheck {
  fileErrors: FileError[];
  /** Required variables without a default that no column provides (`secondary_N_<var>` for contacts). */
  missingRequired: string[];
  /** Columns that go nowhere: unknown headers and targets this assistant does not have. */
  unknownColumns: string[];
}

const quoted = (labels: string[]): string => labels.map((l) => `"${l}"`).join(' and ');

/** Validates a mapping against the headers and the assistant: file-level errors and what to warn about. */
export function checkMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
  assistant: AssistantConfig,
): MappingCheck {
  const fileErrors: FileError[] = [];
  const unknownColumns: string[] = [];
  if (headers.length > LIMITS.maxColumns) {
    fileErrors.push(fileErrorMessage('TOO_MANY_COLUMNS', `${headers.length} columns`));
  }

  const byName = new Map<string, number[]>();
  const byTarget = new Map<string, number[]>();
  const secondaryIndexes = new Set<number>();
  headers.forEach((header, i) => {
    const target: ColumnTarget = mapping.columns[i] ?? { kind: 'ignore' };
    if (target.kind !== 'reportColumn') {
      const name = normalizeHeader(header);
      if (name !== '') byName.set(name, [...(byName.get(name) ?? []), i]);
    }
    if (!isValidTarget(target, assistant) || target.kind === 'ignore') {
      unknownColumns.push(columnLabel(headers, i));
      return;
    }
    const key = targetKey(target);
    if (key !== undefined) byTarget.set(key, [...(byTarget.get(key) ?? []), i]);
    if (target.kind === 'secondaryPhone' || target.kind === 'secondaryVariable') secondaryIndexes.add(target.index);
  });

  for (const columns of byName.values()) {
    if (columns.length > 1) {
      fileErrors.push(fileErrorMessage('DUPLICATE_COLUMN', quoted(columns.map((i) => columnLabel(headers, i)))));
    }
  }
  for (const [key, columns] of byTarget) {
    if (columns.length < 2 || isJoinedText(columns, mapping, assistant)) continue;
    const names = new Set(columns.map((i) => normalizeHeader(headers[i] ?? '')));
    if (names.size === 1 && !names.has('')) continue; // already reported as same-name columns
    const target = mapping.columns[columns[0]!]!;
    const field = key === 'phone' ? 'the phone number' : `"${targetHeader(target)}"`;
    fileErrors.push(
      fileErrorMessage('DUPLICATE_COLUMN', `${quoted(columns.map((i) => columnLabel(headers, i)))} both go to ${field}`),
    );
  }
  if (!byTarget.has('phone')) fileErrors.push(fileErrorMessage('NO_PHONE_COLUMN'));

  const missingRequired: string[] = [];
  const needed = (v: { required?: boolean; default?: unknown }) =>
    v.required === true && (v.default === undefined || v.default === null || v.default === '');
  for (const v of assistant.variables) {
    if (needed(v) && !byTarget.has(`v:${v.name}`)) missingRequired.push(v.name);
  }
  for (const n of [...secondaryIndexes].sort((a, b) => a - b)) {
    for (const v of assistant.secondaryVariables) {
      if (needed(v) && !byTarget.has(`sv:${n}:${v.name}`)) missingRequired.push(secondaryVariableHeader(n, v.name));
    }
  }
  return { fileErrors, missingRequired, unknownColumns };
}
