/**
 * The suppression (do-not-call) list of the token's workspace: add numbers, import a list file,
 * look up and page, export as CSV, delete one, and the packed form for the browser preview.
 * Mounted at the API root because `/suppressions.csv` sits beside `/suppressions`.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { jsonBody, query } from '../validate.ts';
import { ApiError, notFound } from '../errors.ts';
import { encodingParam } from '../encoding-param.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import { asFileReadError, FileReadError } from '../../../src/lib/parse/errors.ts';
import { formatBytes } from '../../../src/lib/text/format-number.ts';
import { FILE_ERRORS } from '../../../src/lib/validate/file-messages.ts';
import { createEntryReader } from '../../../src/lib/suppression/entry.ts';
import { AddSuppressionsSchema, DeleteSuppressionQuerySchema, ImportSuppressionsQuerySchema, ListSuppressionsQuerySchema } from '../../../src/lib/suppression/schemas.ts';
import { sizeLimit } from '../../chunk/read-upload.ts';
import { addNumbers } from '../../suppression/add-numbers.ts';
import { importList } from '../../suppression/import-list.ts';
import { suppressionStore } from '../../suppression/store.ts';
import { suppressionsCsv } from '../../suppression/export-csv.ts';
import { packedList } from '../../suppression/packed-list.ts';
import { isSpreadsheetType, sniffUpload } from '../../suppression/upload-kind.ts';
import { limitListImports } from '../../limits/rate-limit.ts';
import { assertAcceptingImports } from '../../leads/placement.ts';
import { startListImport } from '../../suppression/list-import/start.ts';
import { listImportView } from '../../suppression/list-import/view.ts';
import { listImportErrorsCsv } from '../../suppression/list-import/errors-csv.ts';
import type { AppEnv } from '../app-env.ts';

/** Largest JSON body of POST /suppressions: 10,000 numbers of up to 100 characters, with room to spare. */
const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** A number from a URL or query, normalised like a lead's; a specific 400 when it is not a number. */
/** `Prefer: respond-async` (RFC 7240): the client asks for a background import it can follow. */
function prefersAsync(prefer: string | undefined): boolean {
  return !!prefer && prefer.split(',').some((p) => p.split(';')[0]!.trim().toLowerCase() === 'respond-async');
}

function normalizedOrThrow(text: string, defaultCountry: string): string {
  const result = createEntryReader(defaultCountry).fromRequest(text, null, null);
  if (!result.ok) throw new ApiError(400, result.invalid.code, result.invalid.message);
  return result.entry.phone;
}

export const suppressionRoutes = new Hono<AppEnv>()
  .post(
    '/suppressions',
    bodyLimit({
      maxSize: MAX_JSON_BYTES,
      onError: () => {
        throw new ApiError(413, 'BODY_TOO_LARGE', `The request body is larger than ${formatBytes(MAX_JSON_BYTES)}. Send at most 10,000 numbers per request, or upload the list to POST /api/v1/suppressions/import.`);
      },
    }),
    jsonBody(AddSuppressionsSchema),
    async (c) => c.json(await addNumbers(c.env, c.get('workspaceId'), c.req.valid('json'))),
  )
  .post('/suppressions/import', query(ImportSuppressionsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    if (!isSpreadsheetType(c.req.header('content-type'))) {
      throw new FileReadError(FILE_ERRORS.unsupportedType(c.req.header('content-type')));
    }
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > LIMITS.maxCsvBytes) {
      throw new FileReadError(FILE_ERRORS.tooLarge(LIMITS.maxCsvBytes, { size: declared }));
    }
    if (declared === 0 || !c.req.raw.body) throw new FileReadError(FILE_ERRORS.noFile());
    await limitListImports(c.env, c.get('workspaceId'));
    // Numbers are written as the file is read: not while the workspace's list is being moved.
    await assertAcceptingImports(c.env, c.get('workspaceId'));
    const upload = await sniffUpload(c.req.raw.body, q.fileName).catch((err) => {
      throw asFileReadError(err);
    });
    if (upload.empty) throw new FileReadError(FILE_ERRORS.noFile());
    if (declared > sizeLimit(upload.kind)) {
      throw new FileReadError(FILE_ERRORS.tooLarge(sizeLimit(upload.kind), { size: declared, workbook: true }));
    }
    const input = { body: upload.body, kind: upload.kind, defaultCountry: q.defaultCountry, sheet: q.sheet, encoding: encodingParam(q.encoding) };
    if (prefersAsync(c.req.header('prefer'))) {
      const view = await startListImport(c.env, c.get('workspaceId'), { ...input, fileName: q.fileName });
      return c.json(view, 202, { Location: `/api/v1/suppressions/imports/${view.id}`, 'Preference-Applied': 'respond-async' });
    }
    const result = await importList(c.env, c.get('workspaceId'), input);
    // A list file is a large change: the packed form is built now, after the answer, rather than
    // at the next preview (seconds for a million numbers).
    if (result.added) c.executionCtx.waitUntil(packedList(c.env, c.get('workspaceId'), new Date()).catch(() => {}));
    return c.json(result);
  })
  .get('/suppressions/imports/:id', async (c) => {
    const view = await listImportView(c.env, c.get('workspaceId'), c.req.param('id'));
    if (!view) throw notFound('List import');
    return c.json(view, 200, { 'Cache-Control': 'no-store' });
  })
  .get('/suppressions/imports/:id/errors.csv', async (c) =>
    c.body(await listImportErrorsCsv(c.env, c.get('workspaceId'), c.req.param('id')), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="suppression-import-errors.csv"',
      'Cache-Control': 'no-store',
    }),
  )
  .get('/suppressions', query(ListSuppressionsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const phone = q.phoneNumber === undefined ? undefined : normalizedOrThrow(q.phoneNumber, q.defaultCountry);
    return c.json(await suppressionStore(c.env, c.get('workspaceId')).list({ limit: q.limit, cursor: q.cursor, phone }));
  })
  .get('/suppressions.csv', (c) =>
    c.body(suppressionsCsv(c.env, c.get('workspaceId')), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="suppressions.csv"',
      'Cache-Control': 'no-store',
    }),
  )
  .get('/suppressions/packed', async (c) => {
    const at = new Date();
    const match = c.req.header('if-none-match');
    const notModified = (etag: string) => !!match && match.split(',').some((t) => t.trim() === etag || t.trim() === '*');
    const packed = await packedList(c.env, c.get('workspaceId'), at, notModified);
    const headers = {
      ETag: packed.etag,
      'Cache-Control': 'private, no-cache',
      'X-Suppression-Count': String(packed.count),
      'X-Suppression-Format': 'f64le-sorted-e164-digits',
      'X-Suppression-As-Of': at.toISOString(),
    };
    if (!packed.body) return c.body(null, 304, headers);
    return c.body(packed.body, 200, { ...headers, 'Content-Type': 'application/octet-stream' });
  })
  .delete('/suppressions/:phoneNumber', query(DeleteSuppressionQuerySchema), async (c) => {
    const phone = normalizedOrThrow(c.req.param('phoneNumber'), c.req.valid('query').defaultCountry);
    if (!(await suppressionStore(c.env, c.get('workspaceId')).remove(phone))) throw notFound('Suppressed number');
    return c.body(null, 204);
  });
