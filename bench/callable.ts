/**
 * One dev server, N leads seeded once into the demo campaign through the real leads store
 * (bench/seed-leads.ts; numbers in blocks by region, as lists come), for two parts:
 *  - campaigns-list: `GET /campaigns` before the seeding and after (bench/campaigns-list.ts);
 *  - callable: `GET /campaigns/{id}/leads?limit=100&callableAt=` at instants where most, some and
 *    few calling profiles are callable (leads over every US state, both Canadian coasts and a few
 *    other countries, window ∩ rules), from the start and from mid-campaign: HTTP best and median
 *    of 7, and inside the Worker its parts (profile counts, the decision per profile, the index
 *    walk on (campaign_id, calling_profile, id)). Also rows written per lead.
 *
 *   node bench/callable.ts [rows]
 */
import { formatCampaignList, timeCampaignList } from './campaigns-list.ts';
import { label, resultLine, secs, type PartOutput } from './report.ts';
import { apiClient, withBenchServer } from './server.ts';

const INSTANTS: [string, string][] = [
  ['2026-03-10T17:00:00Z', 'US and EU day'],
  ['2026-03-10T09:00:00Z', 'EU/Asia day, US night'],
  ['2026-03-10T05:00:00Z', 'Asia/Australia day only'],
  ['2026-03-10T11:00:00Z', 'EU day, US night'],
];
const TARGET_MS = 100;

export async function runSeeded(rows: number, parts: { campaignsList: boolean; callable: boolean }): Promise<{ campaignsList?: PartOutput; callable?: PartOutput }> {
  const n = label(rows);
  return withBenchServer(`seeded ${n}`, async (server) => {
    const api = apiClient(server);
    const auth = { Authorization: `Bearer ${server.token}` };
    const out: { campaignsList?: PartOutput; callable?: PartOutput } = {};
    const empty = parts.campaignsList ? await timeCampaignList(server.url, auth) : undefined;

    const t0 = performance.now();
    for (let from = 0; from < rows; from += 50_000) {
      const r = await api('POST', `/_bench/seed-leads?campaignId=cmp_demo&from=${from}&rows=${Math.min(50_000, rows - from)}&total=${rows}`);
      if (r.status !== 200) throw new Error(`seed answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
    }
    const seedMs = performance.now() - t0;
    const { body: campaign } = await api('GET', '/campaigns/cmp_demo');
    const leadCount = Number(campaign.leadCount);
    if (leadCount !== rows) throw new Error(`seeded ${leadCount} leads, expected ${rows}`);

    if (empty) {
      out.campaignsList = formatCampaignList(rows, empty, await timeCampaignList(server.url, auth));
    }
    if (!parts.callable) return out;

    const { body: rw } = await api('GET', '/_bench/rows-written-per-lead');
    const details = [`callable ${n}: seeded ${leadCount.toLocaleString('en-US')} leads in ${secs(seedMs)}; rows written per lead (table + indexes): ${rw.rowsWrittenPerLead}`];
    let worstMedian = 0;
    let worstAt = '';
    for (const cursor of ['', String(Math.floor(leadCount / 2))]) {
      for (const [at, what] of INSTANTS) {
        const times: number[] = [];
        let items = 0;
        for (let i = 0; i < 7; i++) {
          const s = performance.now();
          const r = await api('GET', `/campaigns/cmp_demo/leads?limit=100&callableAt=${at}${cursor ? `&cursor=${cursor}` : ''}`);
          times.push(performance.now() - s);
          if (r.status !== 200) throw new Error(`listing answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
          items = r.body.items.length;
        }
        times.sort((a, b) => a - b);
        const median = times[3]!;
        const where = `${at} (${what}${cursor ? ', cursor mid-campaign' : ''})`;
        if (median > worstMedian) (worstMedian = median), (worstAt = where);
        const { body: inside } = await api('GET', `/_bench/callable-compare?campaignId=cmp_demo&limit=100&at=${at}${cursor ? `&cursor=${cursor}` : ''}`);
        details.push(
          `callable ${n}: ${where}: page of ${items}, HTTP best ${times[0]!.toFixed(1)} ms, median ${median.toFixed(1)} ms; ` +
            `in the Worker: profile counts ${inside.countsMs.toFixed(1)} ms, decision ${inside.decideMs.toFixed(1)} ms (${inside.callableProfiles} of ${inside.profiles} profiles callable), index walk ${inside.pageMs.toFixed(1)} ms (${inside.items} items)`,
        );
      }
    }
    const s = performance.now();
    await api('GET', '/campaigns/cmp_demo/leads?limit=100');
    details.push(`callable ${n}: plain page of 100 (no callableAt) ${(performance.now() - s).toFixed(1)} ms`);
    out.callable = {
      results: [
        resultLine(
          `callable ${n}`,
          `?callableAt= page of 100 from ${leadCount.toLocaleString('en-US')} leads: worst median ${worstMedian.toFixed(1)} ms over ${INSTANTS.length * 2} instants/cursors (at ${worstAt}), HTTP from the client`,
          `< ${TARGET_MS} ms`,
          worstMedian < TARGET_MS,
        ),
      ],
      details,
    };
    return out;
  });
}

if (import.meta.main) {
  const out = await runSeeded(Number(process.argv[2] ?? 1_000_000), { campaignsList: true, callable: true });
  for (const p of [out.campaignsList, out.callable]) for (const line of [...(p?.results ?? []), ...(p?.details ?? [])]) console.log(line);
}
