/**
 * Exactly-once under the queue's real behaviour: chunks validated and written out of order and
 * more than once, a consumer that dies halfway through a chunk, a chunk missing from R2, a message
 * that ends in the dead-letter queue. Stages are driven directly, against the real bindings.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createMessageBatch, getQueueResult, evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { usNumbers, readReport } from './csv.ts';
import { validatePass } from '../../workers/revalidate/validate-pass.ts';
import { writePass } from '../../workers/write/write-pass.ts';
import { finalizeImport } from '../../workers/report/finalize.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { keys } from '../../workers/chunk/keys.ts';
import { leadsDbOf, leadsDbOfImport } from './leads-db.ts';
import { shardOf } from '../../workers/leads/placement.ts';

const HEADERS = ['phone_number', 'customer_name'];

/**
 * Creates a browser-path import and uploads 3 chunks of `size` rows (200: 600 rows, run inline by
 * its driver; 500: 1,500 rows, run by the queue); phones repeat across chunks.
 */
async function uploadedImport(opts: { ignoreErrors?: boolean; size?: number } = {}) {
  const ctx = await seededCampaign();
  const size = opts.size ?? 200;
  const phones = usNumbers(3 * size, 7_000);
  const at = (chunk: number, k: number) => chunk * size + k;
  phones[at(2, 50)] = phones[at(0, 10)]!; // row 451 (chunk 2) repeats row 11 (chunk 0)
  phones[at(1, 50)] = phones[at(2, 20)]!; // row 251 (chunk 1) and row 421 (chunk 2): the first is row 251
  const created = await ctx.api.json(
    ctx.api.post('/imports', { campaignId: ctx.campaign.id, fileName: 'faults.csv', headers: HEADERS, totalRows: 3 * size, ignoreErrors: opts.ignoreErrors ?? true }),
  );
  expect(created.status).toBe('queued');
  for (let c = 0; c < 3; c++) {
    const rows = phones.slice(c * size, c * size + size).map((p, i) => ({ row: c * size + i + 1, cells: [p, `P${c * size + i + 1}`] }));
    const res = await ctx.api.put(`/imports/${created.id}/chunks/${c}`, { v: 1, index: c, rows });
    expect(res.status).toBe(200);
  }
  return { ...ctx, importId: created.id as string, phones };
}

/** The bindings, with one method of every import coordinator throwing (a consumer that dies there). */
function envWhoseCoordinatorFails(method: string): typeof env {
  const imports = new Proxy(env.IMPORTS, {
    get(target, prop) {
      if (prop === 'get') {
        return (id: DurableObjectId) => {
          const stub = target.get(id);
          return new Proxy(stub, {
            get(s, p) {
              if (p === method) return async () => { throw new Error('consumer died'); };
              // RPC stubs answer every property with a remote method, `bind` included: call through.
              return (...args: unknown[]) => (s as any)[p](...args);
            },
          });
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...env, IMPORTS: imports };
}

async function leadsOf(importId: string) {
  const { results } = await (await leadsDbOfImport(importId)).prepare('SELECT phone, source_row FROM leads WHERE import_id = ? ORDER BY source_row').bind(importId).all<any>();
  return results;
}

describe('exactly once', () => {
  it('chunks validated and written out of order and twice give the same result as in order', async () => {
    const { workspaceId, importId, api } = await uploadedImport();
    const coord = coordinator(env, importId);
    await coord.seal(3);
    for (const c of [2, 0, 2, 1, 0]) await validatePass(env, workspaceId, importId, c);
    expect((await coord.snapshot()).phase).toBe('write');
    for (const c of [1, 2, 1, 0, 2]) await writePass(env, workspaceId, importId, c);
    await finalizeImport(env, workspaceId, importId);
    await finalizeImport(env, workspaceId, importId);
    const view = await api.json(api.get(`/imports/${importId}`));
    expect(view).toMatchObject({ status: 'completed', totalRows: 600, importedRows: 598, failedRows: 2, errorCounts: { DUPLICATE_IN_FILE: 2 } });
    const leads = await leadsOf(importId);
    expect(leads).toHaveLength(598);
    expect(new Set(leads.map((l: any) => l.phone)).size).toBe(598);
    const rows = new Set(leads.map((l: any) => l.source_row));
    expect(rows.has(11) && rows.has(251)).toBe(true);
    expect(rows.has(451) || rows.has(421)).toBe(false);
    const report = readReport(await (await api.get(`/imports/${importId}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([
      ['421', 'DUPLICATE_IN_FILE'],
      ['451', 'DUPLICATE_IN_FILE'],
    ]);
    expect(report.rows[0]!.error_messages).toMatch(/251/);
    expect(report.rows[1]!.error_messages).toMatch(/11\b/);
  });

  it('writes chunks in their validate pass when every earlier chunk is validated: no stored verdict, no second pass', async () => {
    const { workspaceId, importId } = await uploadedImport();
    const coord = coordinator(env, importId);
    await coord.seal(3);
    for (const c of [0, 1, 2]) await validatePass(env, workspaceId, importId, c);
    for (const c of [0, 1, 2]) expect(await env.UPLOADS.head(keys.validated(workspaceId, importId, c)), `verdict ${c}`).toBeNull();
    expect((await coord.snapshot()).phase).toBe('finalize');
    expect(await leadsOf(importId)).toHaveLength(598);
  });

  it('chunks validated before an earlier one are written through the queue once the gap closes', async () => {
    const { workspaceId, importId, api } = await uploadedImport({ size: 500 });
    await coordinator(env, importId).seal(3);
    await validatePass(env, workspaceId, importId, 2);
    await validatePass(env, workspaceId, importId, 1);
    // Chunks 1 and 2 wait, their verdicts in R2: nothing of them is written yet.
    expect(await env.UPLOADS.head(keys.validated(workspaceId, importId, 2))).not.toBeNull();
    expect(await leadsOf(importId)).toHaveLength(0);
    // Chunk 0 is written by its own message; the coordinator queues writes for 1 and 2, and the
    // real queue consumer does the rest (no write is driven by this test).
    await validatePass(env, workspaceId, importId, 0);
    // Well before the 60 s watchdog would re-send anything.
    const view = await waitForEnd(api, importId, 20_000);
    expect(view).toMatchObject({ status: 'completed', importedRows: 1_498, failedRows: 2, errorCounts: { DUPLICATE_IN_FILE: 2 } });
    expect(await leadsOf(importId)).toHaveLength(1_498);
  });

  it('an inline import validated out of order hands its waiting chunks to its driver', async () => {
    const { workspaceId, importId } = await uploadedImport();
    await coordinator(env, importId).seal(3);
    expect(await validatePass(env, workspaceId, importId, 2)).toEqual({ kind: 'none' });
    // Chunk 0 is written at once; chunks 1 and 2 are for the inline driver to write next.
    await validatePass(env, workspaceId, importId, 1);
    expect(await validatePass(env, workspaceId, importId, 0)).toEqual({ kind: 'write', chunks: [1, 2] });
    for (const c of [1, 2]) await writePass(env, workspaceId, importId, c);
    expect((await coordinator(env, importId).snapshot()).phase).toBe('finalize');
    expect(await leadsOf(importId)).toHaveLength(598);
  });

  it('a consumer that dies after writing a chunk but before recording it neither doubles nor loses rows', async () => {
    const { workspaceId, importId, api } = await uploadedImport();
    const coord = coordinator(env, importId);
    await coord.seal(3);
    await validatePass(env, workspaceId, importId, 0);
    // The "crash": chunk 1's leads reach D1, the coordinator never hears of it.
    await expect(validatePass(envWhoseCoordinatorFails('recordWrite'), workspaceId, importId, 1)).rejects.toThrow(/consumer died/);
    expect((await leadsOf(importId)).filter((l: any) => l.source_row > 200 && l.source_row <= 400)).toHaveLength(200);
    // The message is redelivered (twice): the chunk runs again in full.
    for (const c of [1, 1, 2]) await validatePass(env, workspaceId, importId, c);
    await finalizeImport(env, workspaceId, importId);
    const view = await api.json(api.get(`/imports/${importId}`));
    expect(view).toMatchObject({ status: 'completed', importedRows: 598, failedRows: 2 });
    expect(await leadsOf(importId)).toHaveLength(598);
  });

  it('a failing message is retried by the consumer, a missing chunk fails the import with a reason', async () => {
    const { workspaceId, importId, api } = await uploadedImport();
    await coordinator(env, importId).seal(3);
    await env.UPLOADS.delete(keys.chunk(workspaceId, importId, 1));
    const batch = createMessageBatch('lead-import-chunks', [
      { id: 'a', timestamp: new Date(), attempts: 1, body: { kind: 'validate', workspaceId, importId, chunk: 0 } },
      { id: 'b', timestamp: new Date(), attempts: 1, body: { kind: 'validate', workspaceId, importId, chunk: 1 } },
      { id: 'c', timestamp: new Date(), attempts: 1, body: { kind: 'write', workspaceId, importId: 'imp_unknown', chunk: 0 } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue!(batch as any, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['a', 'b']);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(['c']);
    const view = await api.json(api.get(`/imports/${importId}`));
    expect(view.status).toBe('failed');
    expect(view.failure.code).toBe('CHUNK_MISSING');
    expect(view.failure.message).toMatch(/part 2/i);
    // Chunk 0 was written before chunk 1 turned out missing (ignoreErrors on): the failure says so.
    expect(view.importedRows).toBe(200);
    expect(view.failure.message).toMatch(/200 rows were imported before it stopped/);
    expect(await leadsOf(importId)).toHaveLength(200);
  });

  it('a message that lands in the dead-letter queue ends its import failed, never stuck', async () => {
    const { workspaceId, importId, api } = await uploadedImport();
    await coordinator(env, importId).seal(3);
    const batch = createMessageBatch('lead-import-dlq', [{ id: 'd', timestamp: new Date(), attempts: 6, body: { kind: 'validate', workspaceId, importId, chunk: 2 } }]);
    const ctx = createExecutionContext();
    await worker.queue!(batch as any, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['d']);
    const view = await api.json(api.get(`/imports/${importId}`));
    expect(view).toMatchObject({ status: 'failed', failure: { code: 'PROCESSING_FAILED' } });
    // Late deliveries of its other chunks change nothing.
    await validatePass(env, workspaceId, importId, 0);
    expect((await api.json(api.get(`/imports/${importId}`))).status).toBe('failed');
  });
});

describe('faults in the bindings', () => {
  it('a Durable Object restart mid-import loses no state', async () => {
    const { workspaceId, importId, api } = await uploadedImport();
    const coord = coordinator(env, importId);
    await coord.seal(3);
    await validatePass(env, workspaceId, importId, 0);
    await validatePass(env, workspaceId, importId, 2);
    await evictDurableObject(coord);
    await validatePass(env, workspaceId, importId, 1);
    await writePass(env, workspaceId, importId, 0);
    await evictDurableObject(coordinator(env, importId));
    for (const c of [1, 2]) await writePass(env, workspaceId, importId, c);
    await finalizeImport(env, workspaceId, importId);
    expect(await api.json(api.get(`/imports/${importId}`))).toMatchObject({ status: 'completed', importedRows: 598, failedRows: 2 });
    expect(await leadsOf(importId)).toHaveLength(598);
  });

  it('a D1 write that fails is rolled back whole and the retried chunk counts once', async () => {
    const { workspaceId, importId, api } = await uploadedImport();
    await coordinator(env, importId).seal(3);
    let failures = 0;
    // The leads insert runs for real, then its transaction fails (as an overloaded D1 or a lost
    // connection would make it): nothing of it may stay.
    const shardDb = await leadsDbOf(workspaceId);
    const leadInserts = new WeakSet<object>();
    const flakyDb = new Proxy(shardDb, {
      get(target, prop) {
        if (prop === 'prepare') {
          return (sql: string) => {
            const real = target.prepare(sql);
            if (!sql.trimStart().startsWith('INSERT INTO leads')) return real;
            return new Proxy(real, {
              get: (stmt, p) =>
                p === 'bind'
                  ? (...args: unknown[]) => {
                      const bound = stmt.bind(...args);
                      leadInserts.add(bound);
                      return bound;
                    }
                  : Reflect.get(stmt, p).bind?.(stmt) ?? Reflect.get(stmt, p),
            });
          };
        }
        if (prop === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            if (!statements.some((s) => leadInserts.has(s))) return target.batch(statements);
            failures++;
            return target.batch([...statements, target.prepare('SELECT * FROM no_such_table')]);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const binding = `LEADS_${await shardOf(env, workspaceId)}`;
    await expect(validatePass({ ...env, [binding]: flakyDb }, workspaceId, importId, 0)).rejects.toThrow();
    expect(failures).toBe(1);
    expect(await leadsOf(importId)).toHaveLength(0);
    for (const c of [0, 1, 2]) await validatePass(env, workspaceId, importId, c);
    await finalizeImport(env, workspaceId, importId);
    expect(await api.json(api.get(`/imports/${importId}`))).toMatchObject({ status: 'completed', importedRows: 598, failedRows: 2 });
    expect(await leadsOf(importId)).toHaveLength(598);
  });
});

describe('watchdog', () => {
  it('re-sends the messages of a stalled phase (a lost message, a dead request) and the import completes', async () => {
    const { workspaceId, importId, api } = await uploadedImport();
    const coord = coordinator(env, importId);
    await coord.seal(3);
    await validatePass(env, workspaceId, importId, 0);
    // Chunks 1 and 2 were never delivered, and the request that drove this small import died.
    expect(await runDurableObjectAlarm(coord)).toBe(true);
    const view = await waitForEnd(api, importId);
    expect(view).toMatchObject({ status: 'completed', importedRows: 598, failedRows: 2 });
    expect(await leadsOf(importId)).toHaveLength(598);
  });

  it('ends an abandoned upload as failed instead of leaving it queued', async () => {
    const { importId, api } = await uploadedImport();
    expect(await runDurableObjectAlarm(coordinator(env, importId))).toBe(true);
    const view = await api.json(api.get(`/imports/${importId}`));
    expect(view).toMatchObject({ status: 'failed', failure: { code: 'UPLOAD_ABANDONED' } });
  });
});

describe('browser upload path', () => {
  it('creates, uploads (re-uploading a chunk replaces it), starts and completes through the queue', async () => {
    const { api, campaign } = await seededCampaign();
    const phones = usNumbers(1_500, 20_000);
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: HEADERS, totalRows: 1_500 }));
    expect(created.chunkRows).toBeGreaterThan(0);
    const chunk = (c: number, size: number) => ({ v: 1, index: c, rows: phones.slice(c * size, c * size + size).map((p, i) => ({ row: c * size + i + 1, cells: [p, 'X'] })) });
    expect((await api.put(`/imports/${created.id}/chunks/0`, chunk(0, 1000))).status).toBe(200);
    // Starting with a chunk missing is refused.
    const early = await api.post(`/imports/${created.id}/start`, { chunkCount: 2 });
    expect(early.status).toBe(409);
    expect((await api.put(`/imports/${created.id}/chunks/1`, chunk(1, 1000))).status).toBe(200);
    expect((await api.put(`/imports/${created.id}/chunks/1`, chunk(1, 1000))).status).toBe(200);
    const started = await api.post(`/imports/${created.id}/start`, { chunkCount: 2 });
    expect(started.status).toBe(202);
    let view: any;
    for (let i = 0; i < 600; i++) {
      view = await api.json(api.get(`/imports/${created.id}`));
      if (view.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(view).toMatchObject({ status: 'completed', totalRows: 1_500, importedRows: 1_500, failedRows: 0 });
    expect((await api.put(`/imports/${created.id}/chunks/0`, chunk(0, 1000))).status).toBe(409);
  });

  it('refuses malformed chunks and mappings', async () => {
    const { api, campaign } = await seededCampaign();
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: HEADERS, totalRows: 10 }));
    const bad = [
      { v: 2, index: 0, rows: [{ row: 1, cells: ['+14152000001', 'X'] }] },
      { v: 1, index: 1, rows: [{ row: 1, cells: ['+14152000001', 'X'] }] },
      { v: 1, index: 0, rows: [{ row: 1, cells: ['+14152000001', 'X', 'extra'] }] },
      { v: 1, index: 0, rows: [{ row: 1, cells: ['x'.repeat(20_000), 'X'] }] },
      { v: 1, index: 0, rows: [] },
    ];
    for (const body of bad) {
      const res = await api.put(`/imports/${created.id}/chunks/0`, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await res.json<any>()).error.code).toBe('VALIDATION_FAILED');
    }
    const noPhone = await api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: ['name'], totalRows: 1 });
    expect(noPhone.status).toBe(422);
    expect((await noPhone.json<any>()).error.code).toBe('NO_PHONE_COLUMN');
  });
});
