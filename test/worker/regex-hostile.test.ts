/**
 * Files and queries built to make a regular expression backtrack, sent the way an API client
 * would: the Worker answers each with a clear error (or accepts it) and keeps serving.
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { overrideBombXlsx } from '../unit/crafted-xlsx.ts';
import { seededCampaign } from './helpers.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function expectHealthy() {
  const res = await SELF.fetch('http://example.com/api/v1/health');
  expect(res.status).toBe(200);
  await res.body?.cancel();
}

describe('regex-hostile input on the headless import route', () => {
  it('answers an .xlsx whose [Content_Types].xml is `<Override ` × 100,000 as corrupt, then stays healthy', async () => {
    const { api, campaign } = await seededCampaign();
    const bomb = await overrideBombXlsx();
    expect(bomb.length).toBeLessThan(10_000);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=bomb.xlsx&ignoreErrors=true`, bomb, { 'Content-Type': XLSX_TYPE });
    expect(res.status).toBe(422);
    const body = await res.json<any>();
    expect(body.error.code).toBe('FILE_CORRUPT');
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    await expectHealthy();
    const leads = await api.json(api.get(`/campaigns/${campaign.id}/leads`));
    expect(leads.items).toEqual([]);
  });

  it('answers long ambiguous file names and e-mail addresses in the query, then stays healthy', async () => {
    const { api, campaign } = await seededCampaign();
    const csv = 'phone_number,customer_name\r\n+14152000001,Ada\r\n';
    const queries = [
      `fileName=${encodeURIComponent('.a'.repeat(3_000) + '!')}`,
      `fileName=${encodeURIComponent('a'.repeat(6_000) + '.csv')}`,
      `notifyEmail=${encodeURIComponent('a@' + 'a.'.repeat(3_000) + '!')}`,
      `notifyEmail=${encodeURIComponent('a.'.repeat(3_000) + '@')}`,
    ];
    for (const query of queries) {
      const res = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&${query}`, csv, { 'Content-Type': 'text/csv' });
      expect([201, 400, 422], query.slice(0, 40)).toContain(res.status);
      if (res.status >= 400) expect((await res.json<any>()).error.code).toMatch(/^[A-Z_]+$/);
      else await res.body?.cancel();
    }
    await expectHealthy();
  });
});
