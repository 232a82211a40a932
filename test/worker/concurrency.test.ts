/** Ten imports at once into two campaigns with overlapping numbers: each number once per campaign, counts add up. */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { seededCampaign, waitForEnd, inOneRateWindow } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { limitImportCreation } from '../../workers/limits/rate-limit.ts';
import { Refusal } from '../../workers/refusal.ts';
import { toApiError } from '../../workers/api/handle-error.ts';
import type { Env } from '../../workers/env.ts';
import { leadsDbOfCampaign } from './leads-db.ts';

describe('concurrency', () => {
  it('ten concurrent imports into the same and different campaigns', async () => {
    const { api, campaign, assistant } = await seededCampaign();
    const second = await api.json(api.post('/campaigns', { name: 'Second', assistantId: assistant.id, defaultCountry: 'US' }));
    const campaigns = [campaign.id, second.id];
    // Import i holds numbers [i*700, i*700 + size): neighbours overlap; sizes mix inline and queued imports.
    const sizes = [600, 1_500, 900, 6_200, 1_200, 800, 5_100, 700, 2_000, 1_000];
    const files = sizes.map((size, i) => {
      const phones = usNumbers(size, i * 700);
      phones.push(phones[0]!); // one in-file duplicate each
      return csv([['phone_number', 'customer_name'], ...phones.map((p) => [p, `I${i}`])]);
    });
    const responses = await Promise.all(
      files.map((file, i) =>
        api.post(`/campaigns/${campaigns[i % 2]}/imports?fileName=c${i}.csv&ignoreErrors=true`, file, { 'Content-Type': 'text/csv' }),
      ),
    );
    const views = await Promise.all(responses.map(async (r) => waitForEnd(api, (await r.json<any>()).id, 180_000)));
    for (const [i, v] of views.entries()) {
      expect(v.status, `import ${i}`).toBe('completed');
      expect(v.totalRows).toBe(sizes[i]! + 1);
      expect(v.importedRows + v.failedRows).toBe(v.totalRows);
      // The repeated first number is an in-file duplicate, unless a neighbour import wrote that number
      // first: then both of its rows are already in the campaign.
      const repeat = (v.errorCounts.DUPLICATE_IN_FILE ?? 0) + (v.errorCounts.DUPLICATE_EXISTING ?? 0);
      expect(v.errorCounts.DUPLICATE_IN_FILE ?? 0).toBeLessThanOrEqual(1);
      expect(repeat).toBeGreaterThanOrEqual(1);
      const other = Object.keys(v.errorCounts).filter((k) => k !== 'DUPLICATE_IN_FILE' && k !== 'DUPLICATE_EXISTING');
      expect(other).toEqual([]);
    }
    for (const [c, id] of campaigns.entries()) {
      const mine = views.filter((_, i) => i % 2 === c);
      const expected = new Set(sizes.flatMap((size, i) => (i % 2 === c ? usNumbers(size, i * 700) : [])));
      const stats = await (await leadsDbOfCampaign(id)).prepare('SELECT count(*) AS n, count(DISTINCT phone) AS d FROM leads WHERE campaign_id = ?').bind(id).first<any>();
      expect(stats).toEqual({ n: expected.size, d: expected.size });
      expect(mine.reduce((n, v) => n + v.importedRows, 0)).toBe(expected.size);
      const rows = mine.reduce((n, v) => n + v.totalRows, 0);
      const dups = mine.reduce((n, v) => n + (v.errorCounts.DUPLICATE_IN_FILE ?? 0) + (v.errorCounts.DUPLICATE_EXISTING ?? 0), 0);
      expect(expected.size + dups).toBe(rows);
    }
  });

  it('rate-limits import creation per workspace', async () => {
    const { workspaceId } = await seededCampaign();
    const limited = { ...(env as Env), IMPORT_RATE_LIMIT_PER_MINUTE: '2' };
    await inOneRateWindow();
    await limitImportCreation(limited, workspaceId);
    await limitImportCreation(limited, workspaceId);
    const err = await limitImportCreation(limited, workspaceId).catch((e) => e);
    // The domain refuses with a code; the edge's table answers it 429.
    expect(err).toBeInstanceOf(Refusal);
    expect(err.code).toBe('RATE_LIMITED');
    expect(toApiError(err)?.status).toBe(429);
  });
});
