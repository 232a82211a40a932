/**
 * `GET /campaigns/{id}/leads?suppressed=true`: only the leads whose primary number is on the
 * workspace's list now, from the moment it is listed until it is removed or expires; pages bounded
 * by the leads looked at, followed by their cursor. In workerd with the real local D1.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { leadsStore } from '../../workers/leads/leads-store.ts';

type Api = Awaited<ReturnType<typeof seededCampaign>>['api'];

async function suppressedLeads(api: Api, campaignId: string, limit = 500): Promise<any[]> {
  const out: any[] = [];
  let cursor = '';
  for (;;) {
    const res = await api.get(`/campaigns/${campaignId}/leads?suppressed=true&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    const page = await res.json<any>();
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

async function campaignWith(n: number) {
  const c = await seededCampaign();
  const numbers = usNumbers(n, 30_000);
  const res = await c.api.post(`/campaigns/${c.campaign.id}/imports?fileName=l.csv&ignoreErrors=true`, csv([['phone_number', 'customer_name'], ...numbers.map((p, i) => [p, `P${i}`])]), {
    'Content-Type': 'text/csv',
  });
  const view = await res.json<any>();
  const done = res.status === 201 ? view : await waitForEnd(c.api, view.id);
  expect(done.importedRows).toBe(n);
  return { ...c, numbers };
}

describe('GET /campaigns/{id}/leads?suppressed=true', () => {
  it('lists only the leads on the list now, from the moment they are listed until removed or expired', async () => {
    const { api, campaign, numbers } = await campaignWith(40);
    expect(await suppressedLeads(api, campaign.id)).toEqual([]);

    const listed = [numbers[3]!, numbers[17]!, numbers[39]!];
    await api.post('/suppressions', { phoneNumbers: listed.slice(0, 2) });
    await api.post('/suppressions', { phoneNumbers: [listed[2]], expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    // Another campaign's leads and a listed number no lead has change nothing.
    await api.post('/suppressions', { phoneNumbers: ['+14159990000'] });
    const found = await suppressedLeads(api, campaign.id, 2);
    expect(found.map((l) => l.phoneNumber)).toEqual(listed);
    expect(found.every((l) => l.suppressed === true && l.nextCallableAt === null)).toBe(true);
    expect(found[0]).toMatchObject({ variables: { customer_name: 'P3' }, phoneCountry: 'US' });

    expect((await api.del(`/suppressions/${encodeURIComponent(listed[0]!)}`)).status).toBe(204);
    expect((await suppressedLeads(api, campaign.id)).map((l) => l.phoneNumber)).toEqual(listed.slice(1));
  });

  it('looks at a bounded number of leads per page and goes on from its cursor', async () => {
    const { api, workspaceId, campaign, numbers } = await campaignWith(25);
    await api.post('/suppressions', { phoneNumbers: [numbers[1], numbers[20]] });
    const store = leadsStore(env, workspaceId, campaign.id);
    const pages: { phones: string[]; next: string | null }[] = [];
    let cursor: number | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await store.listSuppressed(new Date(), 10, cursor, 4);
      pages.push({ phones: page.items.map((l) => l.phoneNumber), next: page.nextCursor });
      if (!page.nextCursor) break;
      cursor = Number(page.nextCursor);
    }
    // 25 leads, 4 looked at per page: 7 requests, most of them empty, the two listed found in order.
    expect(pages.flatMap((p) => p.phones)).toEqual([numbers[1], numbers[20]]);
    expect(pages.length).toBe(7);
    expect(pages.filter((p) => p.phones.length === 0).length).toBe(5);
    expect(pages.at(-1)!.next).toBeNull();
  });

  it('an expired entry does not count, another workspace\'s list never applies, and callableAt with suppressed is refused', async () => {
    const a = await campaignWith(5);
    const b = await seededCampaign();
    await b.api.post('/suppressions', { phoneNumbers: a.numbers });
    expect(await suppressedLeads(a.api, a.campaign.id)).toEqual([]);
    await a.api.post('/suppressions', { phoneNumbers: [a.numbers[0]], expiresAt: '2020-01-01T00:00:00.000Z' });
    expect(await suppressedLeads(a.api, a.campaign.id)).toEqual([]);

    const both = await a.api.get(`/campaigns/${a.campaign.id}/leads?suppressed=true&callableAt=2026-03-10T17:00:00Z`);
    expect(both.status).toBe(400);
    expect((await both.json<any>()).error.code).toBe('VALIDATION_FAILED');
    const bad = await a.api.get(`/campaigns/${a.campaign.id}/leads?suppressed=yes`);
    expect(bad.status).toBe(400);
  });
});
