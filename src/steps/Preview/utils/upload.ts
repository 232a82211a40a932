/**
 * The browser's way in: creates the import with the header and mapping the user checked, uploads
 * the rows as JSON chunks in file order (each at most the server's chunkRows rows and under its
 * byte limit), then starts it. Rows are sent as the user left them (edits included); the server
 * revalidates every one.
 */
import { api, errorMessage } from '#lib/ui/api.ts';
import { encodeChunk } from '#lib/chunk/format.ts';
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

const NON_ASCII = /[^\x00-\x7f]/;

/** The chunks' bodies in file order: at most `chunkRows` rows each, and under 90% of `maxChunkBytes` (UTF-8). */
export function* chunkBodies(rows: EncodedRows, chunkRows: number, maxChunkBytes: number): Generator<{ body: string; rows: number }> {
  const budget = Math.floor(maxChunkBytes * 0.9);
  const encoder = new TextEncoder();
  let index = 0;
  let parts: string[] = [];
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const json = rows.json(i);
    const size = (NON_ASCII.test(json) ? encoder.encode(json).length : json.length) + 1;
    if (parts.length && (parts.length >= chunkRows || bytes + size > budget)) {
      yield { body: encodeChunk(index++, parts), rows: parts.length };
      parts = [];
      bytes = 0;
    }
    parts.push(json);
    bytes += size;
  }
  if (parts.length) yield { body: encodeChunk(index, parts), rows: parts.length };
}

/** Creates, uploads and starts the import; returns its id. Throws an Error with the API's message. */
export async function uploadImport(token: string, request: ImportRequest, rows: EncodedRows, listener: UploadListener): Promise<string> {
  const client = api(token);
  const created = await client.imports.$post({ json: { ...request, mapping: request.mapping as never, totalRows: rows.length } });
  if (!created.ok) throw new Error(await errorMessage(created));
  const imp = await created.json();
  let chunkCount = 0;
  for (const chunk of chunkBodies(rows, imp.chunkRows, imp.maxChunkBytes)) {
    const res = await fetch(`/api/v1/imports/${imp.id}/chunks/${chunkCount}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: chunk.body,
    });
    if (!res.ok) throw new Error(await errorMessage(res));
    chunkCount++;
    listener.sent(chunk.rows);
  }
  listener.starting();
  const started = await client.imports[':id'].start.$post({ param: { id: imp.id }, json: { chunkCount } });
  if (!started.ok) throw new Error(await errorMessage(started));
  return imp.id;
}
