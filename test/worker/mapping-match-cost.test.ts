/**
 * The review's remembered-mapping probe (H1), through the routes a client uses: header rows whose
 * normalised names pass the bound (U+FDFA grows 18-fold under NFKC) are not remembered, such rows
 * saved before the bound are never compared, a match of 200 unmatched headers answers the automatic
 * mapping, and the match route is rate-limited per workspace. (The work is counted in
 * src/lib/map/remembered.test.ts: the Worker freezes String.prototype, so it cannot be counted here.)
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign } from './helpers.ts';
import { headerKey, MAX_SAVED_KEY_CHARS } from '../../src/lib/map/remembered.ts';
import { newId } from '../../workers/db/ids.ts';

/** One saved mapping of the probe: phone_number and 199 headers of ~6 characters and 152 × U+FDFA. */
const fdfaHeaders = (k: number) => ['phone_number', ...Array.from({ length: 199 }, (_, i) => `s${k}c${i}x${'\uFDFA'.repeat(152)}`)];
const unmatched = Array.from({ length: 200 }, (_, i) => `zz${i}`);

async function savedCount(workspaceId: string): Promise<number> {
  return (await env.DB.prepare('SELECT count(*) AS n FROM saved_mappings WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number }>())!.n;
}

describe('remembered-mapping match cost', () => {
  it('does not remember a header row whose normalised names pass the bound, ignores such rows saved earlier, and answers 200 unmatched headers', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const headers = fdfaHeaders(0);
    // As written the row fits the 32 KiB of JSON a saved mapping may take; normalised it is 14× that.
    expect(JSON.stringify(headers).length).toBeLessThanOrEqual(32 * 1024);
    expect(headerKey(headers).length).toBeGreaterThan(10 * MAX_SAVED_KEY_CHARS);
    for (let k = 0; k < 3; k++) {
      const res = await api.post('/imports', {
        campaignId: campaign.id,
        fileName: `fdfa-${k}.csv`,
        headers: fdfaHeaders(k),
        mapping: { columns: fdfaHeaders(k).map((_, i) => (i ? { kind: 'ignore' } : { kind: 'phone' })) },
        totalRows: 1,
        ignoreErrors: true,
      });
      expect(res.status).toBe(201);
    }
    expect(await savedCount(workspaceId)).toBe(0);

    // Rows saved before the bound existed (straight into D1, as an older version stored them).
    const now = Date.now();
    for (let k = 0; k < 10; k++) {
      const h = fdfaHeaders(k);
      await env.DB.prepare(
        'INSERT INTO saved_mappings (id, workspace_id, campaign_id, file_name, header_key, headers, targets, saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)',
      )
        .bind(newId('map'), workspaceId, campaign.id, `old-${k}.csv`, headerKey(h), JSON.stringify(h), JSON.stringify(h.map((_, i) => (i ? { kind: 'variable', name: 'company' } : { kind: 'phone' }))), new Date(now - k * 1000).toISOString())
        .run();
    }
    // A well-formed mapping is still remembered beside them.
    const small = await api.post('/imports', {
      campaignId: campaign.id,
      fileName: 'crm.csv',
      headers: ['Tel', 'Firm'],
      mapping: { columns: [{ kind: 'phone' }, { kind: 'variable', name: 'company' }] },
      totalRows: 1,
      ignoreErrors: true,
    });
    expect(small.status).toBe(201);
    expect(await savedCount(workspaceId)).toBe(11);

    const res = await api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: unmatched });
    expect(res.status).toBe(200);
    const match = await res.json<any>();
    expect(match).toMatchObject({ source: null, match: null, remembered: [] });
    expect(match.mapping.columns).toHaveLength(200);
    expect(match.mapping.columns.every((c: any) => c.kind === 'ignore')).toBe(true);

    // The probe's own header row (exact match with an oversized saved row) is matched automatically.
    const same = await api.json(api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: fdfaHeaders(3) }));
    expect(same).toMatchObject({ source: null, match: null });
    // The well-formed one is found among the oversized ones.
    const overlap = await api.json(api.post(`/campaigns/${campaign.id}/mappings/match`, { headers: ['Firm', ...unmatched.slice(1)] }));
    expect(overlap).toMatchObject({ match: 'overlap', source: { fileName: 'crm.csv' }, remembered: [0] });
    expect(overlap.mapping.columns[0]).toEqual({ kind: 'variable', name: 'company' });

    // Headless: a file of 200 headers (a phone column and 199 unmatched) imports with the automatic mapping.
    const csvBody = `phone_number,${unmatched.slice(1).join(',')}\r\n+14155550100${',x'.repeat(199)}\r\n`;
    const headless = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=h.csv`, csvBody, { 'Content-Type': 'text/csv' });
    expect(headless.status).toBe(201);
    expect(await headless.json()).toMatchObject({ status: 'completed', totalRows: 1, mappingSource: 'automatic' });
  });

  it('rate-limits matches per workspace, at twice the import limit', async () => {
    const { campaign, token, workspaceId } = await seededCampaign();
    const match = async () => {
      const request = new Request(`http://example.com/api/v1/campaigns/${campaign.id}/mappings/match`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ headers: ['phone_number', 'x'] }),
      });
      const ctx = createExecutionContext();
      const res = await worker.fetch!(request as any, { ...env, IMPORT_RATE_LIMIT_PER_MINUTE: '2' }, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    expect((await match()).status).toBe(200);
    // The workspace has used its 4 matches of this minute (and of the next, should it begin meanwhile).
    const window = Math.floor(Date.now() / 60_000);
    for (const w of [window, window + 1]) {
      await env.DB.prepare('INSERT INTO rate_limits (key, window, count) VALUES (?1, ?2, 4) ON CONFLICT (key, window) DO UPDATE SET count = 4')
        .bind(`mapping-matches:${workspaceId}`, w)
        .run();
    }
    const refused = await match();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'At most 4 column matches can be asked for per minute. Try again in a minute.' } });
  });
});
