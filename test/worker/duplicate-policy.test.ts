/**
 * onExisting = skip | update | fill, through the headless API: what existing leads become, and the
 * counts (created + updated = imported; imported + failed = total).
 */
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { usNumbers } from './csv.ts';
import { importRows, leadCount, leadsByPhone } from './policy-helpers.ts';
import { leadsDbOfImport } from './leads-db.ts';

const [X, Y, Z, S1, S2] = usNumbers(5, 910_000);

function expectCounts(view: any, c: { created: number; updated: number; unchanged?: number; failed: number; total: number }) {
  const unchanged = c.unchanged ?? 0;
  expect(view).toMatchObject({ status: 'completed', createdRows: c.created, updatedRows: c.updated, unchangedRows: unchanged, importedRows: c.created + c.updated + unchanged, failedRows: c.failed, totalRows: c.total });
  expect(view.importedRows + view.failedRows).toBe(view.totalRows);
}

/** X: every variable and a secondary contact; Y: company empty, budget from the default. */
async function seeded() {
  const s = await seededCampaign();
  const first = await importRows(s.api, s.campaign.id, [
    [X!, 'Ann', 'Acme', '10k', S1!, 'Sam'],
    [Y!, 'Bob', '', '', '', ''],
  ]);
  expectCounts(first, { created: 2, updated: 0, failed: 0, total: 2 });
  return s;
}

describe('duplicate policy', () => {
  it('skip (the default) reports existing numbers as DUPLICATE_EXISTING and changes nothing', async () => {
    const { api, campaign } = await seeded();
    const before = await leadsByPhone(api, campaign.id);
    const view = await importRows(api, campaign.id, [
      [X!, 'Changed', 'Other', '1', '', ''],
      [Z!, 'Zoe', '', '', '', ''],
    ]);
    expect(view.onExisting).toBe('skip');
    expectCounts(view, { created: 1, updated: 0, failed: 1, total: 2 });
    expect(view.errorCounts).toEqual({ DUPLICATE_EXISTING: 1 });
    expect((await leadsByPhone(api, campaign.id)).get(X!)).toEqual(before.get(X!));
    expect(await leadCount(api, campaign.id)).toBe(3);
  });

  it('update takes non-empty cells, keeps values under empty cells (defaults included), replaces secondaries only when the row has one', async () => {
    const { api, campaign } = await seeded();
    const view = await importRows(
      api,
      campaign.id,
      [
        [X!, 'Ann B', '', '', '', ''], // empty company and budget: kept (the budget default is not applied over 10k)
        [Y!, 'Bob', 'Beta', '', S2!, 'Sue'], // a secondary phone: the list is replaced
        [Z!, 'Zoe', '', '', '', ''],
        [X!, 'Again', 'Dup', '', '', ''], // a repeat in the file
      ],
      { onExisting: 'update' },
    );
    expect(view.onExisting).toBe('update');
    expectCounts(view, { created: 1, updated: 2, failed: 1, total: 4 });
    expect(view.errorCounts).toEqual({ DUPLICATE_IN_FILE: 1 });
    const leads = await leadsByPhone(api, campaign.id);
    expect(leads.get(X!).variables).toEqual({ customer_name: 'Ann B', company: 'Acme', budget_range: '10k' });
    expect(leads.get(X!).secondaryContacts.map((c: any) => [c.phoneNumber, c.variables.name])).toEqual([[S1, 'Sam']]);
    expect(leads.get(Y!).variables).toEqual({ customer_name: 'Bob', company: 'Beta', budget_range: 'unknown' });
    expect(leads.get(Y!).secondaryContacts.map((c: any) => [c.phoneNumber, c.variables.name])).toEqual([[S2, 'Sue']]);
    expect(leads.get(Z!).variables).toEqual({ customer_name: 'Zoe', company: null, budget_range: 'unknown' });
    // Updates do not change the count; the one new lead does.
    expect(await leadCount(api, campaign.id)).toBe(3);
  });

  it('update replaces an existing secondary list with the row\'s', async () => {
    const { api, campaign } = await seeded();
    const view = await importRows(api, campaign.id, [[X!, 'Ann', '', '', S2!, 'Sue']], { onExisting: 'update' });
    expectCounts(view, { created: 0, updated: 1, failed: 0, total: 1 });
    const x = (await leadsByPhone(api, campaign.id)).get(X!);
    expect(x.secondaryContacts.map((c: any) => c.phoneNumber)).toEqual([S2]);
  });

  it('fill sets only empty variables, and secondaries only on a lead with none', async () => {
    const { api, campaign } = await seeded();
    const view = await importRows(
      api,
      campaign.id,
      [
        [X!, 'Other', 'Gamma', '5', S2!, 'Sue'], // X has every value and a secondary: nothing changes
        [Y!, 'Other', 'Gamma', '5', S2!, 'Sue'], // Y: company was empty; budget had the default; no secondary
      ],
      { onExisting: 'fill' },
    );
    // X matched a lead but changed none of its values: unchanged, not updated.
    expectCounts(view, { created: 0, updated: 1, unchanged: 1, failed: 0, total: 2 });
    const leads = await leadsByPhone(api, campaign.id);
    expect(leads.get(X!).variables).toEqual({ customer_name: 'Ann', company: 'Acme', budget_range: '10k' });
    expect(leads.get(X!).secondaryContacts.map((c: any) => c.phoneNumber)).toEqual([S1]);
    expect(leads.get(Y!).variables).toEqual({ customer_name: 'Bob', company: 'Gamma', budget_range: 'unknown' });
    expect(leads.get(Y!).secondaryContacts.map((c: any) => c.phoneNumber)).toEqual([S2]);
  });

  it('a row that changes nothing is unchanged: no change record, and its undo restores only what changed', async () => {
    const { api, campaign } = await seeded();
    const before = await leadsByPhone(api, campaign.id);
    // X again with exactly its values (update: every cell provided equals the lead's), Y with a new company.
    const view = await importRows(api, campaign.id, [[X!, 'Ann', 'Acme', '10k', S1!, 'Sam'], [Y!, 'Bob', 'Gamma', '', '', '']], { onExisting: 'update' });
    expectCounts(view, { created: 0, updated: 1, unchanged: 1, failed: 0, total: 2 });
    const d1 = await leadsDbOfImport(view.id);
    const records = await d1.prepare('SELECT l.phone FROM lead_changes AS c JOIN leads AS l ON l.id = c.lead_id WHERE c.import_id = ?1').bind(view.id).all<{ phone: string }>();
    expect(records.results.map((r) => r.phone)).toEqual([Y]);
    const x = await d1.prepare('SELECT version FROM leads WHERE phone = ?1').bind(X).first<{ version: number }>();
    expect(x!.version).toBe(1);
    // The undo restores Y and has nothing to do for X.
    expect((await api.post(`/imports/${view.id}/undo`)).status).toBe(202);
    const undone = await api.json(api.get(`/imports/${view.id}`));
    expect(undone).toMatchObject({ status: 'undone', undoneRows: 1, undoRestoredRows: 1, undoDeletedRows: 0, undoSkippedRows: 0, unchangedRows: 1 });
    expect(await leadsByPhone(api, campaign.id)).toEqual(before);
  });

  it('refuses an unknown policy, and the browser path takes the field', async () => {
    const { api, campaign } = await seeded();
    const bad = await api.post(`/campaigns/${campaign.id}/imports?onExisting=merge`, 'phone_number\n+14155550100\n', { 'Content-Type': 'text/csv' });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.code).toBe('VALIDATION_FAILED');
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: ['phone_number', 'customer_name'], onExisting: 'fill' }));
    expect(created.onExisting).toBe('fill');
    const wrong = await api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: ['phone_number'], onExisting: 'merge' });
    expect(wrong.status).toBe(400);
  });

  it('a large update import (queued, several chunks) counts every row once', async () => {
    const { api, campaign } = await seededCampaign();
    const phones = usNumbers(6_000, 920_000);
    await importRows(api, campaign.id, phones.slice(0, 4_000).map((p, i) => [p, `N${i}`, '', '', '', '']));
    const view = await importRows(api, campaign.id, phones.map((p, i) => [p, `U${i}`, 'Co', '', '', '']), { onExisting: 'update' });
    expectCounts(view, { created: 2_000, updated: 4_000, failed: 0, total: 6_000 });
    const leads = await leadsByPhone(api, campaign.id);
    expect(leads.size).toBe(6_000);
    expect(leads.get(phones[10]!).variables).toEqual({ customer_name: 'U10', company: 'Co', budget_range: 'unknown' });
    expect(await leadCount(api, campaign.id)).toBe(6_000);
  });

  it('POST /campaigns/{id}/leads/existing answers which numbers the campaign has', async () => {
    const { api, campaign } = await seeded();
    const res = await api.json(api.post(`/campaigns/${campaign.id}/leads/existing`, { phoneNumbers: [X, Z, Y, X] }));
    expect([...res.existing].sort()).toEqual([X, Y].sort());
    const tooMany = await api.post(`/campaigns/${campaign.id}/leads/existing`, { phoneNumbers: usNumbers(10_001) });
    expect(tooMany.status).toBe(400);
    const notE164 = await api.post(`/campaigns/${campaign.id}/leads/existing`, { phoneNumbers: ['415-555-0100'] });
    expect(notE164.status).toBe(400);
    expect((await api.post('/campaigns/cmp_nope/leads/existing', { phoneNumbers: [X] })).status).toBe(404);
  });
});
