/** valibot schemas of a column mapping: where each column of the file goes (the types in types.ts derive from them). */
import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { LEAD_FIELD_NAMES } from '../fields/lead-fields.ts';

const SecondaryIndexSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.maxSecondaryContacts));

/** Where a column of the file goes. */
export const ColumnTargetSchema = v.variant('kind', [
  v.object({ kind: v.literal('phone') }),
  /** `append`: joined, after a space, to the text of the earlier column(s) of the same text variable ("First name" + "Last name"). */
  v.object({ kind: v.literal('variable'), name: v.pipe(v.string(), v.maxLength(64)), append: v.optional(v.literal(true)) }),
  v.object({ kind: v.literal('secondaryPhone'), index: SecondaryIndexSchema }),
  v.object({ kind: v.literal('secondaryVariable'), index: SecondaryIndexSchema, name: v.pipe(v.string(), v.maxLength(64)) }),
  /** A fixed lead field of the registry (src/lib/fields/lead-fields.ts): `region`, `postal_code`, … */
  v.object({ kind: v.literal('field'), name: v.picklist(LEAD_FIELD_NAMES) }),
  v.object({ kind: v.literal('ignore') }),
  v.object({ kind: v.literal('reportColumn') }),
]);

/** One target per header, in the file's column order. */
export const ColumnMappingSchema = v.object({ columns: v.array(ColumnTargetSchema) });
