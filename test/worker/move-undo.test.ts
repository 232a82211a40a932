/**
 * Undo across a workspace move: the change records and undo runs go to the new shard with the
 * leads (their lead ids mapped to the copies'), so an import made before the move is undone exactly
 * after it; the old shard keeps none. Undos are refused while the leads move, and a running undo
 * holds the move in draining until it ends. In workerd with the real local D1 shards.
 */
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { usNumbers } from './csv.ts';
import { importRows, leadCount, leadsByPhone, undo } from './policy-helpers.ts';
import { shardOf } from '../../workers/leads/placement.ts';
import { shardDb } from '../../workers/leads/shards.ts';
import { moveWorkspace } from '../../workers/leads/move.ts';
import { toApiError } from '../../workers/api/handle-error.ts';

function admin(path: string, body: unknown) {
  return SELF.fetch(`http://example.com/api/v1/admin${path}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer adm_test_secret_0123456789abcdef0123456789', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function moveUntilDone(workspaceId: string, toShard: number, opts: Record<string, number> = {}) {
  for (let i = 0; i < 200; i++) {
    const res = await admin(`/workspaces/${workspaceId}/move`, { toShard, budgetSeconds: 10, ...opts });
    const body = await res.json<any>();
    if (res.status >= 300) throw new Error(`move answered ${res.status}: ${JSON.stringify(body)}`);
    if (res.status === 200) return body;
    if (body.phase === 'draining') await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('move did not finish');
}

const rows = (phones: string[], name: string, company = '') => phones.map((p, i) => [p, `${name}${i}`, company, '', '', '']);

async function changeRecords(shard: number, importIds: string[]) {
  const d1 = shardDb(env, shard);
  const out: Record<string, number> = {};
  for (const id of importIds) out[id] = (await d1.prepare('SELECT count(*) AS n FROM lead_changes WHERE import_id = ?1').bind(id).first<{ n: number }>())!.n;
  return out;
}

describe('undo across a workspace move', () => {
  it('an import made before the move is undone exactly after it; the old shard keeps no change records', async () => {
    const { api, workspaceId, campaign } = await seededCampaign();
    const phones = usNumbers(30, 960_000);
    const created = await importRows(api, campaign.id, rows(phones.slice(0, 20), 'Old', 'A'));
    const before = await leadsByPhone(api, campaign.id);
    // Updates leads 10–19 (versions move on) and creates 10 more.
    const update = await importRows(api, campaign.id, rows(phones.slice(10), 'New', 'B'), { onExisting: 'update' });
    expect(update).toMatchObject({ createdRows: 10, updatedRows: 10 });
    // A third import updates lead 15 again: undoing `update` must leave it (changed later) after the move too.
    const later = await importRows(api, campaign.id, [[phones[15]!, 'Later', 'C', '', '', '']], { onExisting: 'update' });
    expect(later.updatedRows).toBe(1);

    const from = await shardOf(env, workspaceId);
    const to = from === 0 ? 1 : 0;
    const ids = [created.id, update.id, later.id];
    expect(await changeRecords(from, ids)).toEqual({ [created.id]: 0, [update.id]: 10, [later.id]: 1 });
    await moveUntilDone(workspaceId, to, { batchRows: 4 });
    expect(await shardOf(env, workspaceId)).toBe(to);
    expect(await changeRecords(to, ids)).toEqual({ [created.id]: 0, [update.id]: 10, [later.id]: 1 });
    expect(await changeRecords(from, ids)).toEqual({ [created.id]: 0, [update.id]: 0, [later.id]: 0 });

    const undone = await undo(api, update.id);
    expect(undone).toMatchObject({ status: 'undone', undoneRows: 19, undoSkippedRows: 1 });
    const after = await leadsByPhone(api, campaign.id);
    expect([...after.keys()].sort()).toEqual(phones.slice(0, 20).sort());
    for (const p of phones.slice(0, 20)) {
      if (p === phones[15]) expect(after.get(p)!.variables.customer_name).toBe('Later');
      else expect(after.get(p)!.variables).toEqual(before.get(p)!.variables);
    }
    const report = await (await api.get(`/imports/${update.id}/undo-report.csv`)).text();
    expect(report).toContain(phones[15]!.slice(1));
    expect(await leadCount(api, campaign.id)).toBe(20);

    // The first import too, on the new shard: its 20 leads go (lead 15, changed by `later`, stays).
    expect(await undo(api, created.id)).toMatchObject({ status: 'undone', undoneRows: 19, undoSkippedRows: 1 });
    expect([...(await leadsByPhone(api, campaign.id)).keys()]).toEqual([phones[15]]);
  });

  it('refuses an undo while the leads move, and a running undo holds the move in draining', async () => {
    const { api, workspaceId, campaign } = await seededCampaign();
    const imp = await importRows(api, campaign.id, rows(usNumbers(3, 961_000), 'M'));
    const to = (await shardOf(env, workspaceId)) === 0 ? 1 : 0;

    await env.DB.prepare("UPDATE imports SET status = 'undoing' WHERE id = ?1").bind(imp.id).run();
    const held = await moveWorkspace(env, workspaceId, to, { drainMs: 60_000, budgetMs: 2_000 });
    expect(held).toMatchObject({ phase: 'draining', runningImports: 1 });
    // An undo that outlasts the drain time calls the move off instead of keeping imports out.
    const err = await moveWorkspace(env, workspaceId, to, { drainMs: 0, budgetMs: 2_000 }).catch((e) => e);
    expect([toApiError(err)?.status, err.code]).toEqual([409, 'UNDO_RUNNING']);
    expect(err.message).toContain(imp.id);
    expect(await env.DB.prepare('SELECT 1 FROM workspace_moves WHERE workspace_id = ?1').bind(workspaceId).first()).toBeNull();
    await env.DB.prepare("UPDATE imports SET status = 'completed' WHERE id = ?1").bind(imp.id).run();
    expect((await moveWorkspace(env, workspaceId, to, { drainMs: 60_000, budgetMs: 0 })).phase).toBe('draining');

    const refused = await api.post(`/imports/${imp.id}/undo`);
    expect(refused.status).toBe(503);
    expect((await refused.json<any>()).error.code).toBe('WORKSPACE_MOVING');
    await moveUntilDone(workspaceId, to);
    expect(await undo(api, imp.id)).toMatchObject({ status: 'undone', undoneRows: 3 });
    expect(await leadCount(api, campaign.id)).toBe(0);
  });

  it('a record whose lead is gone is never pointed at a later lead with the same number, through two moves', async () => {
    const { api, workspaceId, campaign } = await seededCampaign();
    const [p] = usNumbers(1, 962_000);
    const created = await importRows(api, campaign.id, rows([p!], 'C'));
    const updated = await importRows(api, campaign.id, rows([p!], 'U'), { onExisting: 'update' });
    await undo(api, updated.id);
    await undo(api, created.id);
    // A later import creates a lead with the same number: a different lead.
    await importRows(api, campaign.id, rows([p!], 'D'));
    const home = await shardOf(env, workspaceId);
    const away = home === 0 ? 1 : 0;
    const recordOf = async (shard: number) =>
      (await shardDb(env, shard).prepare('SELECT lead_id FROM lead_changes WHERE import_id = ?1').bind(updated.id).all<{ lead_id: number }>()).results.map((r) => r.lead_id);
    const [old] = await recordOf(home);
    expect(old).toBeGreaterThan(0);
    await moveUntilDone(workspaceId, away);
    expect(await recordOf(away)).toEqual([-old!]);
    await moveUntilDone(workspaceId, home);
    expect(await recordOf(home)).toEqual([-old!]);
    const leads = await leadsByPhone(api, campaign.id);
    expect(leads.get(p!)!.variables.customer_name).toBe('D0');
    // Asking again for the undone import changes nothing.
    expect((await api.post(`/imports/${updated.id}/undo`)).status).toBe(200);
    expect((await leadsByPhone(api, campaign.id)).get(p!)!.variables.customer_name).toBe('D0');
  });

  it('a background list import holds the move in draining, and list files are refused while the list moves', async () => {
    const { api, workspaceId } = await seededCampaign();
    const to = (await shardOf(env, workspaceId)) === 0 ? 1 : 0;
    const started = await api.json(api.post('/suppressions/import', 'phone\r\n+14152000001\r\n', { 'Content-Type': 'text/csv', Prefer: 'respond-async' }));
    for (let i = 0; i < 100 && (await api.json(api.get(`/suppressions/imports/${started.id}`))).status === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
    await env.DB.prepare("UPDATE suppression_imports SET status = 'running' WHERE id = ?1").bind(started.id).run();
    const held = await moveWorkspace(env, workspaceId, to, { drainMs: 60_000, budgetMs: 1_000 });
    expect(held).toMatchObject({ phase: 'draining', runningImports: 1 });
    for (const headers of [{ 'Content-Type': 'text/csv' }, { 'Content-Type': 'text/csv', Prefer: 'respond-async' }] as Record<string, string>[]) {
      const refused = await api.post('/suppressions/import', 'phone\r\n+14152000002\r\n', headers);
      expect(refused.status).toBe(503);
      expect((await refused.json<any>()).error.code).toBe('WORKSPACE_MOVING');
    }
    await env.DB.prepare("UPDATE suppression_imports SET status = 'completed' WHERE id = ?1").bind(started.id).run();
    await moveUntilDone(workspaceId, to);
    const items = (await api.json(api.get('/suppressions'))).items.map((i: any) => i.phoneNumber);
    expect(items).toEqual(['+14152000001']);
  });
});
