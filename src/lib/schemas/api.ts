/** valibot schemas of the public API's bodies and queries, shared by the Worker, the UI and the OpenAPI document. */
import * as v from 'valibot';
import { isSupportedCountry } from 'libphonenumber-js/max';

export { CreateAssistantSchema, VariableDefSchema } from './assistant.ts';

export const CreateCampaignSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'name is required.'), v.maxLength(200)),
  assistantId: v.pipe(v.string(), v.minLength(1, 'assistantId is required.')),
  defaultCountry: v.optional(
    v.pipe(
      v.string(),
      v.toUpperCase(),
      v.regex(/^[A-Z]{2}$/, 'defaultCountry is an ISO 3166 alpha-2 code such as "US".'),
      v.check((c) => isSupportedCountry(c), 'defaultCountry is not a country with phone numbers we know.'),
    ),
  ),
});
export type CreateCampaignInput = v.InferOutput<typeof CreateCampaignSchema>;

const IntString = (min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number.'), v.transform(Number), v.minValue(min), v.maxValue(max)),
    String(fallback),
  );

export const ListLeadsQuerySchema = v.object({
  limit: IntString(1, 500, 50),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'cursor is the nextCursor of a previous page.'))),
});

export const BoolString = v.optional(
  v.pipe(
    v.string(),
    v.toLowerCase(),
    v.picklist(['true', 'false', '1', '0'], 'must be true or false.'),
    v.transform((s) => s === 'true' || s === '1'),
  ),
  'false',
);

export const CreateImportQuerySchema = v.object({
  ignoreErrors: BoolString,
  notifyEmail: v.optional(v.pipe(v.string(), v.trim(), v.email('notifyEmail is not an email address.'), v.maxLength(254))),
  fileName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255))),
  sheet: v.optional(v.pipe(v.string(), v.maxLength(255))),
});

export const ListImportsQuerySchema = v.object({
  campaignId: v.optional(v.string()),
  limit: IntString(1, 200, 50),
});
