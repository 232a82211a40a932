/**
 * The resources the API answers with, defined once: the Worker's mappers return these types
 * (workers/campaigns, workers/assistants, the import coordinator), the OpenAPI components are
 * generated from these schemas (workers/api/openapi/components.ts), and the UI reads them through
 * the typed client (src/lib/ui/wire-types.ts, Hono's InferResponseType).
 */
import * as v from 'valibot';
import { CallingWindowSchema } from '../calling/calling-window.ts';
import { PHONE_TYPES } from '../calling/blocked-phone-types.ts';
import { CALL_PURPOSES } from '../calling/call-purpose.ts';
import { ROW_ERROR_CODES } from '../codes.ts';
import { VariableDefSchema } from './assistant.ts';
import { IMPORT_STATUSES, MAPPING_SOURCES, ON_EXISTING } from '../import-view.ts';
import { CONSENT_REQUIREMENTS } from '../consent/consent-policy.ts';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const Count = (description: string) => v.pipe(v.number(), v.integer(), v.description(description));

export const CampaignSchema = v.object({
  id: v.string(),
  name: v.string(),
  assistantId: v.string(),
  defaultCountry: v.pipe(v.nullable(v.string()), v.description('ISO 3166 alpha-2 country of national numbers')),
  callingWindow: v.pipe(
    CallingWindowSchema,
    v.description('When leads may be called, in each of their time zones: local start and end (exclusive) and ISO weekdays (1 = Monday).'),
  ),
  blockedPhoneTypes: v.pipe(v.array(v.picklist(PHONE_TYPES)), v.description('Phone types an import refuses (PHONE_TYPE_BLOCKED, SECONDARY_PHONE_TYPE_BLOCKED).')),
  callPurpose: v.pipe(v.picklist(CALL_PURPOSES), v.description('telemarketing (default): every calling rule binds; informational: rules of telemarketing scope do not')),
  consentPolicy: v.pipe(
    v.object({
      require: v.picklist(CONSENT_REQUIREMENTS),
      maxAgeDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
    v.description(
      'Which leads must carry consent evidence (consent_at): none, mobile (MOBILE and FIXED_LINE_OR_MOBILE numbers, since the latter may be mobile) or all; and the oldest consent accepted, in days before the import started (null: any age). Rows that break it fail with CONSENT_REQUIRED or CONSENT_EXPIRED.',
    ),
  ),
  requireFreshLists: v.pipe(
    v.boolean(),
    v.description('Imports are refused (409 SUPPRESSION_SOURCE_STALE) while a registry copy of the do-not-call list is older than its rule allows.'),
  ),
  leadCount: Count('Leads the campaign holds'),
  createdAt: Timestamp,
});
export type Campaign = v.InferOutput<typeof CampaignSchema>;

export const AssistantSchema = v.object({
  id: v.string(),
  name: v.string(),
  variables: v.array(VariableDefSchema),
  secondaryVariables: v.array(VariableDefSchema),
  createdAt: Timestamp,
});
export type Assistant = v.InferOutput<typeof AssistantSchema>;

/**
 * Something the import wants its reader to know that is not an error of a row: the file's encoding
 * was a guess (ENCODING_UNCERTAIN), a suppression source is stale… Other codes may follow.
 */
export const ImportWarningSchema = v.object({ code: v.string(), message: v.string() });

export const ImportViewSchema = v.object({
  id: v.string(),
  campaignId: v.string(),
  fileName: v.string(),
  status: v.picklist(IMPORT_STATUSES),
  ignoreErrors: v.boolean(),
  onExisting: v.pipe(
    v.picklist(ON_EXISTING),
    v.description('What the import did with numbers the campaign already had: skip (DUPLICATE_EXISTING), update, or fill empty variables'),
  ),
  totalRows: Count('Data rows of the file'),
  validatedRows: Count('Rows whose validation pass is done (the first of the two passes)'),
  processedRows: Count('Rows with a final verdict: imported or failed'),
  importedRows: Count('createdRows + updatedRows + unchangedRows'),
  createdRows: Count('Rows that became new leads'),
  updatedRows: Count('Rows that updated (or filled) a lead the campaign already had'),
  unchangedRows: Count('Rows of an update or fill import that matched a lead but changed none of its values: no change record, nothing for undo to restore'),
  failedRows: Count('Rows refused, with their errors in the error report'),
  undoneRows: Count('Undo: leads deleted or restored so far (undoDeletedRows + undoRestoredRows)'),
  undoDeletedRows: Count('Undo: leads this import created that the undo deleted'),
  undoRestoredRows: Count('Undo: leads this import updated that the undo gave their previous values back'),
  undoSkippedRows: Count('Undo: leads left as they are because a later import changed them (undo-report.csv)'),
  errorCounts: v.pipe(v.record(v.picklist(ROW_ERROR_CODES), v.number()), v.description('Rows per row error code')),
  mappingSource: v.pipe(
    v.nullable(v.picklist(MAPPING_SOURCES)),
    v.description(
      "Where the column mapping came from. automatic: exact header names, normalised names and phone synonyms; remembered: the mapping saved in this campaign for the identical header row; provided: the mapping sent with POST /imports (the wizard's). A headless import is automatic or remembered, never the wizard's suggestions. null for imports made before it was recorded.",
    ),
  ),
  failure: v.nullable(v.object({ code: v.string(), message: v.string() })),
  createdAt: Timestamp,
  finishedAt: v.nullable(Timestamp),
  encoding: v.pipe(
    v.nullable(v.string()),
    v.description('The WHATWG name of the encoding the CSV was read in (utf-8, windows-1256, shift_jis…): named by encoding=, or detected; null for workbooks'),
  ),
  warnings: v.pipe(
    v.array(ImportWarningSchema),
    v.description(
      'About the whole import; ENCODING_UNCERTAIN when the encoding was a guess that may be wrong (import again with encoding=<label>); SUPPRESSION_SOURCE_STALE when a registry copy of the do-not-call list was older than its rule allows as the import was created. Other codes may appear.',
    ),
  ),
});
