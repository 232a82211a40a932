/**
 * `GET /api/v1/campaigns` timed on the bench's dev server right after an import, so the campaign
 * holds that import's leads: the listing reads per-campaign counters, so its time must not grow
 * with the leads (it counted rows before: 0.4 s with 1M leads). Best of several requests.
 */
export interface CampaignListTiming {
  leads: number;
  bestMs: number;
  medianMs: number;
}

export async function timeCampaignList(url: string, auth: Record<string, string>, tries = 7): Promise<CampaignListTiming> {
  const times: number[] = [];
  let leads = 0;
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/v1/campaigns`, { headers: auth });
    const body = (await res.json()) as { items: { leadCount: number }[] };
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`GET /campaigns answered ${res.status}`);
    leads = body.items.reduce((n, c) => n + c.leadCount, 0);
  }
  times.sort((a, b) => a - b);
  return { leads, bestMs: times[0]!, medianMs: times[Math.floor(times.length / 2)]! };
}

export function formatCampaignList(label: string, t: CampaignListTiming): string {
  return `pipeline ${label}-campaigns: GET /campaigns best ${t.bestMs.toFixed(1)} ms, median ${t.medianMs.toFixed(1)} ms with ${t.leads.toLocaleString('en-US')} leads (read from counters)`;
}
