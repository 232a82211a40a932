/**
 * GET /campaigns/{id}/leads/zone-sets: the campaign's leads counted by the time zones of their
 * primary number (one GROUP BY on the shard), suppressed leads left out, other campaigns and
 * workspaces never counted; 404 for a campaign that is not the workspace's.
 */
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { csv } from './csv.ts';

type Api = Awaited<ReturnType<typeof seededCampaign>>['api'];

const importCsv = async (api: Api, campaignId: string, numbers: string[]) => {
  const view = await api.json(
    api.post(`/campaigns/${campaignId}/imports?fileName=leads.csv&ignoreErrors=true`, csv([['phone_number', 'customer_name'], ...numbers.map((p) => [p, 'X'])]), { 'Content-Type': 'text/csv' }),
  );
  expect(view.status, JSON.stringify(view)).toBe('completed');
};

async function zoneSets(api: Api, campaignId: string) {
  const res = await api.get(`/campaigns/${campaignId}/leads/zone-sets`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json<any>()).items as { zones: string[]; count: number }[]).map((i) => ({ ...i, zones: [...i.zones].sort() }));
}

describe('GET /campaigns/{id}/leads/zone-sets', () => {
  it('counts leads per zone set, leaves out suppressed leads and other campaigns', async () => {
    const { api, campaign } = await seededCampaign();
    await importCsv(api, campaign.id, ['+12125550100', '+12125550101', '+12125550102', '+14155550177', '+4930901820', '+12083001234']);
    const other = await seededCampaign();
    await importCsv(other.api, other.campaign.id, ['+12125550103', '+12125550104']);

    const before = await zoneSets(api, campaign.id);
    expect(before).toContainEqual({ zones: ['America/New_York'], count: 3 });
    expect(before).toContainEqual({ zones: ['America/Los_Angeles'], count: 1 });
    expect(before).toContainEqual({ zones: ['Europe/Berlin'], count: 1 });
    expect(before).toContainEqual({ zones: ['America/Boise', 'America/Los_Angeles'], count: 1 });
    expect(before.reduce((n, i) => n + i.count, 0)).toBe(6);

    const listed = await api.post('/suppressions', JSON.stringify({ phoneNumbers: ['+12125550101', '+4930901820'] }), { 'Content-Type': 'application/json' });
    expect(listed.status).toBe(200);
    const after = await zoneSets(api, campaign.id);
    expect(after).toContainEqual({ zones: ['America/New_York'], count: 2 });
    expect(after.find((i) => i.zones[0] === 'Europe/Berlin')).toBeUndefined();
    expect(after.reduce((n, i) => n + i.count, 0)).toBe(4);

    // Another workspace cannot read this campaign.
    expect((await other.api.get(`/campaigns/${campaign.id}/leads/zone-sets`)).status).toBe(404);
  });
});
