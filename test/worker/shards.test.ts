/**
 * Leads across the pool of D1 shards (LEADS_0, LEADS_1): placement, isolation between workspaces,
 * counters kept with every write and delete, and moving a workspace between shards under load and
 * after a crash.
 */
import { env, SELF } from 'cloudflare:test';
import { heldQueue } from './held-queue.ts';
import { describe, expect, it } from 'vitest';
import { client, createWorkspace, seededCampaign, SMALL_LIMITS, waitForEnd } from './helpers.ts';
import { csv, readReport, usNumbers } from './csv.ts';
import { campaignLeads } from './leads-api.ts';
import { leadsDbOf } from './leads-db.ts';
import { shardOf, shardLoads } from '../../workers/leads/placement.ts';
import { chooseShard } from '../../workers/leads/choose-shard.ts';
import { shardDb } from '../../workers/leads/shards.ts';
import { leadsStore } from '../../workers/leads/leads-store.ts';
import { moveWorkspace } from '../../workers/leads/move.ts';
import { campaignDigest } from '../../workers/leads/move-leads.ts';
import { MOVED_SUPPRESSION_SOURCES, MOVED_SUPPRESSIONS } from '../../workers/leads/shard-tables.ts';
import { WorkspaceMovingError } from '../../workers/leads/errors.ts';
import type { Env } from '../../workers/env.ts';
import type { NormalizedLead } from '../../src/lib/types.ts';

type Api = ReturnType<typeof client>;

const normalizedLead = (e164: string): NormalizedLead => ({ e164, country: 'US', extension: null, timeZones: ['America/New_York'], zoneSetId: -1, variables: { customer_name: 'Rolled' }, secondary: [] });

const file = (phones: string[], name = 'X') => csv([['phone_number', 'customer_name'], ...phones.map((p) => [p, name])]);
const importCsv = (api: Api, campaignId: string, text: string, ignoreErrors = true) =>
  api.post(`/campaigns/${campaignId}/imports?fileName=leads.csv&ignoreErrors=${ignoreErrors}`, text, { 'Content-Type': 'text/csv' });

function admin(method: string, path: string, body?: unknown) {
  return SELF.fetch(`http://example.com/api/v1/admin${path}`, {
    method,
    headers: { Authorization: 'Bearer adm_test_secret_0123456789abcdef0123456789', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Calls the move route until the move is done (as scripts/move-workspace.ts does). */
async function moveUntilDone(workspaceId: string, toShard: number, opts: Record<string, number> = {}) {
  const answers: any[] = [];
  for (let i = 0; i < 200; i++) {
    const res = await admin('POST', `/workspaces/${workspaceId}/move`, { toShard, budgetSeconds: 10, ...opts });
    const body = await res.json<any>();
    if (res.status >= 300) throw new Error(`move answered ${res.status}: ${JSON.stringify(body)}`);
    answers.push(body);
    if (res.status === 200) return answers;
    if (body.phase === 'draining') await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('move did not finish');
}

/** The campaign's lead count as GET /campaigns and GET /campaigns/{id} show it, and the real number of rows. */
async function counts(api: Api, workspaceId: string, campaignId: string) {
  const listed = (await api.json(api.get('/campaigns'))).items.find((c: any) => c.id === campaignId).leadCount;
  const one = (await api.json(api.get(`/campaigns/${campaignId}`))).leadCount;
  const real = (await (await leadsDbOf(workspaceId)).prepare('SELECT count(*) AS n FROM leads WHERE campaign_id = ?1').bind(campaignId).first<{ n: number }>())!.n;
  return { listed, one, real };
}

async function expectMoving(res: Promise<Response>) {
  const r = await res;
  expect(r.status).toBe(503);
  expect((await r.json<any>()).error.code).toBe('WORKSPACE_MOVING');
}

async function rowsOfWorkspaceOn(shard: number, workspaceId: string) {
  return (await shardDb(env, shard).prepare('SELECT count(*) AS n FROM leads WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number }>())!.n;
}

/**
 * The env with shard `n` dying after its `after`-th write batch: the batch lands on the new shard,
 * then the move's call fails before it saves its cursor (a consumer that crashed mid-copy).
 */
function crashingShard(n: number, after: number): Env {
  const real = shardDb(env, n);
  let batches = 0;
  const dying = new Proxy(real, {
    get(target, prop) {
      if (prop !== 'batch') return Reflect.get(target, prop).bind(target);
      return async (statements: D1PreparedStatement[]) => {
        const result = await target.batch(statements);
        if (++batches >= after) throw new Error('simulated crash after a copy batch, before its cursor was saved');
        return result;
      };
    },
  });
  return { ...(env as Env), [`LEADS_${n}`]: dying };
}

describe('leads shards', () => {
  it('places a workspace on the least-loaded shard; two workspaces on different shards import, list and export only their own leads', async () => {
    const a = await seededCampaign();
    const expected = chooseShard(await shardLoads(env));
    const b = await seededCampaign();
    expect(await shardOf(env, b.workspaceId)).toBe(expected);
    const shardA = await shardOf(env, a.workspaceId);
    if ((await shardOf(env, b.workspaceId)) === shardA) await moveUntilDone(b.workspaceId, 1 - shardA);
    const shardB = await shardOf(env, b.workspaceId);
    expect(shardB).not.toBe(shardA);

    // The same numbers in both workspaces: each imports all of them (no DUPLICATE_EXISTING across workspaces).
    const phones = usNumbers(60, 3_000);
    const [ra, rb] = await Promise.all([importCsv(a.api, a.campaign.id, file(phones, 'Ann')), importCsv(b.api, b.campaign.id, file(phones, 'Bob'))]);
    const [va, vb] = [await ra.json<any>(), await rb.json<any>()];
    expect(va).toMatchObject({ status: 'completed', importedRows: 60 });
    expect(vb).toMatchObject({ status: 'completed', importedRows: 60 });

    expect(await rowsOfWorkspaceOn(shardA, a.workspaceId)).toBe(60);
    expect(await rowsOfWorkspaceOn(shardB, a.workspaceId)).toBe(0);
    expect(await rowsOfWorkspaceOn(shardB, b.workspaceId)).toBe(60);
    expect(await rowsOfWorkspaceOn(shardA, b.workspaceId)).toBe(0);

    const listedA = await campaignLeads(a.api, a.campaign.id);
    expect(listedA.map((l) => l.variables.customer_name)).toEqual(Array(60).fill('Ann'));
    expect((await campaignLeads(b.api, b.campaign.id)).map((l) => l.variables.customer_name)).toEqual(Array(60).fill('Bob'));
    // Neither reaches the other's campaign, import or export.
    expect((await a.api.get(`/campaigns/${b.campaign.id}/leads`)).status).toBe(404);
    expect((await a.api.get(`/imports/${vb.id}/leads.csv`)).status).toBe(404);

    const exportA = readReport(await (await a.api.get(`/imports/${va.id}/leads.csv`)).text());
    expect(exportA.rows.map((r) => r.customer_name)).toEqual(Array(60).fill('Ann'));
    expect(exportA.rows.map((r) => r.phone_number)).toEqual(phones);
    const exportB = readReport(await (await b.api.get(`/imports/${vb.id}/leads.csv`)).text());
    expect(exportB.rows.map((r) => r.customer_name)).toEqual(Array(60).fill('Bob'));

    expect(await counts(a.api, a.workspaceId, a.campaign.id)).toEqual({ listed: 60, one: 60, real: 60 });
    expect(await counts(b.api, b.workspaceId, b.campaign.id)).toEqual({ listed: 60, one: 60, real: 60 });
  });

  it('keeps counters equal to the real counts after concurrent imports, a cancel, a refused import and a rollback', async () => {
    const { api, campaign, workspaceId, token } = await seededCampaign();
    const other = await api.json(api.post('/campaigns', { name: 'Other', assistantId: campaign.assistantId, defaultCountry: 'US' }));
    const overlapping = [usNumbers(4_000, 0), usNumbers(4_000, 2_000), usNumbers(3_000, 5_000)];
    const invalid = [...usNumbers(2_000, 20_000), 'not a phone'];
    // The import that is cancelled runs on a queue the test holds: 2 of its 6 chunks, then the cancel.
    const q = heldQueue();
    const [r1, r2, r3, rBad, rBig, rOther] = await Promise.all([
      ...overlapping.map((p) => importCsv(api, campaign.id, file(p))),
      importCsv(api, campaign.id, file(invalid), false), // all or nothing with an invalid row: writes nothing
      q.fetch(token, 'POST', `/campaigns/${campaign.id}/imports?fileName=leads.csv&ignoreErrors=true`, file(usNumbers(30_000, 40_000))),
      importCsv(api, other.id, file(usNumbers(1_500, 0))),
    ]);
    const big = await rBig!.json<any>();
    expect(q.held.map((m) => m.chunk)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const m of q.held.splice(0, 2)) await q.deliver(m);
    const cancelled = await api.del(`/imports/${big.id}`);
    expect(cancelled.status).toBe(200);
    while (q.held.length) await q.deliver(q.held.shift());
    // A rollback (what a failed all-or-nothing import runs) removes leads through the same store.
    const store = leadsStore(env, workspaceId, campaign.id);
    const rolled = usNumbers(500, 90_000);
    const [written] = await Promise.all([
      store.insert('imp_rollback', rolled.map((p, i) => ({ row: i + 1, lead: normalizedLead(p) })), new Date().toISOString()),
    ]);
    expect(written.size).toBe(500);
    expect(await store.remove('imp_rollback', rolled.slice(0, 300))).toBe(300);
    for (const r of [r1, r2, r3, rBad, rOther]) {
      const body = await r!.json<any>();
      await waitForEnd(api, body.id ?? body.error?.details?.importId, 150_000);
    }
    const bigView = await waitForEnd(api, big.id, 150_000);
    expect(bigView).toMatchObject({ status: 'cancelled', importedRows: 10_000 });

    const c = await counts(api, workspaceId, campaign.id);
    expect(c.listed).toBe(c.real);
    expect(c.one).toBe(c.real);
    // 8,000 distinct numbers from the overlapping files, the cancelled import's rows, 200 left after the rollback.
    expect(c.real).toBe(8_000 + bigView.importedRows + 200);
    expect(await counts(api, workspaceId, other.id)).toEqual({ listed: 1_500, one: 1_500, real: 1_500 });
  });

  it('moves a workspace under a running import: new imports are refused retryably, nothing is lost or doubled', async () => {
    const { api, campaign, token, workspaceId } = await seededCampaign();
    const before = await shardOf(env, workspaceId);
    const to = 1 - before;
    expect((await (await importCsv(api, campaign.id, file(usNumbers(800, 0)))).json<any>()).status).toBe('completed');
    // Queued in 40 chunks of 50 rows (SMALL_LIMITS), so it is still running when the move starts.
    const running = await (await importCsv(client(token, SMALL_LIMITS), campaign.id, file(usNumbers(2_000, 500)))).json<any>(); // 300 overlap
    expect(running.status).not.toBe('completed');

    const first = await admin('POST', `/workspaces/${workspaceId}/move`, { toShard: to, budgetSeconds: 1, drainSeconds: 120 });
    expect(first.status).toBe(202);
    // While the move runs, an import is refused with a retryable answer.
    const refused = await importCsv(api, campaign.id, file(usNumbers(700, 30_000)));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await refused.json<any>()).error.code).toBe('WORKSPACE_MOVING');
    // Reads keep working from the old shard.
    expect((await api.get(`/campaigns/${campaign.id}/leads?limit=5`)).status).toBe(200);

    const answers = await moveUntilDone(workspaceId, to, { drainSeconds: 120 });
    expect(answers.at(-1).phase).toBe('done');
    const verified = answers.flatMap((a) => a.verified ?? []).filter((v) => v.table === 'leads');
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({ key: campaign.id, count: 2_500 });

    const view = await waitForEnd(api, running.id, 60_000);
    expect(view).toMatchObject({ status: 'completed', importedRows: 1_700 });
    expect(await shardOf(env, workspaceId)).toBe(to);
    expect(await rowsOfWorkspaceOn(before, workspaceId)).toBe(0);

    // The refused import succeeds on retry, on the new shard.
    const retried = await (await importCsv(api, campaign.id, file(usNumbers(700, 30_000)))).json<any>();
    expect(retried).toMatchObject({ status: 'completed', importedRows: 700 });
    const leads = await campaignLeads(api, campaign.id);
    expect(leads).toHaveLength(3_200);
    expect(new Set(leads.map((l) => l.phoneNumber)).size).toBe(3_200);
    expect(await counts(api, workspaceId, campaign.id)).toEqual({ listed: 3_200, one: 3_200, real: 3_200 });
    expect(await rowsOfWorkspaceOn(before, workspaceId)).toBe(0);
  });

  it('finishes a move re-run after crashes mid-copy, with the same leads, counts and checksum', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const second = await api.json(api.post('/campaigns', { name: 'Second', assistantId: campaign.assistantId, defaultCountry: 'US' }));
    for (const [id, n, at] of [[campaign.id, 2_600, 0], [second.id, 1_300, 50_000]] as const) {
      expect((await (await importCsv(api, id, file(usNumbers(n, at)))).json<any>()).status).not.toBe('failed');
    }
    const imports = (await api.json(api.get('/imports'))).items;
    for (const i of imports) await waitForEnd(api, i.id);
    const from = await shardOf(env, workspaceId);
    const to = 1 - from;
    const digests = await Promise.all([campaign.id, second.id].map((c) => campaignDigest(shardDb(env, from), workspaceId, c)));

    // Crash after the 3rd copied batch (written to the new shard, cursor not saved), then again later.
    await expect(moveWorkspace(crashingShard(to, 3), workspaceId, to, { batchRows: 500, drainMs: 0 })).rejects.toThrow(/simulated crash/);
    await expect(moveWorkspace(crashingShard(to, 4), workspaceId, to, { batchRows: 500 })).rejects.toThrow(/simulated crash/);
    expect(await rowsOfWorkspaceOn(to, workspaceId)).toBeGreaterThan(0);
    // Mid-copy the old shard is fenced: a write there is refused, in its own transaction, and retryable.
    const fenced = leadsStore(env, workspaceId, campaign.id).insert('imp_late', [{ row: 1, lead: normalizedLead('+14155550100') }], new Date().toISOString());
    await expect(fenced).rejects.toBeInstanceOf(WorkspaceMovingError);
    expect((await importCsv(api, campaign.id, file(usNumbers(10, 80_000)))).status).toBe(503);

    await moveUntilDone(workspaceId, to, { batchRows: 500 });
    expect(await shardOf(env, workspaceId)).toBe(to);
    expect(await rowsOfWorkspaceOn(from, workspaceId)).toBe(0);
    const after = await Promise.all([campaign.id, second.id].map((c) => campaignDigest(shardDb(env, to), workspaceId, c)));
    expect(after).toEqual(digests);
    expect(after.map((d) => d.count)).toEqual([2_600, 1_300]);
    expect(await counts(api, workspaceId, campaign.id)).toEqual({ listed: 2_600, one: 2_600, real: 2_600 });
    expect(await counts(api, workspaceId, second.id)).toEqual({ listed: 1_300, one: 1_300, real: 1_300 });
    // The new shard serves writes and knows the moved numbers (they count as already in the campaign).
    const again = await (await importCsv(api, campaign.id, file(usNumbers(20, 2_590)))).json<any>();
    expect(again).toMatchObject({ status: 'completed', importedRows: 10, errorCounts: { DUPLICATE_EXISTING: 10 } });
    expect(await counts(api, workspaceId, campaign.id)).toEqual({ listed: 2_610, one: 2_610, real: 2_610 });
  });

  it('carries the suppression list along, verified, resuming after a crash; writes to it are fenced mid-move', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    await importCsv(api, campaign.id, file(usNumbers(30, 90_000)));
    const listed = usNumbers(2_300, 100_000);
    for (let i = 0; i < listed.length; i += 1_000) {
      expect((await api.json(api.post('/suppressions', { phoneNumbers: listed.slice(i, i + 1_000), reason: 'asked', ...(i === 0 ? { expiresAt: '2099-01-01T00:00:00Z' } : {}) }))).added).toBe(Math.min(1_000, listed.length - i));
    }
    // A lead whose number is listed: flagged before and after the move.
    expect((await api.json(api.post('/suppressions', { phoneNumbers: [usNumbers(1, 90_000)[0]] }))).added).toBe(1);
    const from = await shardOf(env, workspaceId);
    const to = 1 - from;
    const before = await MOVED_SUPPRESSIONS.digest(shardDb(env, from), workspaceId);
    expect(before.count).toBe(2_301);
    // Its sources (the generation in force and its count) travel as a table of their own.
    const sourcesBefore = await MOVED_SUPPRESSION_SOURCES.digest(shardDb(env, from), workspaceId);
    expect(sourcesBefore.count).toBe(1);
    const listedSources = (await api.json(api.get('/suppressions/sources'))).items;
    expect(listedSources).toMatchObject([{ source: 'internal', count: 2_301 }]);

    // Crash after the leads' copy batch, then copy part of the list within a tiny budget.
    await expect(moveWorkspace(crashingShard(to, 1), workspaceId, to, { batchRows: 500, drainMs: 0 })).rejects.toThrow(/simulated crash/);
    // Mid-move the list is fenced: adding or removing a number is refused, retryably, and changes nothing.
    await expectMoving(api.post('/suppressions', { phoneNumbers: ['+14155550999'] }));
    await expectMoving(api.del(`/suppressions/${encodeURIComponent(listed[5]!)}`));

    await moveUntilDone(workspaceId, to, { batchRows: 500 });
    expect(await shardOf(env, workspaceId)).toBe(to);
    expect(await MOVED_SUPPRESSIONS.digest(shardDb(env, to), workspaceId)).toEqual(before);
    expect((await MOVED_SUPPRESSIONS.digest(shardDb(env, from), workspaceId)).count).toBe(0);
    expect(await MOVED_SUPPRESSION_SOURCES.digest(shardDb(env, to), workspaceId)).toEqual(sourcesBefore);
    expect((await MOVED_SUPPRESSION_SOURCES.digest(shardDb(env, from), workspaceId)).count).toBe(0);
    expect((await api.json(api.get('/suppressions/sources'))).items).toEqual(listedSources);
    expect((await api.json(api.get(`/suppressions?phoneNumber=${encodeURIComponent(listed[5]!)}`))).items).toHaveLength(1);
    expect((await campaignLeads(api, campaign.id)).filter((l) => l.suppressed).map((l) => l.phoneNumber)).toEqual([usNumbers(1, 90_000)[0]]);
    // Imports on the new shard still meet the list.
    const view = await (await importCsv(api, campaign.id, file(listed.slice(0, 3)))).json<any>();
    expect(view).toMatchObject({ importedRows: 0, errorCounts: { SUPPRESSED: 3 } });
    expect((await api.json(api.post('/suppressions', { phoneNumbers: ['+14155550999'] }))).added).toBe(1);
  });

  it('refuses the admin routes without the admin token', async () => {
    const { workspaceId, token } = await createWorkspace();
    const res = await SELF.fetch(`http://example.com/api/v1/admin/workspaces/${workspaceId}/move`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ toShard: 0 }),
    });
    expect(res.status).toBe(401);
    expect((await res.json<any>()).error.code).toBe('UNAUTHORIZED');
  });
});
