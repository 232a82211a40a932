/** valibot schemas of the suppression list's request bodies and queries (also the OpenAPI document). */
import * as v from 'valibot';
import { isSupportedCountry } from '../validate/phone.ts';
import { MAX_REASON_LENGTH, parseExpiresAt } from './entry.ts';
import { asOfProblem, INTERNAL_SOURCE, SOURCE_PATTERN } from './sources.ts';

/** Numbers one JSON request may list; larger lists go through POST /suppressions/import. */
export const MAX_NUMBERS_PER_REQUEST = 10_000;
/** Entries of `invalid` returned inline by an import of a file; `invalidCount` has the total. */
export const MAX_INVALID_SHOWN = 1_000;
/** Longest phone number text accepted in a JSON request (characters). */
const MAX_PHONE_INPUT = 100;

export const DefaultCountrySchema = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.toUpperCase(),
    v.regex(/^[A-Z]{2}$/, 'defaultCountry is an ISO 3166 alpha-2 code such as "US".'),
    v.check((c) => isSupportedCountry(c), 'defaultCountry is not a country with phone numbers we know.'),
  ),
  'US',
);

/** A list source: `internal` (the default) or a registry such as `us-national-dnc`. */
export const SourceSchema = v.optional(
  v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(SOURCE_PATTERN, 'source is 1 to 32 lower-case letters, digits or hyphens, such as "internal" or "us-national-dnc".')),
  INTERNAL_SOURCE,
);

export const AddSuppressionsSchema = v.object({
  phoneNumbers: v.pipe(
    v.array(
      v.pipe(v.string('each phone number is a string.'), v.maxLength(MAX_PHONE_INPUT, `a phone number is at most ${MAX_PHONE_INPUT} characters.`)),
      'phoneNumbers is an array of phone numbers (strings).',
    ),
    v.minLength(1, 'phoneNumbers is empty: list at least one number.'),
    v.maxLength(
      MAX_NUMBERS_PER_REQUEST,
      `at most ${MAX_NUMBERS_PER_REQUEST.toLocaleString('en-US')} numbers per request; upload larger lists as a file to POST /api/v1/suppressions/import.`,
    ),
  ),
  reason: v.optional(
    v.nullable(
      v.pipe(
        v.string('reason is text.'),
        v.trim(),
        v.maxLength(MAX_REASON_LENGTH, `reason is at most ${MAX_REASON_LENGTH} characters.`),
        v.transform((s) => s || null),
      ),
    ),
    null,
  ),
  expiresAt: v.optional(
    v.nullable(
      v.pipe(
        v.string('expiresAt is an ISO 8601 date or time, such as "2026-12-31" or "2026-12-31T18:00:00Z".'),
        v.check((s) => parseExpiresAt(s) !== undefined, 'expiresAt is not a date: use ISO 8601, such as "2026-12-31" or "2026-12-31T18:00:00Z".'),
        v.transform((s) => parseExpiresAt(s) ?? null),
      ),
    ),
    null,
  ),
  defaultCountry: DefaultCountrySchema,
  source: SourceSchema,
});
export type AddSuppressionsInput = v.InferOutput<typeof AddSuppressionsSchema>;

export const ImportSuppressionsQuerySchema = v.object({
  defaultCountry: DefaultCountrySchema,
  /** Only its extension is used, to tell CSV from Excel when the body's type is not given. */
  fileName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(255))),
  sheet: v.optional(v.pipe(v.string(), v.maxLength(255))),
  source: SourceSchema,
  /** The day the registry copy was downloaded (YYYY-MM-DD, not in the future). */
  asOf: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const problem = asOfProblem(dataset.value, new Date());
        if (problem) addIssue({ message: problem });
      }),
    ),
  ),
  /** add (the default): the file's numbers join the source; replace: they become the source's, all at once. */
  mode: v.optional(v.picklist(['add', 'replace'], 'mode is "add" or "replace".'), 'add'),
  /** The CSV's encoding, a WHATWG label; detected when absent. Resolved by the route. */
  encoding: v.optional(v.pipe(v.string(), v.maxLength(100, 'encoding is at most 100 characters.'), v.description('The file\'s encoding, a WHATWG label (windows-1256, shift_jis, latin1, cp1251…); detected from the bytes when absent (a BOM always wins). An unknown label answers 400 ENCODING_UNKNOWN with the accepted names in error.details.accepted.'))),
});
export type ImportSuppressionsQuery = v.InferOutput<typeof ImportSuppressionsQuerySchema>;

export const ListSuppressionsQuerySchema = v.object({
  phoneNumber: v.optional(v.pipe(v.string(), v.maxLength(MAX_PHONE_INPUT, `phoneNumber is at most ${MAX_PHONE_INPUT} characters.`))),
  defaultCountry: DefaultCountrySchema,
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number.'), v.transform(Number), v.minValue(1, 'limit is at least 1.'), v.maxValue(1000, 'limit is at most 1000.')),
    '100',
  ),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\+[1-9]\d{1,14}$/, 'cursor is the nextCursor of a previous page.'))),
  source: v.optional(v.pipe(v.string(), v.regex(SOURCE_PATTERN, 'source is 1 to 32 lower-case letters, digits or hyphens.'))),
});

/** DELETE /suppressions/{phoneNumber}: the number is E.164; a national one is read as `defaultCountry`'s. */
export const DeleteSuppressionQuerySchema = v.object({
  defaultCountry: DefaultCountrySchema,
  /** Only this source's entry; without it, the number leaves every source. */
  source: v.optional(v.pipe(v.string(), v.regex(SOURCE_PATTERN, 'source is 1 to 32 lower-case letters, digits or hyphens.'))),
});
