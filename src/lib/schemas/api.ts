/** valibot schemas of the public API's bodies and queries, shared by the Worker, the UI and the OpenAPI document. */
import * as v from 'valibot';
import { ConsentPolicySchema } from '../consent/consent-policy.ts';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { LIMITS } from '../limits.ts';
import { CallingWindowSchema } from '../calling/calling-window.ts';
import { BlockedPhoneTypesSchema } from '../calling/blocked-phone-types.ts';
import { CallPurposeSchema } from '../calling/call-purpose.ts';
import { LEAD_FIELD_NAMES } from '../fields/lead-fields.ts';
import { ON_EXISTING } from '../import-view.ts';

export { CreateAssistantSchema, VariableDefSchema } from './assistant.ts';

/** A campaign's default country: national numbers in its files are read as this country's. */
export const CountryCodeSchema = v.pipe(
  v.string(),
  v.toUpperCase(),
  v.regex(/^[A-Z]{2}$/, 'defaultCountry is an ISO 3166 alpha-2 code such as "US".'),
  v.check((c) => isSupportedCountry(c), 'defaultCountry is not a country with phone numbers we know.'),
);

export const CampaignNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'name is required.'), v.maxLength(200, 'name is at most 200 characters.'));

export const CreateCampaignSchema = v.object({
  name: CampaignNameSchema,
  assistantId: v.pipe(v.string(), v.minLength(1, 'assistantId is required.')),
  defaultCountry: v.optional(CountryCodeSchema),
  /** When leads may be called, in their own time zones; default DEFAULT_CALLING_WINDOW. */
  callingWindow: v.optional(CallingWindowSchema),
  /** Phone types an import refuses (PHONE_TYPE_BLOCKED); default ["PREMIUM_RATE"]. */
  blockedPhoneTypes: v.optional(BlockedPhoneTypesSchema),
  /** Which leads need consent evidence and how old it may be; default {"require":"none","maxAgeDays":null}. */
  consentPolicy: v.optional(ConsentPolicySchema),
  /** Refuse imports (409 SUPPRESSION_SOURCE_STALE) while a registry copy of the do-not-call list is too old; default false. */
  requireFreshLists: v.optional(v.boolean('requireFreshLists is true or false.')),
  /** Which calling rules bind the campaign's calls; default "telemarketing" (every rule). */
  callPurpose: v.optional(CallPurposeSchema),
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
  /** Only the leads that may be called at this instant (not suppressed, inside the campaign's window in every zone of the number). */
  callableAt: v.optional(
    v.pipe(
      v.string(),
      v.isoTimestamp('callableAt is an ISO 8601 instant with its offset, such as 2026-03-09T15:00:00Z.'),
      v.check((s) => !Number.isNaN(Date.parse(s)), 'callableAt is an ISO 8601 instant with its offset, such as 2026-03-09T15:00:00Z.'),
      v.description('ISO 8601 instant: only leads callable then (not suppressed, inside the calling window in every zone of the primary number).'),
    ),
  ),
  /** Only the leads whose primary number is on the workspace's suppression list now. */
  suppressed: v.optional(
    v.pipe(
      v.string(),
      v.picklist(['true', 'false'], 'suppressed is true or false.'),
      v.description(
        'true: only leads whose primary number is on the do-not-call list now. A request looks at the next 10,000 leads after the cursor, so a page can be short or empty while nextCursor is not null: follow it until null.',
      ),
    ),
  ),
});

/** GET /campaigns/{id}/sample.csv: registry fields to add to the sample (`fields=region,postal_code`). */
export const SampleQuerySchema = v.object({
  fields: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(200),
      v.transform((s) => s.split(',').map((f) => f.trim()).filter(Boolean)),
      v.check((names) => names.every((n) => (LEAD_FIELD_NAMES as string[]).includes(n)), `fields names columns to add: ${LEAD_FIELD_NAMES.join(', ')}.`),
    ),
  ),
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

/** The address an import's completion email goes to (it must be on the workspace's allow-list). */
export const NotifyEmailSchema = v.pipe(v.string(), v.trim(), v.email('notifyEmail is not an email address.'), v.maxLength(254));

/** One allow-list entry: an address (`ops@acme.com`) or a whole domain (`@acme.com`). */
const NotifyAllowEntrySchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254),
  v.union(
    [v.pipe(v.string(), v.email()), v.pipe(v.string(), v.regex(/^@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/))],
    'Each entry is an email address ("ops@acme.com") or a domain written "@acme.com".',
  ),
);

/** PUT /workspace/notify-emails: the whole list, replacing the previous one. */
export const NotifyEmailListSchema = v.object({
  items: v.pipe(
    v.array(NotifyAllowEntrySchema),
    v.maxLength(LIMITS.maxNotifyEmails, `At most ${LIMITS.maxNotifyEmails} entries.`),
    v.transform((items) => [...new Set(items)].sort()),
  ),
});

/** What an import does with a number the campaign already has: skip it (DUPLICATE_EXISTING), update the lead, or fill its empty variables. */
export const OnExistingPicklist = v.picklist(ON_EXISTING, 'onExisting is skip, update or fill.');
export const OnExistingSchema = v.optional(OnExistingPicklist, 'skip');

export const CreateImportQuerySchema = v.object({
  ignoreErrors: BoolString,
  /** Also accepted as the X-Notify-Email header, which URL logs do not keep. */
  notifyEmail: v.optional(NotifyEmailSchema),
  fileName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255))),
  sheet: v.optional(v.pipe(v.string(), v.maxLength(255))),
  /** The file row (1-based, blank lines counted) holding the column names; found when absent. */
  headerRow: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'headerRow must be a whole number.'), v.transform(Number), v.minValue(1, 'headerRow is counted from 1.'), v.maxValue(1000, 'headerRow must be within the first 1000 rows.')),
  ),
  onExisting: OnExistingSchema,
  /** The file's encoding, a WHATWG label (windows-1256, shift_jis, latin1…); detected when absent. Resolved by the route. */
  encoding: v.optional(v.pipe(v.string(), v.maxLength(100, 'encoding is at most 100 characters.'), v.description('The file\'s encoding, a WHATWG label (windows-1256, shift_jis, latin1, cp1251…); detected from the bytes when absent (a BOM always wins). An unknown label answers 400 ENCODING_UNKNOWN with the accepted names in error.details.accepted.'))),
});

export const ListImportsQuerySchema = v.object({
  campaignId: v.optional(v.string()),
  limit: IntString(1, 200, 50),
});

/** Numbers one existing-leads lookup accepts (the browser asks in batches of this size). */
export const MAX_EXISTING_LOOKUP = 10_000;

/** POST /campaigns/{id}/leads/existing: which of these numbers the campaign already has. */
export const ExistingLeadsSchema = v.object({
  phoneNumbers: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^\+[1-9]\d{6,14}$/, 'phoneNumbers are E.164 numbers such as "+14155550132".'))),
    v.maxLength(MAX_EXISTING_LOOKUP, `At most ${MAX_EXISTING_LOOKUP} numbers per request.`),
  ),
});
