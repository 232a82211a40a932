/** The OpenAPI 3.1 document, generated from the same valibot schemas that validate requests. */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import {
  CreateAssistantSchema,
  CreateCampaignSchema,
  CreateImportQuerySchema,
  ListImportsQuerySchema,
  ListLeadsQuerySchema,
} from '../../src/lib/schemas/api.ts';
import { UpdateAssistantSchema, UpdateCampaignSchema } from '../../src/lib/schemas/update.ts';
import { BrowserImportSchema } from '../../src/lib/schemas/browser-import.ts';
import { ChunkSchema } from '../../src/lib/chunk/format.ts';
import { CompleteUploadSchema } from '../chunk/multipart.ts';
import { MatchMappingSchema } from './routes/mappings.ts';
import { ROW_ERROR_CODES, FILE_ERROR_CODES } from '../../src/lib/codes.ts';
import { PHONE_TYPES } from '../../src/lib/calling/blocked-phone-types.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { suppressionPaths } from '../suppression/openapi-paths.ts';

const schema = (s: v.GenericSchema) => toJsonSchema(s, { typeMode: 'input', errorMode: 'ignore' });

function queryParams(s: v.GenericSchema) {
  const json = schema(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: prop,
  }));
}

const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const indexParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'integer', minimum: 0 } });
const error = { $ref: '#/components/responses/Error' };
const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
/** A JSON request body of a component schema. */
const body = (ref: string) => ({ required: true, ...json(ref) });
/** A response (OpenAPI requires its description) whose JSON body is a component schema. */
const returns = (description: string, ref: string) => ({ description, ...json(ref) });
const finished = returns(`The import, finished inline (${LIMITS.inlineMaxRows} rows or fewer)`, 'Import');
const accepted = returns('The import, queued to run in the background', 'Import');
const authed = { security: [{ bearer: [] }] };
/** Operator routes take ADMIN_TOKEN (a secret), never a workspace token; they answer 404 where none is set. */
const admin = { security: [{ admin: [] }] };
/** A signed link's query: HMAC-SHA-256 over the link's kind, import and expiry (valid 7 days; 403 LINK_INVALID or LINK_EXPIRED). */
const signedParams = [
  { name: 'exp', in: 'query', required: true, description: 'Expiry, unix seconds', schema: { type: 'integer' } },
  { name: 'sig', in: 'query', required: true, description: 'Signature, hex', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
];
const notifyHeader = { name: 'X-Notify-Email', in: 'header', required: false, description: 'Where to send the completion email (preferred over the notifyEmail query parameter, which URL logs keep). Must be on the workspace allow-list (PUT /workspace/notify-emails).', schema: { type: 'string', format: 'email' } };

/** What every stored number carries (the lead's primary, and each secondary contact). */
const phoneFields = {
  phoneNumber: { type: 'string', description: 'E.164' },
  phoneCountry: { type: ['string', 'null'], description: 'ISO 3166 alpha-2' },
  phoneType: { type: ['string', 'null'], description: "libphonenumber-js's type: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, TOLL_FREE, PREMIUM_RATE, …" },
  phoneTimeZones: { type: 'array', items: { type: 'string' }, description: 'Every candidate IANA time zone of the number' },
  phoneExtension: { type: ['string', 'null'], description: 'Extension dialled after the number connects' },
};
const variablesField = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } };
const leadSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    ...phoneFields,
    variables: variablesField,
    secondaryContacts: { type: 'array', items: { type: 'object', properties: { ...phoneFields, variables: variablesField } } },
    suppressed: { type: 'boolean', description: "The primary number is on the workspace's suppression list now (an entry not expired)" },
    nextCallableAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: "The earliest instant from now, within 7 days, at which the lead may be called (inside the campaign's calling window in every zone, not suppressed); null when never",
    },
    importId: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lead import API',
      version: '1.0.0',
      description:
        'Import leads (people to call) into calling campaigns from CSV and Excel files. Every row is validated; bad rows come back in an error report that re-imports as it is.',
    },
    servers: [{ url: `${origin}/api/v1` }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' } },
      schemas: {
        CreateAssistant: schema(CreateAssistantSchema),
        CreateCampaign: schema(CreateCampaignSchema),
        UpdateAssistant: schema(UpdateAssistantSchema),
        UpdateCampaign: schema(UpdateCampaignSchema),
        Campaign: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            assistantId: { type: 'string' },
            defaultCountry: { type: ['string', 'null'] },
            callingWindow: {
              type: 'object',
              description: 'When leads may be called, in each of their time zones: local start and end (exclusive) and ISO weekdays (1 = Monday).',
              properties: { start: { type: 'string', examples: ['08:00'] }, end: { type: 'string', examples: ['21:00'] }, days: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 } } },
            },
            blockedPhoneTypes: { type: 'array', items: { enum: [...PHONE_TYPES] }, description: 'Phone types an import refuses (PHONE_TYPE_BLOCKED, SECONDARY_PHONE_TYPE_BLOCKED).' },
            leadCount: { type: 'integer' },
            createdAt: { type: 'string', format: 'date-time' },
          },
        },
        BrowserImport: schema(BrowserImportSchema),
        CompleteUpload: schema(CompleteUploadSchema),
        Chunk: schema(ChunkSchema),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', examples: ['VALIDATION_FAILED', 'NOT_FOUND', 'UNAUTHORIZED', ...FILE_ERROR_CODES] },
                message: { type: 'string' },
              },
            },
          },
        },
        Lead: leadSchema,
        LeadPage: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Lead' } }, nextCursor: { type: ['string', 'null'] } } },
        Import: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            campaignId: { type: 'string' },
            fileName: { type: 'string' },
            status: { enum: ['queued', 'validating', 'importing', 'completed', 'failed', 'cancelled'] },
            ignoreErrors: { type: 'boolean' },
            totalRows: { type: 'integer' },
            processedRows: { type: 'integer' },
            importedRows: { type: 'integer' },
            failedRows: { type: 'integer' },
            errorCounts: { type: 'object', propertyNames: { enum: [...ROW_ERROR_CODES] }, additionalProperties: { type: 'integer' } },
            failure: { type: ['object', 'null'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
            createdAt: { type: 'string', format: 'date-time' },
            finishedAt: { type: ['string', 'null'], format: 'date-time' },
          },
        },
      },
      responses: { Error: returns('An error: {error: {code, message}}', 'Error') },
    },
    paths: {
      ...suppressionPaths,
      // Operator routes (ADMIN_TOKEN, not a workspace token): leads shards and workspace moves.
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': {} } } } } },
      '/health': { get: { summary: 'Health of the Worker and its bindings', responses: { 200: { description: 'ok' }, 503: { description: 'a binding does not answer' } } } },
      '/assistants': {
        post: { ...authed, summary: 'Create an assistant', requestBody: body('CreateAssistant'), responses: { 201: { description: 'created' }, 400: error, 401: error } },
        get: { ...authed, summary: 'List assistants', responses: { 200: { description: 'ok' }, 401: error } },
      },
      '/assistants/{id}': {
        get: { ...authed, parameters: [idParam('id')], summary: 'One assistant', responses: { 200: { description: 'ok' }, 404: error } },
        patch: { ...authed, parameters: [idParam('id')], summary: 'Change an assistant\'s name or variables (the fields sent; a variable list replaces the previous one). Imports already created keep the variables they started with.', requestBody: body('UpdateAssistant'), responses: { 200: { description: 'The assistant, changed' }, 400: error, 404: error, 413: error } },
      },
      '/campaigns': {
        post: { ...authed, summary: 'Create a campaign (calling window and blocked phone types optional)', requestBody: body('CreateCampaign'), responses: { 201: returns('The campaign', 'Campaign'), 400: error, 404: error } },
        get: { ...authed, summary: 'List campaigns with lead counts', responses: { 200: { description: 'ok' } } },
      },
      '/campaigns/{id}': {
        get: { ...authed, parameters: [idParam('id')], summary: 'One campaign', responses: { 200: returns('The campaign', 'Campaign'), 404: error } },
        patch: {
          ...authed,
          parameters: [idParam('id')],
          summary: "Change a campaign's name, default country, calling window or blocked phone types (imports already created keep theirs)",
          requestBody: body('UpdateCampaign'),
          responses: { 200: returns('The campaign', 'Campaign'), 400: error, 404: error },
        },
      },
      '/campaigns/{id}/sample.csv': {
        get: { ...authed, parameters: [idParam('id')], summary: 'Sample file with the columns the campaign expects', responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, 404: error } },
      },
      '/campaigns/{id}/leads': {
        get: { ...authed, parameters: [idParam('id'), ...queryParams(ListLeadsQuerySchema)], summary: 'Leads of a campaign, secondary contacts in call order; with callableAt, only those that may be called at that instant', responses: { 200: returns('A page of leads', 'LeadPage'), 400: error, 404: error } },
      },
      '/campaigns/{id}/leads/zone-sets': {
        get: { ...authed, parameters: [idParam('id')], summary: "How many of the campaign's leads hold each set of time zones (suppressed leads left out): {items: [{zones, count}]}, for the callable-by-hour chart", responses: { 200: { description: '{items: [{zones: string[], count: number}]}' }, 404: error } },
      },
      '/campaigns/{id}/imports': {
        post: {
          ...authed,
          summary: 'Import a CSV, XLSX or XLS file',
          description: `Body is the raw file. CSV up to ${LIMITS.maxCsvBytes / 1024 / 1024} MB is streamed; Excel up to ${LIMITS.maxExcelBytesServer / 1024 / 1024} MB (FILE_TOO_LARGE past it). Up to ${LIMITS.inlineMaxRows} rows finish inline (201), larger files are processed in the background (202).`,
          parameters: [idParam('id'), ...queryParams(CreateImportQuerySchema), notifyHeader],
          requestBody: {
            required: true,
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
              'application/vnd.ms-excel': { schema: { type: 'string', format: 'binary' } },
            },
          },
          responses: { 201: finished, 202: accepted, 400: error, 404: error, 413: error, 415: error, 422: error, 429: error, 507: error },
        },
      },
      '/campaigns/{id}/uploads': {
        post: { ...authed, summary: 'Start a multipart upload of a CSV larger than one request body', parameters: [idParam('id'), ...queryParams(CreateImportQuerySchema), notifyHeader], responses: { 201: { description: '{uploadId, partBytes, maxPartBytes, maxBytes}' }, 404: error, 422: error, 429: error, 507: error } },
      },
      '/campaigns/{id}/uploads/{uploadId}/parts/{n}': {
        put: { ...authed, summary: 'Upload part n (1-based; every part but the last the same size, ≥ 5 MiB)', parameters: [idParam('id'), idParam('uploadId'), indexParam('n', 'Part number, from 1')], requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, responses: { 200: { description: '{partNumber, etag}' }, 404: error, 413: error } },
      },
      '/campaigns/{id}/uploads/{uploadId}/complete': {
        post: { ...authed, summary: 'Complete the upload and import the file', parameters: [idParam('id'), idParam('uploadId')], requestBody: body('CompleteUpload'), responses: { 201: finished, 202: accepted, 400: error, 404: error } },
      },
      '/imports': {
        get: { ...authed, parameters: queryParams(ListImportsQuerySchema), summary: 'Imports, newest first', responses: { 200: { description: 'ok' } } },
        post: { ...authed, summary: 'Browser path: create an import from a header and mapping already checked in the browser', requestBody: body('BrowserImport'), responses: { 201: returns('The import, waiting for its chunks', 'Import'), 400: error, 404: error, 413: error, 422: error, 429: error } },
      },
      '/imports/{id}/chunks/{n}': {
        put: { ...authed, summary: 'Browser path: upload chunk n ({v:1, index, rows:[{row, cells}]}); repeating a chunk replaces it', parameters: [idParam('id'), indexParam('n', 'Chunk index, from 0')], requestBody: body('Chunk'), responses: { 200: { description: '{index, rows, storedRows}' }, 400: error, 409: error, 411: error, 413: error, 422: error, 503: error, 507: error } },
      },
      '/imports/{id}/start': {
        post: { ...authed, summary: 'Browser path: every chunk is uploaded; validate and import', parameters: [idParam('id')], responses: { 201: finished, 202: accepted, 409: error } },
      },
      '/imports/{id}/progress': {
        get: { ...authed, summary: 'Live progress over a WebSocket (the import resource on every change); browsers, which cannot set headers, offer the subprotocols lead-import.v1 and bearer.<token>', parameters: [idParam('id')], responses: { 101: { description: 'WebSocket' }, 404: error, 426: error } },
      },
      '/imports/{id}': {
        get: { ...authed, parameters: [idParam('id')], summary: 'One import', responses: { 200: returns('The import', 'Import'), 404: error } },
        delete: { ...authed, parameters: [idParam('id')], summary: 'Cancel a running import', responses: { 200: returns('The import, cancelled', 'Import'), 404: error, 409: error } },
      },
      '/imports/{id}/errors.csv': { get: { ...authed, parameters: [idParam('id')], summary: 'Error report: original columns, error_row, error_codes, error_messages', responses: { 200: { description: 'CSV' }, 404: error, 410: error } } },
      '/campaigns/{id}/mappings/match': {
        post: {
          ...authed,
          summary: 'The mapping a file with these headers gets in this campaign: a remembered one (same headers first, else per header from the most recent mapping that had it, this campaign before the workspace) or automatic matching',
          parameters: [idParam('id')],
          requestBody: { required: true, content: { 'application/json': { schema: schema(MatchMappingSchema) } } },
          responses: {
            200: { description: "{mapping: {columns}, source: {id, fileName, savedAt, scope: 'campaign'|'workspace'} | null, match: 'exact'|'overlap'|null, remembered: number[] (columns taken from the saved mapping), suggested: number[] (columns proposed as secondary phones)}" },
            400: error,
            404: error,
          },
        },
      },
      '/mappings': {
        get: { ...authed, summary: 'Remembered column mappings of the workspace (the 50 most recent), saved when an import is created', responses: { 200: { description: '{items: [{id, campaignId, fileName, headers, mapping: {columns}, savedAt}]}' }, 401: error } },
      },
      '/mappings/{id}': {
        delete: { ...authed, summary: 'Forget a remembered mapping', parameters: [idParam('id')], responses: { 204: { description: 'Forgotten' }, 404: error } },
      },
      '/workspace/notify-emails': {
        get: { ...authed, summary: 'Who may receive import emails: addresses and @domains', responses: { 200: { description: '{items: string[]}' }, 401: error } },
        put: {
          ...authed,
          summary: 'Replace the list of who may receive import emails (at most 100 entries, each a@b.c or @domain)',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', maxItems: 100, items: { type: 'string' } } } } } } },
          responses: { 200: { description: '{items: string[]}' }, 400: error, 413: error },
        },
      },
      '/links/imports/{id}': {
        get: { summary: 'Signed link (from the completion email, no token): the import resource with its campaign name and signed report and leads links', parameters: [idParam('id'), ...signedParams], responses: { 200: returns('The import', 'Import'), 403: error, 404: error } },
      },
      '/links/imports/{id}/errors.csv': { get: { summary: 'Signed link (no token): the error report', parameters: [idParam('id'), ...signedParams], responses: { 200: { description: 'CSV' }, 403: error, 404: error, 410: error } } },
      '/links/imports/{id}/leads.csv': { get: { summary: 'Signed link (no token): the leads this import wrote', parameters: [idParam('id'), ...signedParams], responses: { 200: { description: 'CSV' }, 403: error, 404: error } } },
      '/admin/shards': { get: { ...admin, summary: 'Operator: the leads shards with their workspaces and lead counts', responses: { 200: { description: '{items: [{shard, workspaces, leads}]}' }, 401: error, 404: error } } },
      '/admin/workspaces/{id}/shard': { get: { ...admin, parameters: [idParam('id')], summary: "Operator: a workspace's shard and its move, if any", responses: { 200: { description: '{workspaceId, shard, move}' }, 401: error, 404: error } } },
      '/admin/workspaces/{id}/move': {
        post: {
          ...admin,
          parameters: [idParam('id')],
          summary: 'Operator: move a workspace to another shard, one bounded step per call (drain, copy, verify, flip, delete); call again until done; safe to repeat after a crash',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['toShard'], properties: { toShard: { type: 'integer', minimum: 0 }, drainSeconds: { type: 'integer' }, budgetSeconds: { type: 'integer' }, batchRows: { type: 'integer' } } } } } },
          responses: { 200: { description: 'The move is done' }, 202: { description: 'The move made progress; call again' }, 400: error, 401: error, 404: error, 409: error },
        },
      },
      '/imports/{id}/leads.csv': { get: { ...authed, parameters: [idParam('id')], summary: 'Leads this import wrote, in the sample file columns', responses: { 200: { description: 'CSV' }, 404: error } } },
    },
  };
}
