/**
 * Same request, same result (DESIGN.md): a headless import applies the automatic mapping, or the
 * mapping saved in the same campaign for the identical header row, and names which in
 * `mappingSource`. What someone once did in the wizard for other headers, or in another campaign,
 * and the wizard's suggestions (a second phone-like column as a secondary contact) never change it.
 */
import { describe, expect, it } from 'vitest';
import { client, seededCampaign } from './helpers.ts';
import { csv } from './csv.ts';
import { campaignLeads } from './leads-api.ts';

type Api = ReturnType<typeof client>;

/** A CRM export: "Mobile" filled, "Phone" mostly junk. */
const FILE = csv([
  ['Mobile', 'Phone', 'customer_name'],
  ['+14152000601', 'n/a', 'Ann'],
  ['+14152000602', 'call after 5', 'Bo'],
  ['+14152000603', '+14152000699', 'Cy'],
]);

const headless = (api: Api, campaignId: string, body: string, ignoreErrors = false) =>
  api.post(`/campaigns/${campaignId}/imports?ignoreErrors=${ignoreErrors}&fileName=crm.csv`, body, { 'Content-Type': 'text/csv' });

/** The wizard's import creation with a mapping a person chose (which is remembered for its headers). */
const fromWizard = (api: Api, campaignId: string, headers: string[], columns: unknown[]) =>
  api.post('/imports', { campaignId, fileName: 'wizard.csv', headers, mapping: { columns }, totalRows: 1, ignoreErrors: true });

/** What an import did, without its ids and times. */
async function outcome(api: Api, campaignId: string, answer: any) {
  const leads = await campaignLeads(api, campaignId);
  const { status, totalRows, importedRows, failedRows, errorCounts, unknownColumns, mappingSource, rememberedMapping } = answer;
  return {
    answer: { status, totalRows, importedRows, failedRows, errorCounts, unknownColumns, mappingSource, rememberedMapping },
    leads: leads.map((l: any) => [l.phoneNumber, l.variables.customer_name, l.secondaryContacts.map((s: any) => s.phoneNumber)]).sort(),
  };
}

describe('a headless import applies what the request and the campaign say, nothing else', () => {
  it('"Mobile" and "Phone" import the same with and without a mapping saved for other headers, here or in another campaign', async () => {
    const { api, campaign, assistant } = await seededCampaign();
    const campaignOf = async (name: string) => api.json(api.post('/campaigns', { name, assistantId: assistant.id, defaultCountry: 'US' }));

    // No saved mapping anywhere: the first phone synonym is the phone, the second phone-like column goes nowhere.
    const plain = await outcome(api, campaign.id, await api.json(headless(api, campaign.id, FILE)));
    expect(plain).toEqual({
      answer: { status: 'completed', totalRows: 3, importedRows: 3, failedRows: 0, errorCounts: {}, unknownColumns: ['Phone'], mappingSource: 'automatic', rememberedMapping: null },
      leads: [
        ['+14152000601', 'Ann', []],
        ['+14152000602', 'Bo', []],
        ['+14152000603', 'Cy', []],
      ],
    });

    // Someone maps other headers in the wizard: "Phone" as the phone, "Mobile" as a secondary contact.
    const other = await campaignOf('Autumn');
    expect((await fromWizard(api, other.id, ['Phone', 'Mobile', 'customer_name', 'Notes'], [{ kind: 'phone' }, { kind: 'secondaryPhone', index: 1 }, { kind: 'variable', name: 'customer_name' }, { kind: 'ignore' }])).status).toBe(201);
    // The wizard would offer it for this file (headers in common) ...
    expect(await api.json(api.post(`/campaigns/${other.id}/mappings/match`, { headers: ['Mobile', 'Phone', 'customer_name'] }))).toMatchObject({ match: 'overlap' });

    // ... but the same request imports the same, in that campaign and in a third one of the workspace.
    for (const target of [other, await campaignOf('Winter')]) {
      expect(await outcome(api, target.id, await api.json(headless(api, target.id, FILE)))).toEqual(plain);
    }
  });

  it('the mapping saved in this campaign for the identical headers applies, and is named; the same request twice answers the same', async () => {
    const { api, campaign, assistant } = await seededCampaign();
    const headers = ['Mobile', 'Phone', 'customer_name'];
    expect((await fromWizard(api, campaign.id, headers, [{ kind: 'secondaryPhone', index: 1 }, { kind: 'phone' }, { kind: 'variable', name: 'customer_name' }])).status).toBe(201);

    const file = csv([headers, ['+14152000611', '+14152000612', 'Ann']]);
    const first = await api.json(headless(api, campaign.id, file, true));
    expect(first).toMatchObject({ status: 'completed', importedRows: 1, mappingSource: 'remembered', rememberedMapping: { fileName: 'wizard.csv' } });
    expect((await campaignLeads(api, campaign.id)).map((l: any) => [l.phoneNumber, l.secondaryContacts.map((s: any) => s.phoneNumber)])).toEqual([['+14152000612', ['+14152000611']]]);
    // The import resource keeps it.
    expect(await api.json(api.get(`/imports/${first.id}`))).toMatchObject({ mappingSource: 'remembered' });
    const again = await api.json(headless(api, campaign.id, file, true));
    expect(again).toMatchObject({ mappingSource: 'remembered', rememberedMapping: first.rememberedMapping, failedRows: 1, errorCounts: { DUPLICATE_EXISTING: 1 } });

    // Another campaign of the workspace does not take it: automatic there.
    const other = await api.json(api.post('/campaigns', { name: 'Other', assistantId: assistant.id, defaultCountry: 'US' }));
    expect(await api.json(headless(api, other.id, file, true))).toMatchObject({ mappingSource: 'automatic', unknownColumns: ['Phone'], importedRows: 1 });
  });

  it('junk in a second phone-like column never fails an all-or-nothing import (it is not imported)', async () => {
    const { api, campaign } = await seededCampaign();
    const res = await headless(api, campaign.id, csv([['phone_number', 'Mobile', 'customer_name'], ['+14152000621', 'not a number', 'Ann'], ['+14152000622', 'x', 'Bo']]));
    expect(await res.json()).toMatchObject({ status: 'completed', importedRows: 2, failedRows: 0, mappingSource: 'automatic', unknownColumns: ['Mobile'] });
  });

  it('an import created with a mapping says provided; one without takes the automatic mapping', async () => {
    const { api, campaign } = await seededCampaign();
    const provided = await api.json(fromWizard(api, campaign.id, ['Tel', 'Who'], [{ kind: 'phone' }, { kind: 'variable', name: 'customer_name' }]));
    expect(provided.mappingSource).toBe('provided');
    const bare = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: ['phone_number', 'Mobile', 'customer_name'], totalRows: 1, ignoreErrors: true }));
    expect(bare).toMatchObject({ mappingSource: 'automatic', unknownColumns: ['Mobile'] });
    const listed = await api.json(api.get(`/imports?campaignId=${campaign.id}`));
    expect(listed.items.map((i: any) => i.mappingSource).sort()).toEqual(['automatic', 'provided']);
  });
});
