/**
 * The browser's upload path does not trust the client: the server counts the rows it stores (size
 * limit, inline or background), requires row numbers in file order within and across chunks, and
 * never lets a chunk upload replace a chunk after `start` sealed the import.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { client, seededCampaign, SMALL_LIMITS, waitForEnd } from './helpers.ts';
import { usNumbers } from './csv.ts';
import { keys } from '../../workers/chunk/keys.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { LIMITS } from '../../src/lib/limits.ts';

const HEADERS = ['phone_number', 'customer_name'];

/** A browser import; with `vars` (SMALL_LIMITS), its requests run with those limits. */
async function browserImport(totalRows = 30, vars?: Record<string, string>) {
  const ctx = await seededCampaign();
  const api = vars ? client(ctx.token, vars) : ctx.api;
  const created = await api.json(api.post('/imports', { campaignId: ctx.campaign.id, fileName: 'b.csv', headers: HEADERS, totalRows, ignoreErrors: true }));
  expect(created.status).toBe('queued');
  const put = (index: number, rows: { row: number; cells: string[] }[]) => api.put(`/imports/${created.id}/chunks/${index}`, { v: 1, index, rows });
  return { ...ctx, api, importId: created.id as string, put };
}

const rowsFrom = (first: number, phones: string[]) => phones.map((p, i) => ({ row: first + i, cells: [p, `Name ${first + i}`] }));

describe('browser upload: the server counts what it stores', () => {
  it('refuses the chunk that takes the stored rows past the row limit (TOO_MANY_ROWS), whatever totalRows claimed', async () => {
    // MAX_ROWS 2,000 in chunks of 50 (SMALL_LIMITS): 40 full chunks fit, the 41st does not.
    const { importId, put } = await browserImport(10, SMALL_LIMITS);
    const [chunkRows, maxRows] = [Number(SMALL_LIMITS.CHUNK_ROWS), Number(SMALL_LIMITS.MAX_ROWS)];
    const full = Math.floor(maxRows / chunkRows);
    const chunkOf = (index: number) => Array.from({ length: chunkRows }, (_, i) => ({ row: index * chunkRows + 1 + i, cells: [''] }));
    for (let index = 0; index < full; index++) expect((await put(index, chunkOf(index))).status, `chunk ${index}`).toBe(200);
    const over = await put(full, chunkOf(full));
    expect(over.status).toBe(413);
    expect((await over.json<any>()).error.code).toBe('TOO_MANY_ROWS');
    expect(await env.UPLOADS.head(keys.chunk((await coordinator(env, importId).snapshot()).config.workspaceId, importId, full))).toBeNull();
  });

  it('runs 90 uploaded rows in the background (past INLINE_MAX_ROWS, 40 here) although the client claimed 10 rows', async () => {
    const { api, importId, put } = await browserImport(10, SMALL_LIMITS);
    const phones = usNumbers(90, 40_000);
    for (let c = 0; c < 3; c++) expect((await put(c, rowsFrom(c * 30 + 1, phones.slice(c * 30, c * 30 + 30)))).status).toBe(200);
    const started = await api.post(`/imports/${importId}/start`, { chunkCount: 3 });
    expect(started.status).toBe(202);
    expect((await started.json<any>()).totalRows).toBe(90);
    expect(await waitForEnd(api, importId)).toMatchObject({ status: 'completed', totalRows: 90, importedRows: 90 });
  });

  it('runs a small upload inline even if the client claimed a large file', async () => {
    const { api, importId, put } = await browserImport(500_000);
    expect((await put(0, rowsFrom(1, usNumbers(20, 50_000)))).status).toBe(200);
    const started = await api.post(`/imports/${importId}/start`, { chunkCount: 1 });
    expect(started.status).toBe(201);
    expect(await started.json<any>()).toMatchObject({ status: 'completed', totalRows: 20, importedRows: 20 });
  });

  it('follows the stored rows when a chunk is replaced: 1,200 rows, then chunk 1 re-sent smaller, runs inline', async () => {
    const { api, importId, put } = await browserImport(1_200);
    const phones = usNumbers(1_200, 60_000);
    expect((await put(0, rowsFrom(1, phones.slice(0, 600)))).status).toBe(200);
    expect((await put(1, rowsFrom(601, phones.slice(600, 1_200)))).status).toBe(200);
    expect((await put(1, rowsFrom(601, phones.slice(600, 700)))).status).toBe(200);
    const started = await api.post(`/imports/${importId}/start`, { chunkCount: 2 });
    expect(started.status).toBe(201);
    expect(await started.json<any>()).toMatchObject({ status: 'completed', totalRows: 700, importedRows: 700 });
  });
});

describe('browser upload: row numbers in file order', () => {
  it('refuses a chunk with a repeated row number (one of the two rows would be neither imported nor reported)', async () => {
    const { importId, put, workspaceId } = await browserImport();
    const [a, b] = usNumbers(2, 70_000);
    for (const rows of [
      [{ row: 5, cells: [a!, 'A'] }, { row: 5, cells: [a!, 'A again'] }],
      [{ row: 5, cells: [a!, 'A'] }, { row: 4, cells: [b!, 'B'] }],
    ]) {
      const res = await put(0, rows);
      expect(res.status).toBe(422);
      const error = (await res.json<any>()).error;
      expect(error.code).toBe('CHUNK_ROWS_UNORDERED');
      expect(error.message).toMatch(/rows\[1\]/);
    }
    expect(await env.UPLOADS.head(keys.chunk(workspaceId, importId, 0))).toBeNull();
  });

  it('refuses chunks whose row ranges overlap or run backwards, in whatever order they arrive', async () => {
    const { api, importId, put, workspaceId } = await browserImport();
    const phones = usNumbers(40, 80_000);
    expect((await put(0, rowsFrom(1, phones.slice(0, 10)))).status).toBe(200);
    // Chunk 1 starting inside chunk 0's rows (1–10).
    const overlap = await put(1, rowsFrom(5, phones.slice(10, 20)));
    expect(overlap.status).toBe(409);
    expect((await overlap.json<any>()).error.code).toBe('CHUNK_ROWS_OVERLAP');
    // Chunk 3 arrives first with rows 21–30; chunk 2 then may not reach row 21.
    expect((await put(3, rowsFrom(21, phones.slice(20, 30)))).status).toBe(200);
    const backwards = await put(2, rowsFrom(15, phones.slice(30, 40)));
    expect(backwards.status).toBe(409);
    expect((await backwards.json<any>()).error.code).toBe('CHUNK_ROWS_OVERLAP');
    expect(await env.UPLOADS.head(keys.chunk(workspaceId, importId, 1))).toBeNull();
    expect(await env.UPLOADS.head(keys.chunk(workspaceId, importId, 2))).toBeNull();
    // Chunks that keep the order are accepted, and replacing a chunk checks against the others only.
    expect((await put(1, rowsFrom(11, phones.slice(10, 15)))).status).toBe(200);
    expect((await put(2, rowsFrom(16, phones.slice(30, 35)))).status).toBe(200);
    expect((await put(0, rowsFrom(1, phones.slice(0, 10)))).status).toBe(200);
    const started = await api.post(`/imports/${importId}/start`, { chunkCount: 4 });
    expect(await started.json<any>()).toMatchObject({ status: 'completed', totalRows: 30, importedRows: 30 });
  });
});

describe('browser upload: a chunk racing start', () => {
  it('answers 409 to a PUT whose body finishes after start sealed the import, and keeps the stored chunk', async () => {
    const { api, token, importId, put, workspaceId } = await browserImport();
    const phones = usNumbers(5, 90_000);
    expect((await put(0, rowsFrom(1, phones))).status).toBe(200);
    const key = keys.chunk(workspaceId, importId, 0);
    const before = await (await env.UPLOADS.get(key))!.text();

    // The replacing upload: its first half arrives, then it stalls until start has run.
    const replacement = new TextEncoder().encode(JSON.stringify({ v: 1, index: 0, rows: rowsFrom(1, usNumbers(5, 95_000)) }));
    const half = replacement.length >> 1;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let reading!: () => void;
    const readingStarted = new Promise<void>((r) => (reading = r));
    let step = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (step === 0) {
            step = 1;
            reading();
            controller.enqueue(replacement.subarray(0, half));
          } else if (step === 1) {
            step = 2;
            await released;
            controller.enqueue(replacement.subarray(half));
          } else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(`http://example.com/api/v1/imports/${importId}/chunks/0`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
      // @ts-expect-error: a streamed request body (Workers types lack `duplex`)
      duplex: 'half',
    });
    const racing = worker.fetch(request as never, env as never, createExecutionContext());
    await readingStarted;

    const started = await api.post(`/imports/${importId}/start`, { chunkCount: 1 });
    expect(started.status).toBe(201);
    expect(await started.json<any>()).toMatchObject({ status: 'completed', importedRows: 5 });
    release();

    const res = await racing;
    expect(res.status).toBe(409);
    expect((await res.json<any>()).error.code).toBe('IMPORT_STARTED');
    expect(await (await env.UPLOADS.get(key))!.text()).toBe(before);
  });

  it('the coordinator refuses to store a chunk once sealed (the check that closes the race)', async () => {
    const { api, importId, put, workspaceId } = await browserImport();
    expect((await put(0, rowsFrom(1, usNumbers(3, 99_000)))).status).toBe(200);
    const key = keys.chunk(workspaceId, importId, 0);
    const before = await (await env.UPLOADS.get(key))!.text();
    const coord = coordinator(env, importId);
    await coord.seal(1);
    const late = await coord.putUploadedChunk({ index: 0, rows: 1, firstRow: 1, lastRow: 1, body: '{"v":1,"index":0,"rows":[]}', key, maxRows: LIMITS.maxRows, inlineMaxRows: LIMITS.inlineMaxRows });
    expect(late).toMatchObject({ ok: false, code: 'IMPORT_STARTED' });
    expect(await (await env.UPLOADS.get(key))!.text()).toBe(before);
    expect((await api.put(`/imports/${importId}/chunks/0`, { v: 1, index: 0, rows: rowsFrom(1, usNumbers(3, 99_100)) })).status).toBe(409);
  });
});
