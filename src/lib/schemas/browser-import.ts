/** valibot schema of the browser's "create import" body: the header and mapping it already checked. */
import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { NotifyEmailSchema, OnExistingPicklist } from './api.ts';
import { ColumnMappingSchema } from './mapping.ts';


export const BrowserImportSchema = v.object({
  campaignId: v.string(),
  fileName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255)),
  headers: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.maxCellLength))), v.minLength(1), v.maxLength(LIMITS.maxColumns)),
  mapping: v.optional(ColumnMappingSchema),
  /** The client's count, for its own display only: the server counts the rows it stores. */
  totalRows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.maxRows))),
  ignoreErrors: v.optional(v.boolean(), false),
  notifyEmail: v.optional(NotifyEmailSchema),
  /** skip (the default), update or fill: see the README, "Update and undo". */
  onExisting: v.optional(OnExistingPicklist),
  /** The encoding the browser read the file in (a WHATWG label; absent for workbooks). The chunks carry the text it decoded. */
  encoding: v.optional(v.pipe(v.string(), v.maxLength(100), v.description('The WHATWG label of the encoding the browser read the CSV in (the chunks carry the text it decoded); recorded on the import. Absent for workbooks.'))),
  /** Present when `encoding` was the detector's guess rather than the person's choice: how sure it was. */
  encodingGuess: v.optional(
    v.pipe(
      v.object({
        confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
        uncertain: v.boolean(),
        alternatives: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(4)), []),
      }),
      v.description('Present when encoding was the detector\'s guess and the person did not pick it: its confidence (0–1), whether it was uncertain (the import then carries ENCODING_UNCERTAIN) and the other likely encodings.'),
    ),
  ),
});
export type BrowserImportBody = v.InferOutput<typeof BrowserImportSchema>;
