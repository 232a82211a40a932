/** The OpenAPI paths of imports: headless and multipart uploads, the browser's chunked upload, status, progress, undo and downloads. */
import { CreateImportQuerySchema, ListImportsQuerySchema } from '../../../src/lib/schemas/api.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import { accepted, authed, body, error, finished, idParam, indexParam, notifyHeader, queryParams, returns } from './shared-parts.ts';

export const importPaths = {
  '/campaigns/{id}/imports': {
    post: {
      ...authed,
      summary: 'Import a CSV, XLSX or XLS file',
      description: `Body is the raw file. What it is (CSV or other delimited text, XLSX, XLS) is read from its content, never from its name or Content-Type (a type that is not a file, such as JSON or a form, is refused with 415). CSV up to ${LIMITS.maxCsvBytes / 1024 / 1024} MB is streamed; Excel up to ${LIMITS.maxExcelBytesServer / 1024 / 1024} MB (FILE_TOO_LARGE past it). Up to ${LIMITS.inlineMaxRows} rows finish inline (201), larger files are processed in the background (202). The columns are mapped automatically (exact names, normalised names, phone synonyms) or by the mapping saved in this campaign for the identical header row: mappingSource says which. The answer adds unknownColumns, headerRow and rememberedMapping ({id, fileName, savedAt} of the saved mapping applied, or null).`,
      parameters: [idParam('id'), ...queryParams(CreateImportQuerySchema), notifyHeader],
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
          'application/vnd.ms-excel': { schema: { type: 'string', format: 'binary' } },
          'text/tab-separated-values': { schema: { type: 'string' } },
          'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: { 201: finished, 202: accepted, 400: error, 404: error, 413: error, 415: error, 422: error, 429: error, 507: error },
    },
  },
  '/campaigns/{id}/uploads': {
    post: { ...authed, summary: 'Start a multipart upload of a file larger than one request body (read like POST /imports at complete: its content decides what it is)', parameters: [idParam('id'), ...queryParams(CreateImportQuerySchema), notifyHeader], responses: { 201: { description: '{uploadId, partBytes, maxPartBytes, maxBytes}' }, 404: error, 422: error, 429: error, 507: error } },
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
  '/imports/{id}/undo': {
    post: {
      ...authed,
      summary: 'Undo an ended import: delete the leads it created, give the leads it updated their previous values back; a lead a later import changed is left and listed in undo-report.csv',
      description: 'Status goes undoing → undone; progress in undoneRows. Possible for UNDO_RETENTION_DAYS (30) after the import ended, then 410 UNDO_EXPIRED.',
      parameters: [idParam('id')],
      responses: { 200: returns('The import, already undone', 'Import'), 202: returns('The import, being undone (or undone, for a small one)', 'Import'), 404: error, 409: error, 410: error },
    },
  },
  '/imports/{id}/undo-report.csv': { get: { ...authed, parameters: [idParam('id')], summary: 'Leads the undo left as they were: phone_number, reason (changed_later or deleted), changed_by_import', responses: { 200: { description: 'CSV' }, 404: error, 410: error } } },
  '/imports/{id}/errors.csv': { get: { ...authed, parameters: [idParam('id')], summary: 'Error report: original columns, error_row, error_codes, error_messages', responses: { 200: { description: 'CSV' }, 404: error, 410: error } } },
  '/imports/{id}/leads.csv': { get: { ...authed, parameters: [idParam('id')], summary: 'Leads this import wrote, in the sample file columns', responses: { 200: { description: 'CSV' }, 404: error } } },
};
