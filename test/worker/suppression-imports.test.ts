/**
 * A suppression list imported in the background (POST /suppressions/import with
 * `Prefer: respond-async`): 202 with the list import, progress and counts at
 * GET /suppressions/imports/{id}, the rows that were not numbers at …/errors.csv. In workerd with
 * the real local D1, R2 and queue.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mutate } from '../mutate.ts';
import { FILE_ERROR_CODES } from '../../src/lib/codes.ts';
import { client, createWorkspace, inOneRateWindow } from './helpers.ts';
import { csv, readReport, usNumbers } from './csv.ts';
import { envNumber } from '../../workers/env.ts';
import { processListChunk } from '../../workers/suppression/list-import/process-chunk.ts';
import { packedCacheKey } from '../../workers/suppression/packed-list.ts';
import { purgeEndedListImports } from '../../workers/retention/retention.ts';
import { storageUsed } from '../../workers/quota/storage.ts';
import { suppressedAmong } from '../../workers/suppression/store.ts';
import { limitListImports } from '../../workers/limits/rate-limit.ts';
import { Refusal } from '../../workers/refusal.ts';
import { toApiError } from '../../workers/api/handle-error.ts';
import type { Env } from '../../workers/env.ts';

const LIST_CHUNK_ROWS = envNumber(env as Env, 'LIST_CHUNK_ROWS');

const ASYNC = { 'Content-Type': 'text/csv', Prefer: 'respond-async' };

async function workspace() {
  const ws = await createWorkspace();
  return { ...ws, api: client(ws.token) };
}

async function waitForList(api: ReturnType<typeof client>, id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await api.json(api.get(`/suppressions/imports/${id}`));
    if (view.status !== 'running') return view;
    if (Date.now() > deadline) throw new Error(`list import ${id} still running: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A list of `n` rows over several chunks: every 97th row is not a number, every 101st repeats an earlier one. */
function bigList(n: number): { text: string; bad: number[]; repeats: number } {
  const numbers = usNumbers(n);
  const rows: string[][] = [['Phone Number', 'reason']];
  const bad: number[] = [];
  let repeats = 0;
  for (let i = 0; i < n; i++) {
    const row = i + 1;
    if (row % 97 === 0) {
      bad.push(row);
      rows.push([`=HYPERLINK("x") ${row}`, 'bad']);
    } else if (row % 101 === 0) {
      repeats++;
      rows.push([numbers[0]!, 'again']);
    } else rows.push([numbers[i]!, 'asked']);
  }
  return { text: csv(rows), bad, repeats };
}

describe('POST /suppressions/import with Prefer: respond-async', () => {
  it('answers 202 at once, lists every chunk in the background, counts add up, and reports the rows that were not numbers', async () => {
    const { api, workspaceId } = await workspace();
    // Three stored chunks (the reader's 5,000-row batches joined up to LIST_CHUNK_ROWS).
    const n = LIST_CHUNK_ROWS * 2 + 1234;
    const { text, bad, repeats } = bigList(n);
    const res = await api.post('/suppressions/import?fileName=dnc.csv', text, ASYNC);
    const started = await res.json<any>();
    expect(res.status, JSON.stringify(started)).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1/suppressions/imports/${started.id}`);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    expect(started).toMatchObject({ id: expect.stringMatching(/^sli_/), fileName: 'dnc.csv', defaultCountry: 'US', totalRows: n, error: null });

    const done = await waitForList(api, started.id);
    expect(done.status).toBe('completed');
    expect(done.rows).toBe(n);
    expect(done.invalidCount).toBe(bad.length);
    expect(done.added).toBe(n - bad.length - repeats);
    expect(done.alreadyPresent).toBe(repeats);
    expect(done.added + done.alreadyPresent + done.invalidCount).toBe(done.totalRows);
    expect(done.invalid.slice(0, 2).map((i: any) => [i.row, i.code])).toEqual([
      [97, 'PHONE_INVALID'],
      [194, 'PHONE_INVALID'],
    ]);
    expect(done.finishedAt).toEqual(expect.any(String));
    expect(done.errorReportUrl).toBe(`/api/v1/suppressions/imports/${started.id}/errors.csv`);

    const listed = usNumbers(n).filter((_, i) => (i + 1) % 97 !== 0 && (i + 1) % 101 !== 0);
    expect((await suppressedAmong(env, workspaceId, listed, new Date())).size).toBe(listed.length);

    const report = await api.get(`/suppressions/imports/${started.id}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const reportText = await report.text();
    // Formula-safe: the cell that starts with "=" is written with a leading ' (which the readers strip again).
    expect(reportText).toContain(`"'=HYPERLINK(""x"") 97"`);
    const parsed = readReport(reportText);
    expect(parsed.headers).toEqual(['Phone Number', 'reason', 'error_row', 'error_codes', 'error_messages']);
    expect(parsed.rows.map((r) => Number(r.error_row))).toEqual(bad);
    expect(parsed.rows[0]!['Phone Number']).toBe('=HYPERLINK("x") 97');
    expect(parsed.rows[0]!.error_codes).toBe('PHONE_INVALID');

    // The chunks were deleted once listed: the workspace holds only the report's bytes.
    expect(await storageUsed(env, workspaceId)).toBe(Number((await env.UPLOADS.head(`ws/${workspaceId}/suppression-imports/${started.id}/errors/000000.csv`))?.size ?? 0) +
      Number((await env.UPLOADS.head(`ws/${workspaceId}/suppression-imports/${started.id}/errors/000001.csv`))?.size ?? 0) +
      Number((await env.UPLOADS.head(`ws/${workspaceId}/suppression-imports/${started.id}/errors/000002.csv`))?.size ?? 0));
  });

  it('a redelivered chunk changes nothing: its outcome is recorded once', async () => {
    const { api, workspaceId } = await workspace();
    const started = await api.json(api.post('/suppressions/import', csv([['phone'], ...usNumbers(50).map((p) => [p]), ['nope']]), ASYNC));
    const done = await waitForList(api, started.id);
    expect(done).toMatchObject({ status: 'completed', added: 50, alreadyPresent: 0, invalidCount: 1, rows: 51 });
    await processListChunk(env, workspaceId, started.id, 0);
    expect(await api.json(api.get(`/suppressions/imports/${started.id}`))).toEqual(done);
    // The import's end built the packed list for the next preview: the first request is served from it.
    const cached = await env.UPLOADS.head(packedCacheKey(workspaceId));
    expect(cached?.customMetadata?.count).toBe('50');
    const packed = await api.get('/suppressions/packed');
    expect(packed.headers.get('etag')).toBe(cached!.customMetadata!.etag);
    expect((await env.UPLOADS.head(packedCacheKey(workspaceId)))!.uploaded.getTime()).toBe(cached!.uploaded.getTime());
    await packed.arrayBuffer();
  });

  it('reads an XLSX workbook in the background too', async () => {
    const { api } = await workspace();
    const sheet = XLSX.utils.aoa_to_sheet([['mobile', 'expires_at'], [14152000001, '2099-01-01'], ['(415) 200-0002', ''], ['x', '']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'DNC');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
    const started = await api.json(api.post('/suppressions/import?fileName=dnc.xlsx', bytes, { ...ASYNC, 'Content-Type': 'application/octet-stream' }));
    expect(await waitForList(api, started.id)).toMatchObject({ status: 'completed', added: 2, invalidCount: 1, totalRows: 3 });
    const items = (await api.json(api.get('/suppressions'))).items;
    expect(items.map((i: any) => [i.phoneNumber, i.expiresAt])).toEqual([
      ['+14152000001', '2099-01-01T00:00:00.000Z'],
      ['+14152000002', null],
    ]);
  });

  it('refuses a file it cannot use before listing anything, with the same codes as the inline import', async () => {
    const { api } = await workspace();
    const noPhone = await api.post('/suppressions/import', csv([['name', 'reason'], ['A', 'x']]), ASYNC);
    expect(noPhone.status).toBe(422);
    expect((await noPhone.json<any>()).error.code).toBe('NO_PHONE_COLUMN');
    const empty = await api.post('/suppressions/import', 'phone_number\r\n', ASYNC);
    expect(empty.status).toBe(422);
    expect((await empty.json<any>()).error.code).toBe('FILE_EMPTY');
    const damaged = await api.post('/suppressions/import?fileName=x.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), { ...ASYNC, 'Content-Type': 'application/octet-stream' });
    // A zip signature with nothing after it: a damaged workbook.
    expect(damaged.status).toBe(422);
    const error = (await damaged.json<any>()).error;
    expect(error.code).toBe('FILE_CORRUPT');
    expect(error.message).toMatch(/^This Excel file is damaged or incomplete/);
    expect(error.message).not.toMatch(/\bat .+:\d+:\d+/);
    expect((await api.json(api.get('/suppressions'))).items).toEqual([]);
  });

  it('a list import and its report belong to their workspace only', async () => {
    const a = await workspace();
    const b = await workspace();
    const started = await a.api.json(a.api.post('/suppressions/import', csv([['phone'], ['+14152000001'], ['bad']]), ASYNC));
    await waitForList(a.api, started.id);
    const view = await b.api.get(`/suppressions/imports/${started.id}`);
    expect(view.status).toBe(404);
    expect((await view.json<any>()).error.code).toBe('NOT_FOUND');
    expect((await b.api.get(`/suppressions/imports/${started.id}/errors.csv`)).status).toBe(404);
    expect((await b.api.json(b.api.get('/suppressions'))).items).toEqual([]);
  });

  it('answers 409 for the report while the import runs, and 410 once retention has deleted it', async () => {
    const { api, workspaceId } = await workspace();
    const started = await api.json(api.post('/suppressions/import', csv([['phone'], ['+14152000001'], ['bad']]), ASYNC));
    await waitForList(api, started.id);
    await env.DB.prepare("UPDATE suppression_imports SET status = 'running' WHERE id = ?1").bind(started.id).run();
    const running = await api.get(`/suppressions/imports/${started.id}/errors.csv`);
    expect(running.status).toBe(409);
    expect((await running.json<any>()).error.code).toBe('IMPORT_RUNNING');
    await env.DB.prepare("UPDATE suppression_imports SET status = 'completed' WHERE id = ?1").bind(started.id).run();
    expect((await api.get(`/suppressions/imports/${started.id}/errors.csv`)).status).toBe(200);

    expect(await purgeEndedListImports(env, Date.now() + 400 * 86_400_000)).toBeGreaterThanOrEqual(1);
    const expired = await api.get(`/suppressions/imports/${started.id}/errors.csv`);
    expect(expired.status).toBe(410);
    expect((await expired.json<any>()).error.code).toBe('REPORT_EXPIRED');
    expect((await env.UPLOADS.list({ prefix: `ws/${workspaceId}/suppression-imports/${started.id}/` })).objects).toEqual([]);
    expect(await storageUsed(env, workspaceId)).toBe(0);
    // The counts stay.
    expect(await api.json(api.get(`/suppressions/imports/${started.id}`))).toMatchObject({ status: 'completed', added: 1, invalidCount: 1 });
  });

  it('without Prefer, the import still answers 200 with the counts (the contract), and builds the packed list after answering', async () => {
    const { api, workspaceId } = await workspace();
    const res = await api.post('/suppressions/import', csv([['phone'], ['+14152000001']]), { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ added: 1, alreadyPresent: 0, invalidCount: 0, rows: 1 });
    let cached: R2Object | null = null;
    for (let i = 0; i < 50 && !cached; i++) {
      cached = await env.UPLOADS.head(packedCacheKey(workspaceId));
      if (!cached) await new Promise((r) => setTimeout(r, 100));
    }
    expect(cached?.customMetadata?.count).toBe('1');
  });

  it('rate-limits list files per workspace, on a counter of their own', async () => {
    const { workspaceId } = await workspace();
    const limited = { ...(env as Env), IMPORT_RATE_LIMIT_PER_MINUTE: '2' };
    await inOneRateWindow();
    await limitListImports(limited, workspaceId);
    await limitListImports(limited, workspaceId);
    const err = await limitListImports(limited, workspaceId).catch((e) => e);
    expect(err).toBeInstanceOf(Refusal);
    expect([toApiError(err)?.status, err.code]).toEqual([429, 'RATE_LIMITED']);
    expect(err.message).toContain('list files');
  });

  it('fuzz: random bytes and mutations of a list end as a clean 4xx or a completed import whose counts add up', async () => {
    const { api } = await workspace();
    const allowed = new Set<string>([...FILE_ERROR_CODES, 'VALIDATION_FAILED']);
    const base = new TextEncoder().encode(csv([['phone_number', 'reason', 'expires_at'], ['+14152000001', 'asked', '2099-01-01'], ['(415) 200-0002', '', ''], ['nope', 'x', 'soon']]));
    const send = async (body: Uint8Array) => {
      const res = await api.post('/suppressions/import?fileName=f.csv', body, ASYNC);
      const json = await res.json<any>();
      if (res.status === 202) {
        const view = await waitForList(api, json.id);
        expect(view.status).toBe('completed');
        expect(view.added + view.alreadyPresent + view.invalidCount).toBe(view.totalRows);
        expect(view.rows).toBe(view.totalRows);
      } else {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(allowed.has(json.error.code), json.error.code).toBe(true);
        expect(json.error.message).not.toMatch(/\n\s+at /);
      }
    };
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 1_500 }), send), { numRuns: 20 });
    await fc.assert(fc.asyncProperty(mutate(base, 10), send), { numRuns: 30 });
  });

  it('an upload whose request died while reading the file is failed by retention, and what it stored is deleted', async () => {
    const { workspaceId, api } = await workspace();
    const id = 'sli_interrupted0000000000';
    const created = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await env.DB.prepare(
      `INSERT INTO suppression_imports (id, workspace_id, status, file_name, default_country, headers, created_at) VALUES (?1, ?2, 'running', 'x.csv', 'US', '["phone"]', ?3)`,
    )
      .bind(id, workspaceId, created)
      .run();
    await env.UPLOADS.put(`ws/${workspaceId}/suppression-imports/${id}/chunks/000000.json`, '{"v":1,"index":0,"rows":[]}');
    await purgeEndedListImports(env);
    const view = await api.json(api.get(`/suppressions/imports/${id}`));
    expect(view).toMatchObject({ status: 'failed', error: { code: 'UPLOAD_INTERRUPTED' } });
    expect((await env.UPLOADS.list({ prefix: `ws/${workspaceId}/suppression-imports/${id}/` })).objects).toEqual([]);
  });

  it('through the queue consumer: a missing chunk fails the import with CHUNK_MISSING, a chunk given up by the dead-letter queue with PROCESSING_FAILED', async () => {
    const { workspaceId, api } = await workspace();
    const job = async (id: string) => {
      await env.DB.prepare(
        `INSERT INTO suppression_imports (id, workspace_id, status, file_name, default_country, headers, total_rows, chunk_count, created_at)
         VALUES (?1, ?2, 'running', 'x.csv', 'US', '["phone"]', 10, 1, ?3)`,
      )
        .bind(id, workspaceId, new Date().toISOString())
        .run();
      return { kind: 'list-chunk', workspaceId, importId: id, chunk: 0 };
    };
    const deliver = async (queue: string, body: unknown) => {
      const batch = createMessageBatch(queue, [{ id: 'm0', timestamp: new Date(), attempts: 1, body }]);
      const ctx = createExecutionContext();
      await worker.queue!(batch as any, env as any, ctx);
      return getQueueResult(batch, ctx);
    };
    const missing = await deliver('lead-import-chunks', await job('sli_missingchunk000000000'));
    expect(missing.explicitAcks).toEqual(['m0']);
    expect(await api.json(api.get('/suppressions/imports/sli_missingchunk000000000'))).toMatchObject({ status: 'failed', error: { code: 'CHUNK_MISSING' } });

    const dead = await deliver('lead-import-dlq', await job('sli_deadletter00000000000'));
    expect(dead.explicitAcks).toEqual(['m0']);
    const view = await api.json(api.get('/suppressions/imports/sli_deadletter00000000000'));
    expect(view).toMatchObject({ status: 'failed', error: { code: 'PROCESSING_FAILED' } });
    expect(view.error.message).toMatch(/part 1 of the file/);
  });
});
