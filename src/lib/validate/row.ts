/** Validate a row: primary phone, variables and secondary contacts, collecting every error of the row. */
import { LIMITS } from '../limits.ts';
import { columnLabel, isValidTarget, secondaryPhoneHeader, secondaryVariableHeader, PHONE_HEADER } from '../map/columns.ts';
import { phoneColumnIndex, phoneColumnLabel } from '../map/phone-column.ts';
import type {
  AssistantConfig,
  ColumnMapping,
  NormalizedContact,
  RowError,
  SourceRow,
  ValidatedRow,
} from '../types.ts';
import {
  phoneInvalid,
  phoneRequired,
  phoneTypeBlocked,
  secondaryDuplicate,
  secondaryFieldsWithoutPhone,
  secondaryPhoneInvalid,
  secondaryPhoneTypeBlocked,
  secondarySameAsPrimary,
} from './messages.ts';
import { DEFAULT_BLOCKED_PHONE_TYPES } from '../calling/blocked-phone-types.ts';
import { createPhoneNormalizer, type PhoneNormalizer } from './phone.ts';
import { createVariableValidator, type VariableColumn } from './variables.ts';
import { profileKeyOf } from '../calling/profile.ts';
import { LEAD_FIELDS, type FieldContext, type FieldValues, type LeadFieldDef } from '../fields/lead-fields.ts';
import type { ConsentPolicy } from '../consent/consent-policy.ts';
import { trimmedCell } from '../text/trim-cell.ts';

export interface RowValidatorOptions {
  assistant: AssistantConfig;
  headers: readonly string[];
  mapping: ColumnMapping;
  /** ISO 3166 alpha-2 country for national-format numbers. */
  defaultCountry?: string;
  /** Share one normaliser (and its cache) across validators of the same import; made here otherwise. */
  phoneNormalizer?: PhoneNormalizer;
  /** Cache bound of the normaliser made here (about 135 bytes an entry): keep it small in a Worker. */
  phoneCacheMax?: number;
  /** Phone types the campaign does not call (its `blockedPhoneTypes`); default DEFAULT_BLOCKED_PHONE_TYPES. */
  blockedPhoneTypes?: readonly string[];
  /** The campaign's consent policy (which leads need consent, how old it may be); default none required. */
  consentPolicy?: ConsentPolicy;
  /** When the import started (ms): consent times are judged against it, in every chunk alike; default when the validator is made. */
  startedAt?: number;
}

export interface RowValidator {
  validate(row: SourceRow): ValidatedRow;
}

/** One secondary contact's columns (N of `secondary_phone_N`). */
interface SecondaryGroup {
  phoneIndex: number;
  phoneHeader: string;
  variables: VariableColumn[];
  /** Indexes of its mapped `secondary_N_<var>` columns, to spot fields filled without a phone. */
  fieldIndexes: number[];
}

/** Where the validator finds each field: the phone column, the lead's variables, each secondary contact's columns. */
function columnsOf(headers: readonly string[], mapping: ColumnMapping, assistant: AssistantConfig) {
  const phoneIndex = phoneColumnIndex(headers, mapping);
  const variableIndex = new Map<string, number>();
  /** Columns joined to a text variable's first column (checkMapping allows them only for text). */
  const variableParts = new Map<string, number[]>();
  const secondaryPhoneIndex = new Map<number, number>();
  const secondaryVariableIndex = new Map<string, number>();
  const present = new Set<number>();
  const fieldIndex = new Map<string, number>();
  mapping.columns.forEach((target, i) => {
    if (i >= headers.length || !isValidTarget(target, assistant)) return;
    if (target.kind === 'field') {
      if (!fieldIndex.has(target.name)) fieldIndex.set(target.name, i);
    } else if (target.kind === 'variable') {
      if (!variableIndex.has(target.name)) variableIndex.set(target.name, i);
      else if (target.append) variableParts.set(target.name, [...(variableParts.get(target.name) ?? []), i]);
    } else if (target.kind === 'secondaryPhone') {
      present.add(target.index);
      if (!secondaryPhoneIndex.has(target.index)) secondaryPhoneIndex.set(target.index, i);
    } else if (target.kind === 'secondaryVariable') {
      present.add(target.index);
      const key = `${target.index}:${target.name}`;
      if (!secondaryVariableIndex.has(key)) secondaryVariableIndex.set(key, i);
    }
  });

  const column = (index: number, fallback: string): VariableColumn =>
    index >= 0 ? { index, header: columnLabel(headers, index) } : { index: -1, header: fallback };
  const phoneHeader = phoneColumnLabel(headers, mapping) ?? PHONE_HEADER;
  const leadColumns = assistant.variables.map((v): VariableColumn => {
    const c = column(variableIndex.get(v.name) ?? -1, v.name);
    const parts = variableParts.get(v.name);
    return parts && c.index >= 0 && v.type === 'text' ? { ...c, parts } : c;
  });
  const groups: SecondaryGroup[] = [];
  for (let n = 1; n <= LIMITS.maxSecondaryContacts; n++) {
    if (!present.has(n)) continue;
    const variables = assistant.secondaryVariables.map((v) =>
      column(secondaryVariableIndex.get(`${n}:${v.name}`) ?? -1, secondaryVariableHeader(n, v.name)),
    );
    groups.push({
      phoneIndex: secondaryPhoneIndex.get(n) ?? -1,
      phoneHeader: column(secondaryPhoneIndex.get(n) ?? -1, secondaryPhoneHeader(n)).header,
      variables,
      fieldIndexes: variables.filter((c) => c.index >= 0).map((c) => c.index),
    });
  }

  const fields: FieldColumn[] = LEAD_FIELDS.filter((f) => fieldIndex.has(f.name)).map((def) => {
    const index = fieldIndex.get(def.name)!;
    return { def, index, header: columnLabel(headers, index) };
  });
  return { phoneIndex, phoneHeader, leadColumns, groups, fields };
}

/** A mapped field of the registry and its column. */
interface FieldColumn {
  def: LeadFieldDef;
  index: number;
  header: string;
}

/** A field a context may require, and its column (null when the file has none). */
interface RequirableColumn {
  def: LeadFieldDef;
  index: number | null;
  header: string | null;
}

/** Every field of the registry, null: the shape each row's values start from. */
const NO_FIELD_VALUES: Readonly<FieldValues> = Object.freeze(Object.fromEntries(LEAD_FIELDS.map((f) => [f.name, null])));

/**
 * Every field of the registry, null unless the row gives it (errors pushed onto `errors`); a field
 * the context requires (consent under the campaign's policy) and the row leaves empty, or the file
 * lacks, is an error too.
 */
function readFields(cells: readonly string[], fields: readonly FieldColumn[], requirable: readonly RequirableColumn[], context: FieldContext, errors: RowError[]): FieldValues {
  const values: FieldValues = { ...NO_FIELD_VALUES };
  for (let k = 0; k < fields.length; k++) {
    const { def, index, header } = fields[k]!;
    const text = trimmedCell(cells[index]);
    if (text === '') continue;
    const verdict = def.read(text, header, context);
    if (typeof verdict === 'string') values[def.name] = verdict;
    else errors.push(verdict);
  }
  for (let k = 0; k < requirable.length; k++) {
    const { def, index, header } = requirable[k]!;
    if (index !== null && trimmedCell(cells[index]) !== '') continue;
    const missing = def.missing!(header, context);
    if (missing) errors.push(missing);
  }
  return values;
}

/** The fields a context may require, with their columns in this file. */
function requirableColumns(fields: readonly FieldColumn[]): RequirableColumn[] {
  return LEAD_FIELDS.filter((f) => f.missing).map((def) => {
    const mapped = fields.find((f) => f.def === def);
    return { def, index: mapped?.index ?? null, header: mapped?.header ?? null };
  });
}

/** Builds the per-import row validator from the (checked) mapping. */
export function createRowValidator(options: RowValidatorOptions): RowValidator {
  const { assistant, headers, mapping } = options;
  const phones =
    options.phoneNormalizer ??
    createPhoneNormalizer(options.defaultCountry, options.phoneCacheMax === undefined ? {} : { cacheMax: options.phoneCacheMax });
  const blocked = new Set<string>(options.blockedPhoneTypes ?? DEFAULT_BLOCKED_PHONE_TYPES);
  const { consentPolicy } = options;
  const startedAt = options.startedAt ?? Date.now();
  const isBlocked = (type: string | undefined) => type !== undefined && blocked.has(type);
  const leadVariables = createVariableValidator(assistant.variables);
  const contactVariables = createVariableValidator(assistant.secondaryVariables);

  const { phoneIndex, phoneHeader, leadColumns, groups, fields } = columnsOf(headers, mapping, assistant);
  // Only the consent policy requires a field today (consent_at): without one, no check per row.
  const requirable = consentPolicy && consentPolicy.require !== 'none' ? requirableColumns(fields) : [];
  // One context for every row, its phone facts set per row: the field reads keep nothing of it.
  const context: FieldContext = { phoneCountry: undefined, phoneType: undefined, startedAt, consentPolicy };

  return {
    validate(row: SourceRow): ValidatedRow {
      const cells = row.cells;
      const errors: RowError[] = [];
      const phoneText = phoneIndex >= 0 ? (cells[phoneIndex] ?? '') : '';
      const primary = phones.normalize(phoneText, phoneIndex >= 0 ? row.numeric?.[phoneIndex] : undefined);
      if (!primary.ok) {
        errors.push(
          primary.code === 'empty'
            ? phoneRequired(phoneHeader)
            : phoneInvalid(phoneHeader, phoneText.trim(), primary.reason, primary.country),
        );
      } else if (isBlocked(primary.phone.type)) {
        errors.push(phoneTypeBlocked(phoneHeader, phoneText.trim(), primary.phone.type!));
      }
      const variables = leadVariables.validate(cells, leadColumns, errors);
      context.phoneCountry = primary.ok ? primary.phone.country : undefined;
      context.phoneType = primary.ok ? primary.phone.type : undefined;
      const fieldValues = readFields(cells, fields, requirable, context, errors);

      const secondary: NormalizedContact[] = [];
      const seenNumbers: string[] = [];
      const seenHeaders: string[] = [];
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g]!;
        const text = group.phoneIndex >= 0 ? (cells[group.phoneIndex] ?? '') : '';
        const result = phones.normalize(text, group.phoneIndex >= 0 ? row.numeric?.[group.phoneIndex] : undefined);
        if (!result.ok && result.code === 'empty') {
          const filled = group.fieldIndexes.filter((i) => trimmedCell(cells[i]) !== '');
          if (filled.length > 0) {
            errors.push(secondaryFieldsWithoutPhone(group.phoneHeader, filled.map((i) => columnLabel(headers, i))));
          }
          continue;
        }
        const errorCount = errors.length;
        if (!result.ok) {
          errors.push(secondaryPhoneInvalid(group.phoneHeader, text.trim(), result.reason, result.country));
        } else if (primary.ok && result.phone.e164 === primary.phone.e164) {
          errors.push(secondarySameAsPrimary(group.phoneHeader, text.trim()));
        } else if (isBlocked(result.phone.type)) {
          errors.push(secondaryPhoneTypeBlocked(group.phoneHeader, text.trim(), result.phone.type!));
        } else {
          const earlier = seenNumbers.indexOf(result.phone.e164);
          if (earlier >= 0) {
            errors.push(secondaryDuplicate(group.phoneHeader, text.trim(), seenHeaders[earlier]!));
          } else {
            seenNumbers.push(result.phone.e164);
            seenHeaders.push(group.phoneHeader);
          }
        }
        const contactValues = contactVariables.validate(cells, group.variables, errors);
        if (result.ok && errors.length === errorCount) {
          secondary.push({ ...result.phone, position: secondary.length + 1, variables: contactValues });
        }
      }
      if (!primary.ok) return { row: row.row, errors };
      if (errors.length > 0) return { row: row.row, errors, primary: primary.phone };
      // The calling profile: the number's facts and the address fields (region, ZIP) that bind the lead's rules.
      const phone = primary.phone;
      const callingProfile = profileKeyOf({ e164: phone.e164, country: phone.country, timeZones: phone.timeZones, region: fieldValues.region, postalCode: fieldValues.postal_code });
      return { row: row.row, lead: { ...primary.phone, variables, secondary, fields: fieldValues, callingProfile }, errors };
    },
  };
}
