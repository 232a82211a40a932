/**
 * The suppression list's part of the OpenAPI document, from the same valibot schemas that validate
 * its requests. Spread into the document's `paths` (`...suppressionPaths`).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { LIMITS } from '../../src/lib/limits.ts';
import {
  AddSuppressionsSchema,
  DeleteSuppressionQuerySchema,
  ImportSuppressionsQuerySchema,
  ListSuppressionsQuerySchema,
  MAX_INVALID_SHOWN,
  MAX_NUMBERS_PER_REQUEST,
} from '../../src/lib/suppression/schemas.ts';
import { SUPPRESSION_CSV_HEADERS } from './export-csv.ts';
import { INVALID_SHOWN } from './list-import/view.ts';
import { MAX_REGISTRY_ROWS } from '../../src/lib/suppression/registry-lines.ts';

const schema = (s: v.GenericSchema) => toJsonSchema(s, { typeMode: 'input', errorMode: 'ignore' });

function queryParams(s: v.GenericSchema) {
  const json = schema(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: prop }));
}

const error = { $ref: '#/components/responses/Error' };
const authed = { security: [{ bearer: [] }] };
const ok = (description: string, properties: Record<string, unknown>) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties } } },
});

const entry = {
  type: 'object',
  required: ['phoneNumber', 'source', 'reason', 'expiresAt', 'createdAt'],
  properties: {
    phoneNumber: { type: 'string', description: 'E.164' },
    source: { type: 'string', description: 'internal, or a registry (us-national-dnc, ca-dncl, uk-tps, or any [a-z0-9-]{1,32}). A number listed in two sources has an entry in each.' },
    reason: { type: ['string', 'null'] },
    expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'null: never expires. Past: listed, but no longer applies.' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

const counts = {
  added: { type: 'integer', description: 'Numbers newly listed (or an expired entry put back in force).' },
  alreadyPresent: { type: 'integer', description: 'Valid numbers that were already listed, or repeated earlier in the same request or file.' },
  invalid: {
    type: 'array',
    items: {
      type: 'object',
      required: ['input', 'code', 'message'],
      properties: {
        input: { type: 'string' },
        code: { enum: ['PHONE_REQUIRED', 'PHONE_INVALID', 'EXPIRES_AT_INVALID', 'REASON_TOO_LONG'] },
        message: { type: 'string' },
        row: { type: 'integer', description: 'File import: 1-based data row.' },
        index: { type: 'integer', description: 'JSON add: position in phoneNumbers.' },
      },
    },
  },
  invalidCount: { type: 'integer', description: 'Every refused input; added + alreadyPresent + invalidCount = inputs.' },
};

const listImport = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { enum: ['running', 'completed', 'failed'], description: 'failed: error has the reason (CHUNK_MISSING, PROCESSING_FAILED, SUPERSEDED: a newer replace of the same source started first).' },
    fileName: { type: 'string' },
    defaultCountry: { type: 'string' },
    source: { type: 'string' },
    mode: { enum: ['add', 'replace'], description: 'replace: the file\'s numbers became the source\'s all at once when the import completed (until then, and if it fails, the source keeps its list).' },
    asOf: { type: ['string', 'null'], format: 'date', description: 'The date of the registry copy the file is.' },
    layout: { enum: ['table', 'registry'], description: 'table: a spreadsheet with a header row; registry: one number a line (2125550123) or NPA,NNNNNNN a line (212,5550123).' },
    totalRows: { type: ['integer', 'null'], description: 'Data rows in the file.' },
    rows: { type: 'integer', description: 'Rows checked and listed so far; equals totalRows when completed.' },
    ...counts,
    invalid: { ...counts.invalid, description: `The first ${INVALID_SHOWN} rows that were not numbers; all of them are in errorReportUrl.` },
    error: { type: ['object', 'null'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
    errorReportUrl: { type: ['string', 'null'], description: 'Once ended, when some rows were not numbers.' },
    createdAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

export const suppressionPaths = {
  '/suppressions': {
    post: {
      ...authed,
      summary: 'Add numbers to the workspace\'s do-not-call list',
      description: `At most ${MAX_NUMBERS_PER_REQUEST.toLocaleString('en-US')} numbers, normalised like leads (national numbers read as defaultCountry, default US). An already listed number keeps its entry.`,
      requestBody: { content: { 'application/json': { schema: schema(AddSuppressionsSchema) } } },
      responses: { 200: ok('counts', counts), 400: error, 401: error, 413: error },
    },
    get: {
      ...authed,
      summary: 'The list in phone-number order, or the entry of one number (phoneNumber, normalised first)',
      description: 'Expired entries are shown with their expiresAt; they no longer apply.',
      parameters: queryParams(ListSuppressionsQuerySchema),
      responses: { 200: ok('a page', { items: { type: 'array', items: entry }, nextCursor: { type: ['string', 'null'] } }), 400: error, 401: error },
    },
  },
  '/suppressions/import': {
    post: {
      ...authed,
      summary: 'Add the numbers of a CSV, XLSX or XLS list',
      description:
        `Body is the raw file (same readers and limits as lead files: CSV up to ${LIMITS.maxCsvBytes / 1048576} MB streamed, Excel up to ${LIMITS.maxExcelBytesServer / 1048576} MB, ${LIMITS.maxRows.toLocaleString('en-US')} rows). ` +
        `The phone column is found like a lead file's; optional reason and expires_at (ISO 8601) columns. At most ${MAX_INVALID_SHOWN.toLocaleString('en-US')} invalid entries are returned, invalidCount has the total. ` +
        'A text file whose lines are numbers is a registry download (no header row): one number a line (2125550123) or area code and number (212,5550123), read as defaultCountry\'s numbers; ' +
        `lines that are not numbers are listed in invalid and the report, the others listed; up to ${MAX_REGISTRY_ROWS.toLocaleString('en-US')} lines (the byte limit first). ` +
        'source names the list the numbers go to (internal by default), asOf the date of the registry copy (not in the future), and mode=replace swaps all entries of that source for the file\'s at once when the whole file is listed. ' +
        'The file is read and stored in chunks first: a file refused while it is read lists nothing. The answer is the list import as it ended (its counts); a chunk that could not be listed answers 503 with the import in details. ' +
        'With the header `Prefer: respond-async` the same import runs in the background: 202 with the list import (Location: /api/v1/suppressions/imports/{id}), its progress and counts followed there.',
      parameters: [
        ...queryParams(ImportSuppressionsQuerySchema),
        { name: 'Prefer', in: 'header', required: false, schema: { type: 'string', enum: ['respond-async'] }, description: 'respond-async: import in the background (202).' },
      ],
      requestBody: {
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
          'application/vnd.ms-excel': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        200: { description: 'the list import, completed, with up to 1,000 invalid entries', content: { 'application/json': { schema: { ...listImport, properties: { ...listImport.properties, invalid: counts.invalid } } } } },
        202: { description: 'a background list import (Prefer: respond-async)', content: { 'application/json': { schema: listImport } } },
        400: error,
        401: error,
        413: error,
        415: error,
        422: error,
        503: error,
        507: error,
      },
    },
  },
  '/suppressions/sources': {
    get: {
      ...authed,
      summary: 'The sources of the list: their counts, the date of each registry copy, and whether it is too old to rely on',
      description:
        'maxAgeDays is 31 for us-national-dnc and ca-dncl, 28 for uk-tps, null otherwise; stale when the copy (asOf) is older than that. ' +
        'While a source is stale, every lead import created carries the warning SUPPRESSION_SOURCE_STALE, and a campaign with requireFreshLists refuses imports (409 SUPPRESSION_SOURCE_STALE).',
      responses: {
        200: {
          description: 'the sources',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['source', 'count', 'asOf', 'maxAgeDays', 'stale'],
                      properties: {
                        source: { type: 'string' },
                        count: { type: 'integer', description: 'Entries of the source (expired ones included).' },
                        asOf: { type: ['string', 'null'], format: 'date' },
                        maxAgeDays: { type: ['integer', 'null'] },
                        stale: { type: 'boolean' },
                        replacing: { type: ['string', 'null'], description: 'The list import writing a replace of this source, if any.' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        401: error,
      },
    },
  },
  '/suppressions/imports/{id}': {
    get: {
      ...authed,
      summary: 'A background list import: its progress (rows of totalRows) and counts',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'the list import', content: { 'application/json': { schema: listImport } } }, 401: error, 404: error },
    },
  },
  '/suppressions/imports/{id}/errors.csv': {
    get: {
      ...authed,
      summary: 'The rows of a list import that were not numbers, as CSV',
      description: 'The file\'s columns plus error_row, error_codes and error_messages, in file order, formula-safe: fix the rows and upload the file again. 409 while the import runs; 410 once the report has expired.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, 401: error, 404: error, 409: error, 410: error },
    },
  },
  '/suppressions.csv': {
    get: {
      ...authed,
      summary: `The whole list as CSV (${SUPPRESSION_CSV_HEADERS.join(', ')}), formula-safe; re-imports through /suppressions/import`,
      responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, 401: error },
    },
  },
  '/suppressions/packed': {
    get: {
      ...authed,
      summary: 'The numbers in force now, packed for the browser',
      description:
        'At most 24 MiB at any list size (X-Suppression-Format: spk2; src/lib/suppression/packed-list.ts reads it). A 32-byte header (magic "SPK2", form, count), then, while it fits (X-Suppression-Form: exact): ' +
        'sorted little-endian float64 values, each the digits of an E.164 number (8 bytes a number), then the numbers that expire with their expiries, so the reader drops an entry once its time has passed; ' +
        'past that (X-Suppression-Form: filter): a Bloom filter that never misses a listed number, whose hits are only probably listed (the server checks exactly at import). ' +
        'Headers: X-Suppression-Count, X-Suppression-Form, ETag, X-Suppression-As-Of. ' +
        'The ETag is an opaque strong validator, not a hash of the bytes: it changes whenever what is in force does (a number added or deleted, a source replaced, the workspace moving to another database); an entry expiring does not change it. ' +
        'With If-None-Match the server answers 304 without reading the list (the packed form is kept built between changes).',
      responses: { 200: { description: 'packed numbers', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, 304: { description: 'unchanged' }, 401: error },
    },
  },
  '/suppressions/{phoneNumber}': {
    delete: {
      ...authed,
      summary: 'Remove a number from the list (from every source, or the one named)',
      parameters: [{ name: 'phoneNumber', in: 'path', required: true, schema: { type: 'string' }, description: 'E.164, URL-encoded (%2B14155550132)' }, ...queryParams(DeleteSuppressionQuerySchema)],
      responses: { 204: { description: 'removed' }, 400: error, 401: error, 404: error },
    },
  },
};
