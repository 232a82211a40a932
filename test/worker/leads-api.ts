/** Every lead of a campaign, read through the public API (`GET /campaigns/{id}/leads`, pages of 500). */
import type { client } from './helpers.ts';

export async function campaignLeads(api: ReturnType<typeof client>, campaignId: string): Promise<any[]> {
  const out: any[] = [];
  let cursor = '';
  for (;;) {
    const res = await api.get(`/campaigns/${campaignId}/leads?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`leads listing answered ${res.status}`);
    const page = await res.json<any>();
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}
