/**
 * Imports: the headless upload (raw file in, import out), the browser's chunked upload, status,
 * cancel, live progress, the error report and the imported leads.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../../db/client.ts';
import { imports } from '../../db/schema.ts';
import { CreateImportQuerySchema, ListImportsQuerySchema, NotifyEmailSchema } from '../../../src/lib/schemas/api.ts';
import { ChunkSchema, rowOrderBreak } from '../../../src/lib/chunk/format.ts';
import { autoMap } from '../../../src/lib/map/columns.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import type { AssistantConfig, ColumnMapping } from '../../../src/lib/types.ts';
import type { Context } from 'hono';
import { jsonBody, limitBody, query } from '../validate.ts';
import { ApiError, notFound } from '../errors.ts';
import { fileError } from '../file-errors.ts';
import { limitImportCreation } from '../../limits/rate-limit.ts';
import { assertReportKept } from '../../retention/retention.ts';
import { PROGRESS_PROTOCOL, offeredProtocols } from '../../../src/lib/progress-protocol.ts';
import { campaignWithAssistant } from './campaigns.ts';
import { sizeLimit, type UploadKind } from '../../chunk/read-upload.ts';
import { storeUploadedChunk, dispatchValidation } from '../../chunk/store-chunk.ts';
import type { Admission } from '../../chunk/admit-chunk.ts';
import { requireAllowedNotifyEmail } from '../../notify/allow-list.ts';
import { importFile } from '../../import/import-file.ts';
import { rememberQuietly } from '../../mappings/store.ts';
import { checkColumns } from '../../import/check-columns.ts';
import { createMultipart, uploadPart, completeMultipart, CompleteUploadSchema, MULTIPART } from '../../chunk/multipart.ts';
import { createImport } from '../../import/create-import.ts';
import { runInline } from '../../import/run-inline.ts';
import { coordinator } from '../../coordinator/coordinator.ts';
import { isRunning, type ImportView } from '../../../src/lib/import-view.ts';
import { keys } from '../../chunk/keys.ts';
import { leadsCsv } from '../../export/leads-csv.ts';
import { assertAcceptingImports } from '../../leads/placement.ts';
import { BrowserImportSchema } from '../../../src/lib/schemas/browser-import.ts';
import { requestUndo } from '../../undo/request-undo.ts';
import { undoReportCsv } from '../../undo/undo-report.ts';
import type { AppEnv } from '../app-env.ts';
import type { Env } from '../../env.ts';

type ImportRow = typeof imports.$inferSelect;

export function rowToView(r: ImportRow): ImportView {
  return {
    id: r.id,
    campaignId: r.campaignId,
    fileName: r.fileName,
    status: r.status,
    ignoreErrors: r.ignoreErrors,
    onExisting: r.onExisting,
    totalRows: r.totalRows,
    validatedRows: r.processedRows,
    processedRows: r.processedRows,
    importedRows: r.importedRows,
    createdRows: r.createdRows,
    updatedRows: r.updatedRows,
    failedRows: r.failedRows,
    undoneRows: r.undoneRows,
    undoSkippedRows: r.undoSkippedRows,
    errorCounts: r.errorCounts,
    failure: r.failureCode ? { code: r.failureCode, message: r.failureMessage ?? '' } : null,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

async function findImport(env: Env, workspaceId: string, id: string): Promise<ImportRow> {
  const row = await db(env.DB)
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.workspaceId, workspaceId)))
    .get();
  if (!row) throw notFound('Import');
  return row;
}

/** The live view for a running import (from its coordinator), the stored one otherwise. */
async function currentView(env: Env, row: ImportRow): Promise<ImportView> {
  return isRunning(row.status) ? coordinator(env, row.id).view() : rowToView(row);
}

const KIND_BY_TYPE: Record<string, UploadKind> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
};

function uploadKind(contentType: string | undefined, fileName: string | undefined): UploadKind {
  const ext = fileName?.toLowerCase().match(/\.(csv|tsv|txt|xlsx|xls)$/)?.[1];
  if (ext === 'xlsx' || ext === 'xls') return ext;
  if (ext) return 'csv';
  const type = contentType?.split(';')[0]!.trim().toLowerCase();
  if (!type || type === 'application/octet-stream') return 'csv';
  const kind = KIND_BY_TYPE[type];
  if (!kind) throw fileError('FILE_UNSUPPORTED', `Files of type ${type} are not supported. Upload a .csv, .xlsx or .xls file.`);
  return kind;
}

/**
 * The completion email's address on the raw-file routes: the `X-Notify-Email` header (kept out of
 * URLs, which proxies and logs keep) or the `notifyEmail` query parameter; it must be allowed.
 */
async function notifyEmailOf(c: Context<AppEnv>, fromQuery: string | undefined): Promise<string | undefined> {
  const header = c.req.header('x-notify-email');
  let email = fromQuery;
  if (header !== undefined) {
    const parsed = v.safeParse(NotifyEmailSchema, header);
    if (!parsed.success) throw new ApiError(400, 'VALIDATION_FAILED', `X-Notify-Email: ${parsed.issues[0].message}`);
    if (fromQuery !== undefined && fromQuery.toLowerCase() !== parsed.output.toLowerCase()) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'X-Notify-Email and the notifyEmail parameter name different addresses; send one.');
    }
    email = parsed.output;
  }
  await requireAllowedNotifyEmail(c.env, c.get('workspaceId'), email);
  return email;
}

/** A chunk body, counted in bytes as it streams in (with or without Content-Length). */
const limitChunkBody = limitBody(LIMITS.maxChunkBytes, 'FILE_TOO_LARGE', 'A chunk');

const ADMISSION_STATUS: Record<Exclude<Admission, { ok: true }>['code'], 409 | 413 | 503> = {
  IMPORT_STARTED: 409,
  CHUNK_ROWS_OVERLAP: 409,
  TOO_MANY_ROWS: 413,
  STORAGE_UNAVAILABLE: 503,
};

/** POST /campaigns/{id}/imports: the headless path. The body is the file. */
export const campaignImportRoutes = new Hono<AppEnv>()
  .post('/:id/imports', query(CreateImportQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const q = c.req.valid('query');
    const target = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const kind = uploadKind(c.req.header('content-type'), q.fileName);
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > sizeLimit(kind)) {
      throw fileError(
        'FILE_TOO_LARGE',
        `The file is ${Math.ceil(declared / 1048576)} MB; the most a ${kind.toUpperCase()} upload accepts is ${sizeLimit(kind) / 1048576} MB.${kind === 'csv' ? '' : ' Save it as CSV to import a larger file.'}`,
      );
    }
    if (declared === 0 || !c.req.raw.body) throw fileError('FILE_EMPTY', 'The request has no file in its body.');
    const notifyEmail = await notifyEmailOf(c, q.notifyEmail);
    await limitImportCreation(c.env, workspaceId);
    const { status, view } = await importFile(c.env, { workspaceId, ...target, options: { ...q, notifyEmail }, kind, body: c.req.raw.body });
    return c.json(view, status);
  })
  /** Multipart upload for files past one request's body limit: create, upload parts, complete. */
  .post('/:id/uploads', query(CreateImportQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const q = c.req.valid('query');
    const { campaign } = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const kind = uploadKind(c.req.header('x-file-type') ?? undefined, q.fileName);
    const notifyEmail = await notifyEmailOf(c, q.notifyEmail);
    const upload = await createMultipart(c.env, workspaceId, campaign.id, { ...q, notifyEmail, kind });
    return c.json(upload, 201);
  })
  .put('/:id/uploads/:uploadId/parts/:n{[0-9]+}', async (c) => {
    const workspaceId = c.get('workspaceId');
    await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const length = Number(c.req.header('content-length') ?? NaN);
    if (!Number.isFinite(length) || length <= 0) throw new ApiError(411, 'LENGTH_REQUIRED', 'Send each part with its Content-Length.');
    if (length > MULTIPART.maxPartBytes) throw fileError('FILE_TOO_LARGE', `A part may be at most ${MULTIPART.maxPartBytes / 1048576} MB.`);
    const part = await uploadPart(c.env, workspaceId, c.req.param('id'), c.req.param('uploadId'), Number(c.req.param('n')), c.req.raw.body!, length);
    return c.json(part);
  })
  .post('/:id/uploads/:uploadId/complete', jsonBody(CompleteUploadSchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const target = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    // completeMultipart applies the import-creation limit and discards the upload when it refuses.
    const done = await completeMultipart(c.env, workspaceId, target.campaign.id, c.req.param('uploadId'), c.req.valid('json').parts);
    try {
      const { status, view } = await importFile(c.env, { workspaceId, ...target, options: done.options, kind: done.options.kind, body: done.body });
      return c.json(view, status);
    } finally {
      await done.remove();
    }
  });

export const importRoutes = new Hono<AppEnv>()
  .get('/', query(ListImportsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const workspaceId = c.get('workspaceId');
    const where = q.campaignId
      ? and(eq(imports.workspaceId, workspaceId), eq(imports.campaignId, q.campaignId))
      : eq(imports.workspaceId, workspaceId);
    const rows = await db(c.env.DB).select().from(imports).where(where).orderBy(desc(imports.createdAt)).limit(q.limit).all();
    return c.json({ items: rows.map(rowToView) });
  })
  /** The browser's path, step 1: create an import from the header and mapping it already checked. */
  .post('/', jsonBody(BrowserImportSchema, LIMITS.maxImportCreateBytes), async (c) => {
    const workspaceId = c.get('workspaceId');
    const body = c.req.valid('json');
    const { campaign, assistant } = await campaignWithAssistant(c.env.DB, workspaceId, body.campaignId);
    const assistantConfig: AssistantConfig = { variables: assistant.variables, secondaryVariables: assistant.secondaryVariables };
    const mapping = (body.mapping as ColumnMapping | undefined) ?? autoMap(body.headers, assistantConfig);
    if (mapping.columns.length !== body.headers.length) throw new ApiError(400, 'VALIDATION_FAILED', 'mapping.columns must have one entry per header.');
    const check = checkColumns(body.headers, mapping, assistantConfig);
    await requireAllowedNotifyEmail(c.env, workspaceId, body.notifyEmail);
    await limitImportCreation(c.env, workspaceId);
    const config = await createImport(c.env, {
      workspaceId,
      campaignId: campaign.id,
      assistant: assistantConfig,
      defaultCountry: campaign.defaultCountry,
      fileName: body.fileName,
      source: 'browser',
      ignoreErrors: body.ignoreErrors,
      onExisting: body.onExisting,
      notifyEmail: body.notifyEmail ?? null,
      headers: body.headers,
      mapping,
      // Nothing is stored yet; each stored chunk re-decides from the rows stored (see admit-chunk).
      inline: true,
    });
    // The mapping the user confirmed in the wizard is offered again for the next file with these headers.
    await rememberQuietly(c.env, { workspaceId, campaignId: campaign.id, fileName: body.fileName, headers: body.headers, mapping });
    const view = await coordinator(c.env, config.importId).view();
    return c.json({ ...view, unknownColumns: check.unknownColumns, chunkRows: LIMITS.chunkRows, maxChunkBytes: LIMITS.maxChunkBytes }, 201);
  })
  .get('/:id', async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    return c.json(await currentView(c.env, row));
  })
  /**
   * Step 2: upload chunk N (JSON, shape and size checked, rows in strictly increasing order and
   * after every earlier chunk's). Repeating a chunk replaces it while the upload is open: uploads
   * resume. The body is limited in bytes as it streams in, with or without Content-Length.
   */
  .put('/:id/chunks/:n{[0-9]+}', async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    const index = Number(c.req.param('n'));
    const started = () => new ApiError(409, 'IMPORT_STARTED', 'This import has already started; chunks can no longer be changed.');
    // (An ended import's coordinator may have been emptied by retention: the stored row answers first.)
    if (row.status !== 'queued') throw started();
    const coord = coordinator(c.env, row.id);
    // Early answer only: the coordinator checks the phase again, atomically, when it stores the chunk.
    const { config, phase } = await coord.snapshot();
    if (phase !== 'upload') throw started();
    let text = '';
    await limitChunkBody(c, async () => {
      text = await c.req.text();
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The chunk is not valid JSON.');
    }
    const result = v.safeParse(ChunkSchema, parsed);
    if (!result.success) throw new ApiError(400, 'VALIDATION_FAILED', `The chunk is malformed: ${v.getDotPath(result.issues[0]) ?? ''} ${result.issues[0].message}`.trim());
    const chunk = result.output;
    if (chunk.index !== index) throw new ApiError(400, 'VALIDATION_FAILED', 'The chunk index does not match the URL.');
    if (chunk.rows.some((r) => r.cells.length > config.headers.length)) throw new ApiError(400, 'VALIDATION_FAILED', 'A row has more cells than the file has columns.');
    const broken = rowOrderBreak(chunk.rows);
    if (broken >= 0) {
      throw new ApiError(
        422,
        'CHUNK_ROWS_UNORDERED',
        `rows[${broken}] has row number ${chunk.rows[broken]!.row}, not above the previous row's ${chunk.rows[broken - 1]!.row}. Row numbers in a chunk must be unique and increasing, in file order.`,
      );
    }
    const admitted = await storeUploadedChunk(c.env, workspaceId, row.id, chunk);
    if (!admitted.ok) throw new ApiError(ADMISSION_STATUS[admitted.code], admitted.code, admitted.message);
    return c.json({ index, rows: chunk.rows.length, storedRows: admitted.storedRows });
  })
  /**
   * Step 3: every chunk is uploaded; validation and import start. The rows the server stored (not
   * the client's count) decide inline (≤ 1000) or background; after the seal no chunk can change.
   */
  .post('/:id/start', jsonBody(v.object({ chunkCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)) })), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    const { chunkCount } = c.req.valid('json');
    if (!isRunning(row.status)) return c.json(rowToView(row), 202);
    const coord = coordinator(c.env, row.id);
    if ((await coord.snapshot()).phase !== 'upload') return c.json(await coord.view(), 202);
    await assertAcceptingImports(c.env, workspaceId);
    const { view, missingChunks } = await coord.seal(chunkCount);
    if (missingChunks) throw new ApiError(409, 'CHUNKS_MISSING', `Not every one of the ${chunkCount} chunks has been uploaded; upload the missing ones and start again.`);
    if ((await coord.snapshot()).config.inline) return c.json(await runInline(c.env, workspaceId, row.id, chunkCount), 201);
    await dispatchValidation(c.env, workspaceId, row.id, chunkCount);
    return c.json(view, 202);
  })
  .delete('/:id', async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    if (!isRunning(row.status)) throw new ApiError(409, 'IMPORT_FINISHED', `The import has already ended (${row.status}).`);
    const { view, cancelled } = await coordinator(c.env, row.id).cancel();
    if (!cancelled) throw new ApiError(409, 'IMPORT_FINISHED', `The import has already ended (${view.status}).`);
    return c.json(view);
  })
  /**
   * Live progress over a WebSocket. Browsers offer the subprotocols `lead-import.v1` and
   * `bearer.<token>` (checked by the auth middleware); the answer selects `lead-import.v1`.
   */
  .get('/:id/progress', async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    if (c.req.header('upgrade') !== 'websocket') throw new ApiError(426, 'UPGRADE_REQUIRED', 'Connect with a WebSocket.');
    const res = await coordinator(c.env, row.id).fetch(new Request('https://import/progress', { headers: { Upgrade: 'websocket' } }));
    if (res.status !== 101 || !res.webSocket || !offeredProtocols(c.req.header('sec-websocket-protocol')).includes(PROGRESS_PROTOCOL)) return res;
    return new Response(null, { status: 101, webSocket: res.webSocket, headers: { 'Sec-WebSocket-Protocol': PROGRESS_PROTOCOL } });
  })
  .get('/:id/errors.csv', async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    assertReportKept(c.env, row);
    const object = await c.env.UPLOADS.get(keys.report(workspaceId, row.id));
    if (!object) throw new ApiError(404, 'REPORT_NOT_READY', isRunning(row.status) ? 'The error report is written when the import ends.' : 'This import has no error report.');
    return new Response(object.body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${safeName(row.fileName)}-errors.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  })
  /** Undo: deletes the leads the import created and restores the ones it updated (202; 200 once undone). */
  .post('/:id/undo', async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    const status = await requestUndo(c.env, row);
    return c.json(rowToView(await findImport(c.env, workspaceId, row.id)), status);
  })
  /** The leads an undo left as they were, because a later import changed them. */
  .get('/:id/undo-report.csv', async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    if (row.changesDeletedAt) throw new ApiError(410, 'UNDO_EXPIRED', "This import's change records have been deleted (their lifetime is over), and its undo report with them.");
    if (row.status !== 'undoing' && row.status !== 'undone') throw new ApiError(404, 'REPORT_NOT_READY', 'This import has not been undone.');
    return new Response(undoReportCsv(c.env, workspaceId, row.id), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${safeName(row.fileName)}-undo-report.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  })
  .get('/:id/leads.csv', async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    const { assistant } = await campaignWithAssistant(c.env.DB, workspaceId, row.campaignId);
    const body = leadsCsv(c.env, workspaceId, row.campaignId, row.id, { variables: assistant.variables, secondaryVariables: assistant.secondaryVariables });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${safeName(row.fileName)}-leads.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

function safeName(name: string): string {
  return name.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80) || 'import';
}
