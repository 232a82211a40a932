/**
 * Headless CSV uploads are cut into chunks by bytes as well as rows (the browser's budget), so a
 * few rows of huge cells never become one chunk of tens of MB; an absurd cell is refused while
 * streaming, before anything is stored. The byte budget is the CHUNK_BYTES var (90% of it), lowered
 * here so small files take the same paths; headless-chunks.volume.test.ts keeps a 55 MB file.
 */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { client, seededCampaign, waitForEnd } from './helpers.ts';
import { usNumbers } from './csv.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { chunkBudget } from '../../src/lib/chunk/cut.ts';
import { importPrefix } from '../../workers/chunk/keys.ts';

async function chunkSizes(workspaceId: string, importId: string): Promise<number[]> {
  const listed = await env.UPLOADS.list({ prefix: `${importPrefix(workspaceId, importId)}chunks/` });
  return listed.objects.map((o) => o.size);
}

const CHUNK_BYTES = 64 * 1024;

describe('headless chunks are cut by bytes', () => {
  it('30 rows of 20 KB (20 cells of 1,000 characters) become chunks under a 64 KB budget, and import', async () => {
    const { campaign, token, workspaceId } = await seededCampaign();
    const api = client(token, { CHUNK_BYTES: String(CHUNK_BYTES) });
    const header = ['phone_number', 'customer_name', ...Array.from({ length: 20 }, (_, i) => `note_${i + 1}`)].join(',');
    const phones = usNumbers(30, 50_000);
    const lines = phones.map((p, i) => [p, `N${i}`, ...Array.from({ length: 20 }, () => String.fromCharCode(97 + (i % 26)).repeat(1_000))].join(','));
    const file = header + '\n' + lines.join('\n') + '\n';
    expect(file.length).toBeGreaterThan(600_000);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=wide.csv&ignoreErrors=true`, file, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(202);
    const id = (await res.json<any>()).id;
    const sizes = await chunkSizes(workspaceId, id);
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(CHUNK_BYTES);
    const view = await waitForEnd(api, id);
    expect(view).toMatchObject({ status: 'completed', totalRows: 30, importedRows: 30, failedRows: 0 });
  });

  it('a cell over the cell limit is refused with FILE_TOO_LARGE before any chunk is stored', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const phones = usNumbers(30, 60_000);
    const file = 'phone_number,customer_name,company\n' + phones.map((p, i) => `${p},N${i},${'x'.repeat(20_000)}`).join('\n') + '\n';
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=huge-cells.csv&ignoreErrors=true`, file, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(413);
    const body = await res.json<any>();
    expect(body.error.code).toBe('FILE_TOO_LARGE');
    expect(body.error.message).toMatch(/row 1, column "company".*10,000 characters/);
    expect((await env.UPLOADS.list({ prefix: `ws/${workspaceId}/` })).objects).toHaveLength(0);
  });

  it('many mid-size multi-byte cells: fewer rows than a chunk holds, still split under the byte budget', async () => {
    const { campaign, token, workspaceId } = await seededCampaign();
    // A 1 MB chunk (budget 0.9 MB); the row budget stays 5,000.
    const api = client(token, { CHUNK_BYTES: String(1024 * 1024) });
    const phones = usNumbers(120, 70_000);
    const header = ['phone_number', 'customer_name', ...Array.from({ length: 10 }, (_, i) => `note_${i + 1}`)].join(',');
    // 10 cells of 300 CJK characters: ~9 KB of UTF-8 a row, ~1.1 MB in all, but only 3,000 characters.
    const lines = phones.map((p, i) => [p, `N${i}`, ...Array.from({ length: 10 }, (_, k) => String.fromCharCode(0x4e00 + ((i * 10 + k) % 20_000)).repeat(300))].join(','));
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=cjk-notes.csv&ignoreErrors=true`, header + '\n' + lines.join('\n') + '\n', { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(202);
    const id = (await res.json<any>()).id;
    const sizes = await chunkSizes(workspaceId, id);
    expect(sizes.length).toBe(2);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(chunkBudget(LIMITS.chunkRows, 1024 * 1024).bytes + 100);
    const view = await waitForEnd(api, id);
    expect(view).toMatchObject({ status: 'completed', totalRows: 120, importedRows: 120, failedRows: 0 });
  });
});
