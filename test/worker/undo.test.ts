/**
 * Undo of an import through the API (and its queue messages through the Worker's consumer): created
 * leads deleted, updated leads restored exactly, leads changed later left and reported; exact under
 * redelivery, a consumer that dies between steps, concurrent imports and an all-or-nothing rollback.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, readReport, usNumbers } from './csv.ts';
import { importRows, leadCount, leadsByPhone, undo } from './policy-helpers.ts';
import { requestUndo } from '../../workers/undo/request-undo.ts';
import { deleteExpiredChanges } from '../../workers/retention/retention.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { validatePass } from '../../workers/revalidate/validate-pass.ts';
import { leadsDbOf } from './leads-db.ts';
import { upsertLeads } from '../../workers/leads/update.ts';

const DAY_MS = 86_400_000;

async function deliver(queue: string, bodies: unknown[], environment: any = env, attempts = 1): Promise<string[]> {
  const batch = createMessageBatch(queue, bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })));
  const ctx = createExecutionContext();
  await worker.queue!(batch as any, environment, ctx);
  return (await getQueueResult(batch, ctx)).retryMessages.map((m) => m.msgId);
}

async function importRow(id: string) {
  const r = await env.DB.prepare('SELECT * FROM imports WHERE id = ?1').bind(id).first<any>();
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    campaignId: r.campaign_id,
    status: r.status,
    importedRows: r.imported_rows,
    finishedAt: r.finished_at,
    changesDeletedAt: r.changes_deleted_at,
  };
}

const rows = (phones: string[], name: string, company = '') => phones.map((p, i) => [p, `${name}${i}`, company, '', '', '']);

describe('undo', () => {
  it('after a create: the leads are gone and the counter is back; a second undo answers 200', async () => {
    const { api, campaign } = await seededCampaign();
    const keep = await importRows(api, campaign.id, rows(usNumbers(3, 930_000), 'K'));
    const imp = await importRows(api, campaign.id, rows(usNumbers(5, 930_100), 'C'));
    expect(await leadCount(api, campaign.id)).toBe(8);
    const res = await api.post(`/imports/${imp.id}/undo`);
    expect(res.status).toBe(202);
    expect(await res.json<any>()).toMatchObject({ status: 'undone', undoneRows: 5, undoSkippedRows: 0, importedRows: 5 });
    expect([...(await leadsByPhone(api, campaign.id)).keys()].sort()).toEqual(usNumbers(3, 930_000));
    expect(await leadCount(api, campaign.id)).toBe(3);
    const again = await api.post(`/imports/${imp.id}/undo`);
    expect(again.status).toBe(200);
    expect((await again.json<any>()).status).toBe('undone');
    const listed = await api.json(api.get(`/imports?campaignId=${campaign.id}`));
    expect(listed.items.find((i: any) => i.id === imp.id).status).toBe('undone');
    expect(listed.items.find((i: any) => i.id === keep.id).status).toBe('completed');
  });

  it('after an update: every updated lead gets its variables and secondary contacts back exactly; created ones go', async () => {
    const { api, campaign } = await seededCampaign();
    const [a, b, c, s1, s2] = usNumbers(5, 931_000);
    await importRows(api, campaign.id, [
      [a!, 'Ann', 'Acme', '10k', s1!, 'Sam'],
      [b!, 'Bob', '', '', '', ''],
    ]);
    const before = await leadsByPhone(api, campaign.id);
    const upd = await importRows(
      api,
      campaign.id,
      [
        [a!, 'Ann B', 'NewCo', '', s2!, 'Sue'],
        [b!, 'Bobby', 'Beta', '7', '', ''],
        [c!, 'Cy', '', '', '', ''],
      ],
      { onExisting: 'update' },
    );
    expect(upd).toMatchObject({ createdRows: 1, updatedRows: 2 });
    expect((await leadsByPhone(api, campaign.id)).get(a!).variables.company).toBe('NewCo');
    const view = await undo(api, upd.id);
    expect(view).toMatchObject({ undoneRows: 3, undoSkippedRows: 0 });
    const after = await leadsByPhone(api, campaign.id);
    expect([...after.keys()].sort()).toEqual([a, b].sort());
    for (const p of [a!, b!]) expect(after.get(p)).toEqual(before.get(p));
    expect(await leadCount(api, campaign.id)).toBe(2);
    const report = await api.get(`/imports/${upd.id}/undo-report.csv`);
    expect(report.status).toBe(200);
    expect(await report.text()).toBe('phone_number,reason,changed_by_import\r\n');
  });

  it('leaves a lead a later import changed, counts it and lists it in undo-report.csv (formula-safe)', async () => {
    const { api, campaign } = await seededCampaign();
    const [x, y, w] = usNumbers(3, 932_000);
    const a = await importRows(api, campaign.id, [
      [x!, 'Xa', '', '', '', ''],
      [y!, 'Ya', '', '', '', ''],
      [w!, 'Wa', '', '', '', ''],
    ]);
    const b = await importRows(api, campaign.id, [[x!, 'Xb', '', '', '', ''], [w!, 'Wb', '', '', '', '']], { onExisting: 'update' });
    const c = await importRows(api, campaign.id, [[w!, 'Wc', '', '', '', '']], { onExisting: 'update' });
    // B's change of W was overwritten by C: undoing B leaves W, restores X.
    const vb = await undo(api, b.id);
    expect(vb).toMatchObject({ undoneRows: 1, undoSkippedRows: 1 });
    let leads = await leadsByPhone(api, campaign.id);
    expect(leads.get(x!).variables.customer_name).toBe('Xa');
    expect(leads.get(w!).variables.customer_name).toBe('Wc');
    const text = await (await api.get(`/imports/${b.id}/undo-report.csv`)).text();
    expect(text.split('\r\n')[0]).toBe('phone_number,reason,changed_by_import');
    expect(text).toContain(`'${w}`); // neutralised against formula injection, re-imports as the number
    expect(readReport(text).rows).toEqual([{ phone_number: w, reason: 'changed_later', changed_by_import: c.id }]);
    // A created W, which C changed since: undoing A deletes X and Y (back to as A left them) and leaves W.
    const va = await undo(api, a.id);
    expect(va).toMatchObject({ undoneRows: 2, undoSkippedRows: 1 });
    leads = await leadsByPhone(api, campaign.id);
    expect([...leads.keys()]).toEqual([w]);
    expect(readReport(await (await api.get(`/imports/${a.id}/undo-report.csv`)).text()).rows).toEqual([{ phone_number: w, reason: 'changed_later', changed_by_import: c.id }]);
    expect(await leadCount(api, campaign.id)).toBe(1);
  });

  it('is exact under redelivered messages and a consumer that dies between steps', async () => {
    const { api, campaign } = await seededCampaign();
    const phones = usNumbers(2_300, 933_000);
    await importRows(api, campaign.id, rows(phones.slice(0, 1_500), 'Old', 'Orig'));
    const before = await leadsByPhone(api, campaign.id);
    const upd = await importRows(api, campaign.id, rows(phones.slice(300), 'New', 'Upd'), { onExisting: 'update' });
    expect(upd).toMatchObject({ status: 'completed', createdRows: 800, updatedRows: 1_200 });
    // The queue is the test's: it keeps what steps send, so the test delivers each message (twice).
    let sent: any[] = [];
    const queue = { send: async (b: any) => void sent.push(b), sendBatch: async (b: any[]) => void sent.push(...b.map((m) => m.body)) };
    const stepEnv = { ...env, UNDO_STEP_ROWS: '300', IMPORT_QUEUE: queue, EVENT_QUEUE: queue };
    const dyingQueue = { send: async () => { throw new Error('consumer died'); }, sendBatch: async () => { throw new Error('consumer died'); } };
    const dying = { ...stepEnv, IMPORT_QUEUE: dyingQueue, EVENT_QUEUE: dyingQueue };
    expect(await requestUndo(stepEnv as any, await importRow(upd.id))).toBe('started');
    expect((await api.json(api.get(`/imports/${upd.id}`))).status).toBe('undoing');
    let steps = 0;
    // The last step also hands the undo's outbox event (import.undone) to the queue: kept apart.
    const events: any[] = [];
    const undoSteps = () => {
      events.push(...sent.filter((m) => m.kind === 'event'));
      return sent.filter((m) => m.kind !== 'event');
    };
    while (undoSteps().length) {
      const message = undoSteps().at(-1);
      sent = [];
      expect(message).toEqual({ kind: 'undo', workspaceId: expect.any(String), importId: upd.id });
      if (++steps % 3 === 0) {
        // The step runs, then the consumer dies before sending the next: the message is retried.
        expect(await deliver('lead-import-chunks', [message], dying)).toEqual(['m0']);
      }
      // Delivered twice at once (two consumers): the same step runs concurrently.
      expect(await Promise.all([deliver('lead-import-chunks', [message], stepEnv), deliver('lead-import-chunks', [message], stepEnv)])).toEqual([[], []]);
      const mid = await api.json(api.get(`/imports/${upd.id}`));
      if (mid.status === 'undoing') expect(mid.undoneRows).toBeLessThanOrEqual(2_000);
      expect(steps).toBeLessThan(60);
    }
    expect(steps).toBeGreaterThan(4);
    const view = await api.json(api.get(`/imports/${upd.id}`));
    expect(view).toMatchObject({ status: 'undone', undoneRows: 2_000, undoSkippedRows: 0 });
    const after = await leadsByPhone(api, campaign.id);
    expect(after.size).toBe(1_500);
    for (const [p, lead] of before) expect(after.get(p)).toEqual(lead);
    expect(await leadCount(api, campaign.id)).toBe(1_500);
    // The undo is announced once, however often its last step ran (and died before handing it off).
    undoSteps();
    const outbox = await env.DB.prepare("SELECT id, type FROM outbox_events WHERE subject_id = ?1 AND type = 'import.undone'").bind(upd.id).all<any>();
    expect(outbox.results).toHaveLength(1);
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const e of events) expect(e).toEqual({ kind: 'event', workspaceId: expect.any(String), eventId: outbox.results[0].id });
    // A late redelivery after the end changes nothing.
    sent = [];
    expect(await deliver('lead-import-chunks', [{ kind: 'undo', workspaceId: view.workspaceId ?? (await importRow(upd.id)).workspaceId, importId: upd.id }], stepEnv)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('two imports updating the same leads at once lose no update and apply none twice', async () => {
    const { api, campaign } = await seededCampaign();
    const phones = usNumbers(1_500, 934_000);
    await importRows(api, campaign.id, rows(phones, 'O', 'Orig'));
    // A sets the company, B the budget: an update computed from a stale read would lose the other's.
    const post = (column: string, value: string) =>
      api.post(`/campaigns/${campaign.id}/imports?fileName=${value}.csv&ignoreErrors=true&onExisting=update`, csv([['phone_number', 'customer_name', column], ...phones.map((p, i) => [p, `O${i}`, value])]), { 'Content-Type': 'text/csv' });
    const started = await Promise.all([post('company', 'A'), post('budget_range', 'B')]);
    const [va, vb] = await Promise.all(started.map(async (r) => waitForEnd(api, (await r.json<any>()).id, 150_000)));
    for (const v of [va, vb]) expect(v).toMatchObject({ status: 'completed', createdRows: 0, updatedRows: 1_500 });
    for (const lead of (await leadsByPhone(api, campaign.id)).values()) expect(lead.variables).toMatchObject({ company: 'A', budget_range: 'B' });
    // Undo A, then B: where A was applied last, A's undo restores the original company, then B's
    // undo the original budget; where B came last, A's undo is skipped and B's undo restores the
    // budget only. So a lost or doubled update would show in these counts.
    const ua = await undo(api, va.id);
    const ub = await undo(api, vb.id);
    expect(ua.undoneRows + ua.undoSkippedRows).toBe(1_500);
    expect(ub).toMatchObject({ undoneRows: 1_500, undoSkippedRows: 0 });
    const final = [...(await leadsByPhone(api, campaign.id)).values()].map((l) => l.variables);
    expect(final.every((v) => v.budget_range === 'unknown')).toBe(true);
    expect(final.filter((v) => v.company === 'A')).toHaveLength(ua.undoSkippedRows);
    expect(final.filter((v) => v.company === 'Orig')).toHaveLength(ua.undoneRows);
    expect(await leadCount(api, campaign.id)).toBe(1_500);
  });

  it('two writers merging into the same leads at the same moment: each update lands once, on top of the other', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const phones = usNumbers(1_000, 937_000);
    await importRows(api, campaign.id, rows(phones, 'O', 'Orig'));
    // Both read the leads before either applies (one isolate, interleaved at every await): the
    // second to apply finds the versions moved, reads again and merges on top.
    const rowsOf = (variables: Record<string, string>) =>
      phones.map((e164, i) => ({ row: i + 1, lead: { e164, country: 'US', extension: null, timeZones: [], zoneSetId: -1, variables: { customer_name: `O${i}`, ...variables }, secondary: [] }, provided: new Set(['customer_name', ...Object.keys(variables)]) }));
    const now = new Date().toISOString();
    const [a, b] = await Promise.all([
      upsertLeads(env, workspaceId, campaign.id, 'imp_writer_a', rowsOf({ company: 'A' }), 'update', now),
      upsertLeads(env, workspaceId, campaign.id, 'imp_writer_b', rowsOf({ budget_range: 'B' }), 'update', now),
    ]);
    expect([a.created.size, a.updated.size, b.created.size, b.updated.size]).toEqual([0, 1_000, 0, 1_000]);
    for (const lead of (await leadsByPhone(api, campaign.id)).values()) expect(lead.variables).toMatchObject({ company: 'A', budget_range: 'B' });
    // Applying again (a redelivery) changes nothing and still reports every row as updated.
    const again = await upsertLeads(env, workspaceId, campaign.id, 'imp_writer_a', rowsOf({ company: 'A2' }), 'update', now);
    expect(again.updated.size).toBe(1_000);
    for (const lead of (await leadsByPhone(api, campaign.id)).values()) expect(lead.variables.company).toBe('A');
  });

  it('ignoreErrors off: a failure after updates were written rolls them back to their previous values', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const phones = usNumbers(1_500, 935_000);
    await importRows(api, campaign.id, rows(phones.slice(0, 1_000), 'O', 'Orig'));
    const before = await leadsByPhone(api, campaign.id);
    const headers = ['phone_number', 'customer_name', 'company'];
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'r.csv', headers, totalRows: 1_000, ignoreErrors: false, onExisting: 'update' }));
    for (let c = 0; c < 3; c++) {
      const chunk = phones.slice(c * 500, (c + 1) * 500).map((p, i) => ({ row: c * 500 + i + 1, cells: [p, `N${i}`, 'Changed'] }));
      expect((await api.put(`/imports/${created.id}/chunks/${c}`, { v: 1, index: c, rows: chunk })).status).toBe(200);
    }
    await coordinator(env, created.id).seal(3);
    for (let c = 0; c < 3; c++) await validatePass(env, workspaceId, created.id, c);
    const write = (chunk: number) => ({ kind: 'write', workspaceId, importId: created.id, chunk });
    expect(await deliver('lead-import-chunks', [write(0), write(1)])).toEqual([]);
    expect((await leadsByPhone(api, campaign.id)).get(phones[0]!).variables.company).toBe('Changed');
    // Chunk 2 (new numbers) fails in D1 at every attempt, then is dead-lettered: the import rolls back.
    const shard = await leadsDbOf(workspaceId);
    await shard.prepare(`CREATE TRIGGER fail_undo_2 BEFORE INSERT ON leads WHEN NEW.import_id = '${created.id}' BEGIN SELECT RAISE(ABORT, 'injected'); END`).run();
    try {
      for (let attempt = 1; attempt <= 2; attempt++) expect(await deliver('lead-import-chunks', [write(2)], env, attempt)).toEqual(['m0']);
    } finally {
      await shard.prepare('DROP TRIGGER fail_undo_2').run();
    }
    await deliver('lead-import-dlq', [write(2)], env, 6);
    const view = await waitForEnd(api, created.id, 60_000);
    expect(view).toMatchObject({ status: 'failed', importedRows: 0, createdRows: 0, updatedRows: 0, failure: { code: 'PROCESSING_FAILED' } });
    const after = await leadsByPhone(api, campaign.id);
    expect(after.size).toBe(1_000);
    for (const [p, lead] of before) expect(after.get(p)).toEqual(lead);
    expect(await leadCount(api, campaign.id)).toBe(1_000);
  });

  it('409 while the import runs; 410 once the change records\' lifetime is over', async () => {
    const { api, campaign } = await seededCampaign();
    const open = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'o.csv', headers: ['phone_number'] }));
    const running = await api.post(`/imports/${open.id}/undo`);
    expect(running.status).toBe(409);
    expect((await running.json<any>()).error.code).toBe('IMPORT_RUNNING');

    const [x] = usNumbers(1, 936_000);
    await importRows(api, campaign.id, [[x!, 'X', '', '', '', '']]);
    const upd = await importRows(api, campaign.id, [[x!, 'Y', '', '', '', '']], { onExisting: 'update' });
    // Retention 31 days after the end deletes the change records; undo then answers 410.
    expect(await deleteExpiredChanges(env, Date.now() + 31 * DAY_MS)).toBeGreaterThanOrEqual(2);
    const expired = await api.post(`/imports/${upd.id}/undo`);
    expect(expired.status).toBe(410);
    expect(await expired.json<any>()).toMatchObject({ error: { code: 'UNDO_EXPIRED', message: expect.stringContaining('30 days') } });
    expect((await leadsByPhone(api, campaign.id)).get(x!).variables.customer_name).toBe('Y');
    // Within its lifetime an older import can be undone; past it (by its end date) it cannot.
    expect(await requestUndo(env, { ...(await importRow(upd.id)), changesDeletedAt: null }, Date.now() + 29 * DAY_MS)).toBe('started');
  });
});
