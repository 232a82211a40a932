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
  required: ['phoneNumber', 'reason', 'expiresAt', 'createdAt'],
  properties: {
    phoneNumber: { type: 'string', description: 'E.164' },
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
    status: { enum: ['running', 'completed', 'failed'] },
    fileName: { type: 'string' },
    defaultCountry: { type: 'string' },
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
        'Numbers are listed as the file streams: a file refused part-way keeps what was listed before, and the error details give the counts. ' +
        'With the header `Prefer: respond-async` the list is imported in the background instead: the file is read and checked in the request (a file refused then lists nothing), ' +
        'the answer is 202 with the list import (Location: /api/v1/suppressions/imports/{id}), and its progress and counts are followed there.',
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
        200: ok('counts', { ...counts, rows: { type: 'integer' } }),
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
        'Body: sorted ascending little-endian float64 values, each the digits of an E.164 number (8 bytes a number). Headers: X-Suppression-Count, ETag, X-Suppression-As-Of. ' +
        'The ETag is an opaque strong validator, not a hash of the bytes: it changes whenever the list does (a number added or deleted, an entry expiring, the workspace moving to another database). ' +
        'With If-None-Match the server answers 304 without reading the list (the packed form is kept built between changes).',
      responses: { 200: { description: 'packed numbers', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, 304: { description: 'unchanged' }, 401: error },
    },
  },
  '/suppressions/{phoneNumber}': {
    delete: {
      ...authed,
      summary: 'Remove a number from the list',
      parameters: [{ name: 'phoneNumber', in: 'path', required: true, schema: { type: 'string' }, description: 'E.164, URL-encoded (%2B14155550132)' }, ...queryParams(DeleteSuppressionQuerySchema)],
      responses: { 204: { description: 'removed' }, 400: error, 401: error, 404: error },
    },
  },
};
