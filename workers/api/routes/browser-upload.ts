/**
 * The browser's path: create an import from the header and mapping the wizard checked, upload its
 * chunks (resumable), then start it.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ChunkSchema, rowOrderBreak, type Chunk } from '../../../src/lib/chunk/format.ts';
import { autoMap } from '../../../src/lib/map/columns.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import { jsonBody, limitBody } from '../validate.ts';
import { ApiError } from '../errors.ts';
import { limitImportCreation } from '../../limits/rate-limit.ts';
import { campaignWithAssistant } from '../../campaigns/campaigns.ts';
import { assistantConfig } from '../../assistants/assistants.ts';
import { putUploadedChunk, dispatchValidation } from '../../chunk/put-chunk.ts';
import { Refusal } from '../../refusal.ts';
import { requireAllowedNotifyEmail } from '../../notify/allow-list.ts';
import { rememberQuietly } from '../../mappings/saved-mappings.ts';
import { checkColumns } from '../../import/check-columns.ts';
import { createImport } from '../../import/create-import.ts';
import { runInline } from '../../import/run-inline.ts';
import { coordinator } from '../../coordinator/coordinator.ts';
import { isRunning } from '../../../src/lib/import-view.ts';
import { assertAcceptingImports } from '../../leads/placement.ts';
import { BrowserImportSchema } from '../../../src/lib/schemas/browser-import.ts';
import { findImport, rowToView } from '../../imports/imports.ts';
import { actor, can } from '../middleware/can.ts';
import { encodingParam } from '../encoding-param.ts';
import { resolveEncoding } from '../../../src/lib/parse/encoding/encodings.ts';
import { encodingWarnings } from '../../../src/lib/parse/encoding/warnings.ts';
import type { AppEnv } from '../app-env.ts';
import { envNumber } from '../../env.ts';

/** A chunk body, counted in bytes as it streams in (with or without Content-Length). */
const limitChunkBody = limitBody(LIMITS.maxChunkBytes, 'FILE_TOO_LARGE', 'A chunk');

/** A chunk's JSON text, checked: its shape, its index against the URL's, its width, its row order. */
function parseChunk(text: string, index: number, columns: number): Chunk {
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
  if (chunk.rows.some((r) => r.cells.length > columns)) throw new ApiError(400, 'VALIDATION_FAILED', 'A row has more cells than the file has columns.');
  const broken = rowOrderBreak(chunk.rows);
  if (broken >= 0) {
    throw new ApiError(
      422,
      'CHUNK_ROWS_UNORDERED',
      `rows[${broken}] has row number ${chunk.rows[broken]!.row}, not above the previous row's ${chunk.rows[broken - 1]!.row}. Row numbers in a chunk must be unique and increasing, in file order.`,
    );
  }
  return chunk;
}

export const browserUploadRoutes = new Hono<AppEnv>()
  /** The browser's path, step 1: create an import from the header and mapping it already checked. */
  .post('/', can('imports.write'), jsonBody(BrowserImportSchema, LIMITS.maxImportCreateBytes), async (c) => {
    const workspaceId = c.get('workspaceId');
    const body = c.req.valid('json');
    const { campaign, assistant } = await campaignWithAssistant(c.env.DB, workspaceId, body.campaignId);
    const config = assistantConfig(assistant);
    const mapping = body.mapping ?? autoMap(body.headers, config);
    if (mapping.columns.length !== body.headers.length) throw new ApiError(400, 'VALIDATION_FAILED', 'mapping.columns must have one entry per header.');
    const check = checkColumns(body.headers, mapping, config);
    const encoding = encodingParam(body.encoding) ?? null;
    const guess = encoding && body.encodingGuess ? { encoding, ...body.encodingGuess, alternatives: body.encodingGuess.alternatives.flatMap((a) => resolveEncoding(a) ?? []) } : null;
    await requireAllowedNotifyEmail(c.env, workspaceId, body.notifyEmail);
    await limitImportCreation(c.env, workspaceId);
    const created = await createImport(c.env, {
      workspaceId,
      campaignId: campaign.id,
      assistant: config,
      defaultCountry: campaign.defaultCountry,
      fileName: body.fileName,
      source: 'browser',
      ignoreErrors: body.ignoreErrors,
      onExisting: body.onExisting,
      notifyEmail: body.notifyEmail ?? null,
      headers: body.headers,
      mapping,
      mappingSource: body.mapping ? 'provided' : 'automatic',
      // Nothing is stored yet; each stored chunk re-decides from the rows stored (see admit-chunk).
      inline: true,
      actor: actor(c),
      encoding,
      warnings: encodingWarnings(guess),
    });
    // The mapping the user confirmed in the wizard is offered again for the next file with these headers
    // (an import without one took the automatic mapping, which nobody confirmed: nothing to remember).
    if (body.mapping) await rememberQuietly(c.env, { workspaceId, campaignId: campaign.id, fileName: body.fileName, headers: body.headers, mapping });
    const view = await coordinator(c.env, created.importId).view();
    return c.json({ ...view, unknownColumns: check.unknownColumns, chunkRows: envNumber(c.env, 'CHUNK_ROWS'), maxChunkBytes: envNumber(c.env, 'CHUNK_BYTES') }, 201);
  })
  /**
   * Step 2: upload chunk N (JSON, shape and size checked, rows in strictly increasing order and
   * after every earlier chunk's). Repeating a chunk replaces it while the upload is open: uploads
   * resume. The body is limited in bytes as it streams in, with or without Content-Length.
   */
  .put('/:id/chunks/:n{[0-9]+}', can('imports.write'), async (c) => {
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
    const chunk = parseChunk(text, index, config.headers.length);
    const admitted = await putUploadedChunk(c.env, workspaceId, row.id, chunk);
    if (!admitted.ok) throw new Refusal(admitted.code, admitted.message);
    return c.json({ index, rows: chunk.rows.length, storedRows: admitted.storedRows });
  })
  /**
   * Step 3: every chunk is uploaded; validation and import start. The rows the server stored (not
   * the client's count) decide inline (≤ 1000) or background; after the seal no chunk can change.
   */
  .post('/:id/start', can('imports.write'), jsonBody(v.object({ chunkCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)) })), async (c) => {
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
  });
