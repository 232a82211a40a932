/**
 * `GET /api/v1/campaigns` with N leads in the demo campaign (seeded once for this part and the
 * callable page, bench/callable.ts), against the same request before any lead was written: the
 * listing reads per-campaign counters, so its time must not grow with the leads (it counted rows
 * once: 0.4 s with 1M leads). Best and median of several requests.
 */
import { label, resultLine, type PartOutput } from './report.ts';

export interface CampaignListTiming {
  leads: number;
  bestMs: number;
  medianMs: number;
}

export async function timeCampaignList(url: string, auth: Record<string, string>, tries = 9): Promise<CampaignListTiming> {
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

/** Target: with N leads no slower than twice the empty listing, plus 5 ms for a shared machine's noise. */
export function formatCampaignList(rows: number, empty: CampaignListTiming, full: CampaignListTiming): PartOutput {
  const limit = 2 * empty.medianMs + 5;
  return {
    results: [
      resultLine(
        `campaigns-list ${label(rows)}`,
        `GET /campaigns with ${full.leads.toLocaleString('en-US')} leads: median ${full.medianMs.toFixed(1)} ms (best ${full.bestMs.toFixed(1)}) | with no leads: median ${empty.medianMs.toFixed(1)} ms (best ${empty.bestMs.toFixed(1)})`,
        `median <= 2x the empty listing's + 5 ms = ${limit.toFixed(1)} ms (counters, not count(*))`,
        full.medianMs <= limit && full.leads === rows,
      ),
    ],
    details: [],
  };
}
