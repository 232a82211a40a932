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
import { LIST_CHUNK_BUDGET } from '../../../src/lib/chunk/cut.ts';
import { formatBytes } from '../../../src/lib/text/format-number.ts';
import { createEntryReader } from '../../../src/lib/suppression/entry.ts';
import { AddSuppressionsSchema, DeleteSuppressionQuerySchema, ImportSuppressionsQuerySchema, ListSuppressionsQuerySchema } from '../../../src/lib/suppression/schemas.ts';
import { addNumbers } from '../../suppression/add-numbers.ts';
import { suppressionStore } from '../../suppression/store.ts';
import { suppressionsCsv } from '../../suppression/export-csv.ts';
import { packedList } from '../../suppression/packed-list.ts';
import { admitUpload } from '../../intake/admit-upload.ts';
import { intake } from '../../intake/intake.ts';
import { limitListImports } from '../../limits/rate-limit.ts';
import { assertAcceptingImports } from '../../leads/placement.ts';
import { importListInline, startListImport } from '../../suppression/list-import/start.ts';
import { listImportView } from '../../suppression/list-import/view.ts';
import { sourcesView } from '../../suppression/sources-view.ts';
import { SuppressionRefusal } from '../../suppression/refusals.ts';
import { listImportErrorsCsv } from '../../suppression/list-import/errors-csv.ts';
import { actor, can } from '../middleware/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { AppEnv } from '../app-env.ts';

/** Largest JSON body of POST /suppressions: 10,000 numbers of up to 100 characters, with room to spare. */
const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** `Prefer: respond-async` (RFC 7240): the client asks for a background import it can follow. */
function prefersAsync(prefer: string | undefined): boolean {
  return !!prefer && prefer.split(',').some((p) => p.split(';')[0]!.trim().toLowerCase() === 'respond-async');
}

/** A number from a URL or query, normalised like a lead's; a specific 400 when it is not a number. */
function normalizedOrThrow(text: string, defaultCountry: string): string {
  const result = createEntryReader(defaultCountry).fromRequest(text, null, null);
  if (!result.ok) throw new ApiError(400, result.invalid.code, result.invalid.message);
  return result.entry.phone;
}

export const suppressionRoutes = new Hono<AppEnv>()
  .post('/suppressions', can('suppressions.write'),
    bodyLimit({
      maxSize: MAX_JSON_BYTES,
      onError: () => {
        throw new ApiError(413, 'BODY_TOO_LARGE', `The request body is larger than ${formatBytes(MAX_JSON_BYTES)}. Send at most 10,000 numbers per request, or upload the list to POST /api/v1/suppressions/import.`);
      },
    }),
    jsonBody(AddSuppressionsSchema),
    async (c) => {
      const result = await addNumbers(c.env, c.get('workspaceId'), c.req.valid('json'));
      // The list lives on a leads shard: no transaction spans it and DB, so the entry follows the change.
      await recordAudit(c.env, { workspaceId: c.get('workspaceId'), actor: actor(c), action: 'suppression.added', details: { added: result.added, alreadyPresent: result.alreadyPresent, invalid: result.invalid.length } });
      return c.json(result);
    },
  )
  .post('/suppressions/import', can('suppressions.write'), query(ImportSuppressionsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const workspaceId = c.get('workspaceId');
    // An unknown encoding= is refused before anything is counted or read.
    const encoding = encodingParam(q.encoding);
    // Type, size, empty body and the rate limit, as every raw-file route checks them.
    const admitted = await admitUpload(c.env, workspaceId, c.req.raw, limitListImports);
    // Numbers are written as the file is read: not while the workspace's list is being moved.
    await assertAcceptingImports(c.env, workspaceId);
    const background = prefersAsync(c.req.header('prefer'));
    // One engine either way: the rows are stored in list chunks (list-import/start.ts), then listed here or by the queue.
    const upload = await intake(c.env, admitted.body, {
      fileName: q.fileName,
      sheet: q.sheet,
      declaredBytes: admitted.declaredBytes,
      budget: LIST_CHUNK_BUDGET,
      encoding,
      // A registry download (one number a line, no header) is read as one.
      registry: true,
    });
    const input = {
      upload,
      defaultCountry: q.defaultCountry,
      fileName: q.fileName,
      source: q.source,
      mode: q.mode,
      asOf: q.asOf ?? null,
    };
    const audit = (id: string, details: Record<string, unknown>) =>
      recordAudit(c.env, { workspaceId, actor: actor(c), action: 'suppression.imported', target: { type: 'suppression_import', id }, details: { fileName: q.fileName ?? null, source: q.source, mode: q.mode, ...details } });
    if (background) {
      const view = await startListImport(c.env, workspaceId, input);
      await audit(view.id, { background: true });
      return c.json(view, 202, { Location: `/api/v1/suppressions/imports/${view.id}`, 'Preference-Applied': 'respond-async' });
    }
    // The same engine in the request: the answer is the list import as it ended, with the counts.
    const { completedNow, ...result } = await importListInline(c.env, workspaceId, input);
    // Audited either way: a failed add may have listed its first chunks.
    await audit(result.id, { status: result.status, added: result.added, alreadyPresent: result.alreadyPresent });
    if (result.status !== 'completed') throw new SuppressionRefusal('PROCESSING_FAILED', result.error?.message ?? 'The list could not be imported.', { ...result, failure: result.error });
    // A list file is a large change: the packed form is built now, after the answer, rather than
    // at the next preview (seconds for a million numbers).
    if (completedNow) c.executionCtx.waitUntil(packedList(c.env, c.get('workspaceId'), new Date()).catch(() => {}));
    return c.json(result);
  })
  .get('/suppressions/sources', can('suppressions.read'), async (c) => c.json({ items: await sourcesView(c.env, c.get('workspaceId'), new Date()) }, 200, { 'Cache-Control': 'no-store' }))
  .get('/suppressions/imports/:id', can('suppressions.read'), async (c) => {
    const view = await listImportView(c.env, c.get('workspaceId'), c.req.param('id'));
    if (!view) throw notFound('List import');
    return c.json(view, 200, { 'Cache-Control': 'no-store' });
  })
  .get('/suppressions/imports/:id/errors.csv', can('suppressions.read'), async (c) =>
    c.body(await listImportErrorsCsv(c.env, c.get('workspaceId'), c.req.param('id')), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="suppression-import-errors.csv"',
      'Cache-Control': 'no-store',
    }),
  )
  .get('/suppressions', can('suppressions.read'), query(ListSuppressionsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const phone = q.phoneNumber === undefined ? undefined : normalizedOrThrow(q.phoneNumber, q.defaultCountry);
    return c.json(await suppressionStore(c.env, c.get('workspaceId')).list({ limit: q.limit, cursor: q.cursor, phone, source: q.source }));
  })
  .get('/suppressions.csv', can('suppressions.read'), (c) =>
    c.body(suppressionsCsv(c.env, c.get('workspaceId')), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="suppressions.csv"',
      'Cache-Control': 'no-store',
    }),
  )
  .get('/suppressions/packed', can('suppressions.read'), async (c) => {
    const at = new Date();
    const match = c.req.header('if-none-match');
    const notModified = (etag: string) => !!match && match.split(',').some((t) => t.trim() === etag || t.trim() === '*');
    const packed = await packedList(c.env, c.get('workspaceId'), at, notModified);
    const headers = {
      ETag: packed.etag,
      // Never stored by a browser (the do-not-call list is personal data): the import page keeps the
      // bytes in memory and sends If-None-Match itself, so the 304 path works without a disk cache.
      'Cache-Control': 'private, no-store',
      'X-Suppression-Count': String(packed.count),
      'X-Suppression-Format': 'spk2',
      'X-Suppression-Form': packed.form,
      'X-Suppression-As-Of': at.toISOString(),
    };
    if (!packed.body) return c.body(null, 304, headers);
    return c.body(packed.body, 200, { ...headers, 'Content-Type': 'application/octet-stream' });
  })
  .delete('/suppressions/:phoneNumber', can('suppressions.write'), query(DeleteSuppressionQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const phone = normalizedOrThrow(c.req.param('phoneNumber'), q.defaultCountry);
    if (!(await suppressionStore(c.env, c.get('workspaceId')).remove(phone, q.source))) throw notFound('Suppressed number');
    // The one audit entry that names a number: who took it off the do-not-call list is the first question after a complaint.
    await recordAudit(c.env, { workspaceId: c.get('workspaceId'), actor: actor(c), action: 'suppression.removed', target: { type: 'phone_number', id: phone }, details: { source: q.source ?? null } });
    return c.body(null, 204);
  });
