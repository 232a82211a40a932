/** Who may be mailed: only addresses on the workspace's allow-list; the address can travel in a header. */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { seededCampaign } from './helpers.ts';

const CSV = 'phone_number,customer_name\r\n+14152000901,Ann\r\n';
const headless = (campaignId: string, query = '') => `/campaigns/${campaignId}/imports?fileName=n.csv${query}`;

async function storedNotifyEmail(importId: string) {
  return (await env.DB.prepare('SELECT notify_email FROM imports WHERE id = ?').bind(importId).first<{ notify_email: string | null }>())?.notify_email;
}

describe('notifyEmail', () => {
  it('is accepted in the X-Notify-Email header on the headless path (kept out of the URL)', async () => {
    const { api, campaign } = await seededCampaign();
    const res = await api.post(headless(campaign.id), CSV, { 'Content-Type': 'text/csv', 'X-Notify-Email': 'Ops@Example.com' });
    expect(res.status).toBe(201);
    expect(await storedNotifyEmail((await res.json<any>()).id)).toBe('Ops@Example.com');
    // The multipart path takes it the same way.
    const upload = await api.post(`/campaigns/${campaign.id}/uploads?fileName=n.csv`, undefined, { 'X-Notify-Email': 'stranger@elsewhere.net' });
    expect(upload.status).toBe(422);
    const bad = await api.post(headless(campaign.id), CSV, { 'Content-Type': 'text/csv', 'X-Notify-Email': 'not an address' });
    expect(bad.status).toBe(400);
    const conflict = await api.post(headless(campaign.id, '&notifyEmail=a@example.com'), CSV, { 'Content-Type': 'text/csv', 'X-Notify-Email': 'b@example.com' });
    expect(conflict.status).toBe(400);
  });

  it('refuses an address the workspace has not allowed (422 NOTIFY_EMAIL_NOT_ALLOWED) on every way in, until it is allowed', async () => {
    const { api, campaign } = await seededCampaign();
    const attempts = () => [
      api.post(headless(campaign.id, '&notifyEmail=victim%40elsewhere.net'), CSV, { 'Content-Type': 'text/csv' }),
      api.post(headless(campaign.id), CSV, { 'Content-Type': 'text/csv', 'X-Notify-Email': 'victim@elsewhere.net' }),
      api.post('/imports', { campaignId: campaign.id, fileName: 'n.csv', headers: ['phone_number'], totalRows: 1, notifyEmail: 'victim@elsewhere.net' }),
    ];
    for (const res of await Promise.all(attempts())) {
      expect(res.status).toBe(422);
      const error = (await res.json<any>()).error;
      expect(error.code).toBe('NOTIFY_EMAIL_NOT_ALLOWED');
      expect(error.message).toContain('/api/v1/workspace/notify-emails');
      expect(error.message).toContain('@elsewhere.net');
    }
    expect((await env.DB.prepare('SELECT count(*) AS n FROM imports WHERE campaign_id = ?').bind(campaign.id).first<{ n: number }>())!.n).toBe(0);

    expect(await api.json(api.get('/workspace/notify-emails'))).toEqual({ items: ['@example.com'] });
    const put = await api.put('/workspace/notify-emails', { items: ['@example.com', 'Victim@Elsewhere.net'] });
    expect(put.status).toBe(200);
    expect(await put.json<any>()).toEqual({ items: ['@example.com', 'victim@elsewhere.net'] });
    for (const res of await Promise.all(attempts())) expect(res.status).toBeLessThan(300);
    // A bad entry is refused with the list unchanged.
    expect((await api.put('/workspace/notify-emails', { items: ['elsewhere.net'] })).status).toBe(400);
    expect((await api.json(api.get('/workspace/notify-emails'))).items).toHaveLength(2);
  });

  it("keeps each workspace's list to itself", async () => {
    const a = await seededCampaign();
    const b = await seededCampaign();
    await a.api.put('/workspace/notify-emails', { items: ['@acme.test'] });
    expect(await b.api.json(b.api.get('/workspace/notify-emails'))).toEqual({ items: ['@example.com'] });
    const res = await b.api.post(headless(b.campaign.id), CSV, { 'Content-Type': 'text/csv', 'X-Notify-Email': 'ops@acme.test' });
    expect(res.status).toBe(422);
  });
});
