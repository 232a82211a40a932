/** Full size: a 55 MB headless CSV of huge rows, cut under the default 8 MB chunk budget (small sizes: headless-chunks.test.ts). */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { usNumbers } from './csv.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { importPrefix } from '../../workers/chunk/keys.ts';

async function chunkSizes(workspaceId: string, importId: string): Promise<number[]> {
  const listed = await env.UPLOADS.list({ prefix: `${importPrefix(workspaceId, importId)}chunks/` });
  return listed.objects.map((o) => o.size);
}

describe('headless chunks at full size', () => {
  it('30 rows of 2 MB (200 cells of 10,000 characters) become chunks under the byte budget, and import', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const header = ['phone_number', 'customer_name', ...Array.from({ length: 198 }, (_, i) => `note_${i + 1}`)].join(',');
    const phones = usNumbers(30, 50_000);
    const lines = phones.map((p, i) => [p, `N${i}`, ...Array.from({ length: 198 }, () => String.fromCharCode(97 + (i % 26)).repeat(10_000))].join(','));
    const file = header + '\n' + lines.join('\n') + '\n';
    expect(file.length).toBeGreaterThan(55_000_000);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=wide.csv&ignoreErrors=true`, file, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(202);
    const id = (await res.json<any>()).id;
    const sizes = await chunkSizes(workspaceId, id);
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(LIMITS.maxChunkBytes);
    const view = await waitForEnd(api, id, 180_000);
    expect(view).toMatchObject({ status: 'completed', totalRows: 30, importedRows: 30, failedRows: 0 });
  });
});
