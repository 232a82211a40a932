/** Full size: a headless file of 12,002 rows in the default 5,000-row chunks (small sizes: imports.test.ts). */
import { describe, expect, it } from 'vitest';
import { heldQueue } from './held-queue.ts';
import { client, seededCampaign, waitForEnd } from './helpers.ts';
import { csv, readReport, usNumbers } from './csv.ts';

type Api = ReturnType<typeof client>;

async function allLeads(api: Api, campaignId: string) {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await api.json(api.get(`/campaigns/${campaignId}/leads?limit=500${cursor ? `&cursor=${cursor}` : ''}`));
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('headless import at full size', () => {
  it('splits into chunks, runs in the background, keeps the first occurrence across chunk boundaries', async () => {
    const { api, campaign, token } = await seededCampaign();
    const phones = usNumbers(12_000);
    const rows: string[][] = [['phone_number', 'customer_name', 'company']];
    phones.forEach((p, i) => rows.push([p, `Person ${i}`, 'Co']));
    rows.push([phones[0]!, 'Repeat of row 1', 'Co']); // row 12001 repeats row 1 (chunk 0 vs chunk 2)
    rows.push(['12', 'Too short', 'Co']);
    // The queue is held until the answer is in: nothing has run yet when the request answers.
    const q = heldQueue();
    const res = await q.fetch(token, 'POST', `/campaigns/${campaign.id}/imports?fileName=leads.csv&ignoreErrors=true`, csv(rows));
    expect(res.status).toBe(202);
    const started = await res.json<any>();
    expect(started).toMatchObject({ status: 'validating', processedRows: 0 });
    expect(q.held.map((m) => [m.kind, m.chunk])).toEqual([0, 1, 2].map((c) => ['validate', c]));
    // Chunks delivered last to first: the first occurrence still wins across chunk boundaries.
    while (q.held.length) await q.deliver(q.held.pop());
    const view = await waitForEnd(api, started.id);
    expect(view).toMatchObject({ status: 'completed', totalRows: 12_002, importedRows: 12_000, failedRows: 2 });
    expect(view.errorCounts).toEqual({ DUPLICATE_IN_FILE: 1, PHONE_INVALID: 1 });
    expect((await api.json(api.get(`/campaigns/${campaign.id}`))).leadCount).toBe(12_000);
    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    expect(report.rows.map((r) => [r.error_row, r.error_codes])).toEqual([
      ['12001', 'DUPLICATE_IN_FILE'],
      ['12002', 'PHONE_INVALID'],
    ]);
    const first = (await allLeads(api, campaign.id)).find((l) => l.phoneNumber === phones[0]);
    expect(first.variables.customer_name).toBe('Person 0');
  });
});
