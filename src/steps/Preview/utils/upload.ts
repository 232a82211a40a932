/**
 * The browser's way in: creates the import with the header and mapping the user checked, uploads
 * the rows as JSON chunks in file order (each at most the server's chunkRows rows and under its
 * byte limit), then starts it. Rows are sent as the user left them (edits included); the server
 * revalidates every one.
 */
import { api } from '#lib/ui/api.ts';
import { encodeChunk } from '#lib/chunk/format.ts';
import { chunkBudget, createJsonRowCutter, cutRows } from '#lib/chunk/cut.ts';
import type { ColumnMapping } from '#lib/types.ts';
import type { OnExisting } from '#lib/import-view.ts';

export interface ImportRequest {
  campaignId: string;
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  ignoreErrors: boolean;
  /** What rows whose number the campaign already has do (default skip). */
  onExisting?: OnExisting;
  notifyEmail?: string;
  /** How the file's text was read (absent for workbooks): the WHATWG name, and how sure the guess was unless the person picked it. */
  encoding?: string;
  encodingGuess?: { confidence: number; uncertain: boolean; alternatives: string[] };
}

/** Rows already encoded as the chunk format's JSON (a RowStore). */
export interface EncodedRows {
  readonly length: number;
  json(i: number): string;
}

export interface UploadListener {
  /** `rows` more rows were uploaded. */
  sent(rows: number): void;
  /** Every chunk is up; the import is being started. */
  starting(): void;
}

/** The chunks' bodies in file order, cut by the chunk cutter to the budget the server answered (`chunkRows` rows, `maxChunkBytes` bytes). */
export function* chunkBodies(rows: EncodedRows, chunkRows: number, maxChunkBytes: number): Generator<{ body: string; rows: number }> {
  const cutter = createJsonRowCutter(chunkBudget(chunkRows, maxChunkBytes));
  let index = 0;
  const json = function* () {
    for (let i = 0; i < rows.length; i++) yield rows.json(i);
  };
  for (const parts of cutRows(cutter, json())) yield { body: encodeChunk(index++, parts), rows: parts.length };
}

/** The API refused a step of the upload: its message, and its code for the wizard to place the problem. */
export class UploadRefused extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

async function refused(res: Response | { json(): Promise<unknown>; status: number }): Promise<UploadRefused> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new UploadRefused(body?.error?.message ?? `The import could not be started (HTTP ${res.status}).`, body?.error?.code ?? null, res.status);
}

/** The rows to upload: every row but those deleted in the preview (positions ascending). */
export function withoutDeleted(rows: EncodedRows, deleted: readonly number[]): EncodedRows {
  if (!deleted.length) return rows;
  const keep = new Int32Array(rows.length - deleted.length);
  let n = 0;
  let d = 0;
  for (let i = 0; i < rows.length; i++) {
    if (deleted[d] === i) d++;
    else keep[n++] = i;
  }
  return { length: n, json: (k) => rows.json(keep[k]!) };
}

const CHUNK_TRIES = 4;
/** Answers of a server that failed to store the chunk (an internal error, a gateway, busy); 507 and other refusals are not. */
const TRANSIENT = new Set([500, 502, 503, 504]);

/** Waits between tries of a chunk: the server's Retry-After (at most 10 s), else 0.5 s, 1 s, 2 s. */
function retryDelayMs(res: Response | null, attempt: number): number {
  const after = Number(res?.headers.get('Retry-After'));
  return Number.isFinite(after) && after > 0 ? Math.min(after, 10) * 1000 : 500 * 2 ** attempt;
}

/**
 * PUTs one chunk. Storing a chunk again replaces it while the upload is open, so a chunk the
 * server failed to store (TRANSIENT) or whose answer was lost (a network error) is sent again, up
 * to CHUNK_TRIES times in all; a refusal (4xx, 507) is answered at once.
 */
async function putChunk(importId: string, index: number, body: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let res: Response | null = null;
    try {
      res = await fetch(`/api/v1/imports/${importId}/chunks/${index}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    } catch (err) {
      if (attempt + 1 >= CHUNK_TRIES) throw new UploadRefused('The connection to the server was lost while uploading; try again.', 'NETWORK_ERROR', 0, { cause: err });
    }
    if (res && (!TRANSIENT.has(res.status) || attempt + 1 >= CHUNK_TRIES)) return res;
    await new Promise((done) => setTimeout(done, retryDelayMs(res, attempt)));
  }
}

/** Creates, uploads and starts the import; returns its id. Throws UploadRefused with the API's message and code. */
export async function uploadImport(request: ImportRequest, rows: EncodedRows, listener: UploadListener): Promise<string> {
  const client = api();
  const created = await client.imports.$post({ json: { ...request, mapping: request.mapping as never, totalRows: rows.length } });
  if (!created.ok) throw await refused(created);
  const imp = await created.json();
  let chunkCount = 0;
  for (const chunk of chunkBodies(rows, imp.chunkRows, imp.maxChunkBytes)) {
    const res = await putChunk(imp.id, chunkCount, chunk.body);
    if (!res.ok) throw await refused(res);
    chunkCount++;
    listener.sent(chunk.rows);
  }
  listener.starting();
  const started = await client.imports[':id'].start.$post({ param: { id: imp.id }, json: { chunkCount } });
  if (!started.ok) throw await refused(started);
  return imp.id;
}
