/**
 * "Ignore errors" off is all or nothing, also when another import writes the same numbers at the
 * same time and when a chunk keeps failing: an import ends completed with every valid row, or
 * failed with none of its leads left in the campaign. Leads are read through the API.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { client, seededCampaign, SMALL_LIMITS, waitForEnd } from './helpers.ts';
import { csv, readReport, usNumbers } from './csv.ts';
import { campaignLeads } from './leads-api.ts';
import { validatePass } from '../../workers/revalidate/validate-pass.ts';
import { writePass } from '../../workers/write/write-pass.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { leadsStore } from '../../workers/leads/leads-store.ts';
import { finalizeImport } from '../../workers/report/finalize.ts';
import { leadsDbOf } from './leads-db.ts';

const HEADERS = ['phone_number', 'customer_name'];
const CHUNK = 500;

type Api = ReturnType<typeof client>;

/**
 * A browser-path import of `phones` in chunks of 500, every chunk validated here (not by the
 * queue). `inline` makes its coordinator hand the next steps to this test instead of the queue
 * (as for a small import), so the test decides who writes what and when.
 */
async function validatedImport(api: Api, campaignId: string, workspaceId: string, phones: string[], inline: boolean) {
  const created = await api.json(
    api.post('/imports', { campaignId, fileName: 'aon.csv', headers: HEADERS, totalRows: inline ? 1_000 : phones.length, ignoreErrors: false }),
  );
  const chunks = Math.ceil(phones.length / CHUNK);
  for (let c = 0; c < chunks; c++) {
    const rows = phones.slice(c * CHUNK, (c + 1) * CHUNK).map((p, i) => ({ row: c * CHUNK + i + 1, cells: [p, `P${c * CHUNK + i + 1}`] }));
    expect((await api.put(`/imports/${created.id}/chunks/${c}`, { v: 1, index: c, rows })).status).toBe(200);
  }
  await coordinator(env, created.id).seal(chunks);
  for (let c = 0; c < chunks; c++) await validatePass(env, workspaceId, created.id, c);
  return { id: created.id as string, chunks };
}

async function leadsOfImport(api: Api, campaignId: string, importId: string) {
  return (await campaignLeads(api, campaignId)).filter((l) => l.importId === importId);
}

/** Runs queue messages through the Worker's consumer entry point; returns the ids it retried. */
async function deliver(queue: string, bodies: unknown[], environment: typeof env = env, attempts = 1): Promise<string[]> {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue!(batch as any, environment, ctx);
  const result = await getQueueResult(batch, ctx);
  return result.retryMessages.map((m) => m.msgId);
}

/** Every write of an import whose leads may not stay: what an ended all-or-nothing import must satisfy. */
async function expectAllOrNothing(api: Api, campaignId: string, view: any, validRows: number) {
  const mine = await leadsOfImport(api, campaignId, view.id);
  if (view.status === 'completed') {
    expect(view).toMatchObject({ importedRows: validRows, failedRows: 0 });
    expect(mine).toHaveLength(validRows);
  } else {
    expect(view.status).toBe('failed');
    expect(view.importedRows).toBe(0);
    expect(mine).toHaveLength(0);
  }
}

describe('ignoreErrors off: all or nothing', () => {
  it('two imports sharing numbers, both validated before either writes, written by the real queue: a conflict rolls one back whole', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const all = usNumbers(2_250, 400_000);
    const a = all.slice(0, 1_500);
    const b = all.slice(750, 2_250);
    // Both pass validation (neither has written yet): the unique index finds the overlap at write time.
    const ia = await validatedImport(api, campaign.id, workspaceId, a, false);
    const ib = await validatedImport(api, campaign.id, workspaceId, b, false);
    const [va, vb] = await Promise.all([waitForEnd(api, ia.id, 120_000), waitForEnd(api, ib.id, 120_000)]);
    await expectAllOrNothing(api, campaign.id, va, 1_500);
    await expectAllOrNothing(api, campaign.id, vb, 1_500);
    const failed = [va, vb].filter((v) => v.status === 'failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const v of failed) {
      expect(v.failure.code).toBe('WRITE_CONFLICT');
      const conflicts = v.errorCounts.DUPLICATE_EXISTING;
      expect(conflicts).toBeGreaterThan(0);
      expect(v.failedRows).toBe(conflicts);
      expect(v.failure.message).toContain(`${conflicts.toLocaleString('en-US')} numbers were added to the campaign by another import`);
      expect(v.failure.message).toMatch(/nothing was imported/);
      const report = readReport(await (await api.get(`/imports/${v.id}/errors.csv`)).text());
      expect(report.rows).toHaveLength(conflicts);
      for (const r of report.rows) {
        expect(r.error_codes).toBe('DUPLICATE_EXISTING');
        expect(all.slice(750, 1_500)).toContain(r.phone_number);
      }
    }
    const leads = await campaignLeads(api, campaign.id);
    expect(new Set(leads.map((l) => l.phoneNumber)).size).toBe(leads.length);
  });

  it('two headless imports sharing numbers, posted at once: each completes whole or fails with nothing left', async () => {
    // Chunks of 50 rows (SMALL_LIMITS): each file is 3 chunks, queued; they share 90 numbers.
    const { campaign, token } = await seededCampaign();
    const api = client(token, SMALL_LIMITS);
    const all = usNumbers(150, 500_000);
    const files = [all.slice(0, 120), all.slice(30, 150)].map((phones) => csv([HEADERS, ...phones.map((p, i) => [p, `H${i}`])]));
    const responses = await Promise.all(
      files.map((file, i) => api.post(`/campaigns/${campaign.id}/imports?fileName=h${i}.csv&ignoreErrors=false`, file, { 'Content-Type': 'text/csv' })),
    );
    const views = await Promise.all(responses.map(async (r) => waitForEnd(api, (await r.json<any>()).id, 150_000)));
    for (const v of views) await expectAllOrNothing(api, campaign.id, v, 120);
    // Never both: the second to check or write meets the first's numbers.
    expect(views.filter((v) => v.status === 'completed').length).toBeLessThanOrEqual(1);
    const leads = await campaignLeads(api, campaign.id);
    expect(new Set(leads.map((l) => l.phoneNumber)).size).toBe(leads.length);
  });

  it('a chunk whose write fails until it is dead-lettered, after earlier chunks were written: failed, nothing left', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const phones = usNumbers(1_500, 600_000);
    const imp = await validatedImport(api, campaign.id, workspaceId, phones, true);
    const write = (chunk: number) => ({ kind: 'write', workspaceId, importId: imp.id, chunk });
    // Chunks 0 and 1 are written by the consumer.
    expect(await deliver('lead-import-chunks', [write(0), write(1)])).toEqual([]);
    expect(await leadsOfImport(api, campaign.id, imp.id)).toHaveLength(1_000);
    // Chunk 2's insert fails in D1 at every attempt (a real failure, injected by a trigger on one of its rows).
    const shard = await leadsDbOf(workspaceId);
    await shard.prepare(
      `CREATE TRIGGER fail_chunk_2 BEFORE INSERT ON leads WHEN NEW.import_id = '${imp.id}' AND NEW.source_row = 1200 BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    ).run();
    try {
      for (let attempt = 1; attempt <= 3; attempt++) expect(await deliver('lead-import-chunks', [write(2)], env, attempt)).toEqual(['m0']);
    } finally {
      await shard.prepare('DROP TRIGGER fail_chunk_2').run();
    }
    expect(await leadsOfImport(api, campaign.id, imp.id)).toHaveLength(1_000);
    // Its retries are spent: the dead-letter queue's consumer fails the import, which rolls back
    // through the real queue.
    await deliver('lead-import-dlq', [write(2)], env, 6);
    const view = await waitForEnd(api, imp.id, 60_000);
    expect(view).toMatchObject({ status: 'failed', importedRows: 0, failedRows: 0, errorCounts: {}, failure: { code: 'PROCESSING_FAILED' } });
    expect(view.failure.message).toMatch(/part 3 of the file/);
    expect(view.failure.message).toMatch(/Nothing of this import was kept/);
    expect(await leadsOfImport(api, campaign.id, imp.id)).toHaveLength(0);
    expect(await campaignLeads(api, campaign.id)).toHaveLength(0);
  });

  it('a rollback under redelivery, duplicates and a consumer that dies mid-way is exact', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const phones = usNumbers(2_000, 700_000);
    const imp = await validatedImport(api, campaign.id, workspaceId, phones, true);
    const coord = coordinator(env, imp.id);
    // Chunk 0 is written; chunk 1 is written but its consumer dies before recording it (its lease stays held).
    await writePass(env, workspaceId, imp.id, 0);
    const dying = { ...env, IMPORTS: coordinatorStubWithout('recordGuardedWrite') };
    await expect(writePass(dying, workspaceId, imp.id, 1)).rejects.toThrow(/consumer died/);
    expect(await leadsOfImport(api, campaign.id, imp.id)).toHaveLength(1_000);
    // Meanwhile another import took one number of chunk 3: chunk 3's write meets it and rolls back.
    const other = await api.post(`/campaigns/${campaign.id}/imports?fileName=o.csv&ignoreErrors=true`, csv([HEADERS, [phones[1_700]!, 'Other']]), { 'Content-Type': 'text/csv' });
    expect((await other.json<any>()).status).toBe('completed');
    await writePass(env, workspaceId, imp.id, 3);
    expect((await coord.snapshot()).phase).toBe('rollback');
    // Chunk 0 is rolled back by its own write message, chunk 1 only after its dying write is redelivered;
    // every message arrives twice, and one rollback's consumer dies after deleting, before recording.
    const w = (chunk: number) => ({ kind: 'write', workspaceId, importId: imp.id, chunk });
    const undoDies = { ...env, IMPORTS: coordinatorStubWithout('recordRolledBack') };
    expect(await deliver('lead-import-chunks', [w(0)], undoDies)).toEqual(['m0']);
    expect((await coord.snapshot()).phase).toBe('rollback');
    expect(await deliver('lead-import-chunks', [w(0), w(0), w(2)])).toEqual([]);
    // Chunk 1's write still holds its lease: the rollback waits for it.
    expect((await coord.snapshot()).phase).toBe('rollback');
    expect((await leadsOfImport(api, campaign.id, imp.id)).length).toBeGreaterThan(0);
    expect(await deliver('lead-import-chunks', [w(1), w(1)], env, 2)).toEqual([]);
    // Every chunk is rolled back. (This small-import coordinator leaves the last step to its driver, here the test.)
    expect((await coord.snapshot()).phase).toBe('finalize');
    await finalizeImport(env, workspaceId, imp.id);
    const view = await api.json(api.get(`/imports/${imp.id}`));
    // Late redeliveries after the end write nothing back.
    expect(await deliver('lead-import-chunks', [w(0), w(1), w(2), w(3)], env, 3)).toEqual([]);
    expect(view).toMatchObject({ status: 'failed', importedRows: 0, failedRows: 1, errorCounts: { DUPLICATE_EXISTING: 1 }, failure: { code: 'WRITE_CONFLICT' } });
    expect(view.failure.message).toMatch(/^1 number was added to the campaign by another import/);
    const report = readReport(await (await api.get(`/imports/${imp.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.phone_number, r.error_codes])).toEqual([['1701', phones[1_700], 'DUPLICATE_EXISTING']]);
    expect(await leadsOfImport(api, campaign.id, imp.id)).toHaveLength(0);
    let fromStore = 0;
    for await (const page of leadsStore(env, workspaceId, campaign.id).byImport(imp.id)) fromStore += page.length;
    expect(fromStore).toBe(0);
    // The other import's lead stays.
    expect((await campaignLeads(api, campaign.id)).map((l) => l.phoneNumber)).toEqual([phones[1_700]]);
  });

  it('with ignoreErrors on, a failing chunk keeps what was written and says so', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const phones = usNumbers(1_500, 800_000);
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'on.csv', headers: HEADERS, totalRows: 1_000, ignoreErrors: true }));
    for (let c = 0; c < 3; c++) {
      const rows = phones.slice(c * CHUNK, (c + 1) * CHUNK).map((p, i) => ({ row: c * CHUNK + i + 1, cells: [p, 'X'] }));
      await api.put(`/imports/${created.id}/chunks/${c}`, { v: 1, index: c, rows });
    }
    await coordinator(env, created.id).seal(3);
    for (const c of [0, 1]) await validatePass(env, workspaceId, created.id, c);
    await deliver('lead-import-dlq', [{ kind: 'validate', workspaceId, importId: created.id, chunk: 2 }], env, 6);
    const view = await api.json(api.get(`/imports/${created.id}`));
    expect(view).toMatchObject({ status: 'failed', importedRows: 1_000, failure: { code: 'PROCESSING_FAILED' } });
    expect(view.failure.message).toMatch(/1,000 rows were imported before it stopped/);
    expect(await leadsOfImport(api, campaign.id, created.id)).toHaveLength(1_000);
  });
});

/** The coordinator binding with one method throwing: a consumer that dies at that call. */
function coordinatorStubWithout(method: string): typeof env.IMPORTS {
  return new Proxy(env.IMPORTS, {
    get(target, prop) {
      if (prop === 'get') {
        return (id: DurableObjectId) => {
          const stub = target.get(id);
          return new Proxy(stub, {
            get(s, p) {
              if (p === method) return async () => { throw new Error('consumer died'); };
              return (...args: unknown[]) => (s as any)[p](...args);
            },
          });
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
