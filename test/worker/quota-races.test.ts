/**
 * The review's quota race (L1) through the browser's chunk route: concurrent replacements of one
 * chunk each give back exactly what the object they replaced held (the coordinator charges, where
 * chunk stores are serialised), so the workspace's count equals what R2 holds.
 */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { seededCampaign } from './helpers.ts';
import { usNumbers } from './csv.ts';
import { importPrefix } from '../../workers/chunk/keys.ts';
import { storageUsed } from '../../workers/quota/storage.ts';

async function chunkBytesInR2(workspaceId: string, importId: string): Promise<number> {
  const page = await env.UPLOADS.list({ prefix: `${importPrefix(workspaceId, importId)}chunks/` });
  return page.objects.reduce((n, o) => n + o.size, 0);
}

describe('storage quota under concurrent chunk replacements', () => {
  it('counts exactly what R2 holds after a large chunk, six small replacements at once, and the large one again', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'race.csv', headers: ['phone_number', 'x'], totalRows: 5, ignoreErrors: true }));
    const base = (index: number) => index * 5_000;
    const big = (index: number) => ({ v: 1, index, rows: usNumbers(4_000, base(index)).map((p, i) => ({ row: base(index) + i + 1, cells: [p, 'x'.repeat(40)] })) });
    const small = (index: number) => ({ v: 1, index, rows: [{ row: base(index) + 1, cells: [usNumbers(1, base(index))[0]!, 'y'] }] });
    for (let index = 0; index < 5; index++) {
      expect((await api.put(`/imports/${created.id}/chunks/${index}`, big(index))).status).toBe(200);
      const statuses = await Promise.all(Array.from({ length: 6 }, () => api.put(`/imports/${created.id}/chunks/${index}`, small(index)).then((r) => r.status)));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect((await api.put(`/imports/${created.id}/chunks/${index}`, big(index))).status).toBe(200);
    }
    const held = await chunkBytesInR2(workspaceId, created.id);
    expect(held).toBeGreaterThan(5 * 200_000);
    const scope = await env.DB.prepare('SELECT bytes FROM storage_usage WHERE workspace_id = ?1 AND scope = ?2').bind(workspaceId, created.id).first<{ bytes: number }>();
    expect(scope!.bytes).toBe(held);
    expect(await storageUsed(env, workspaceId)).toBe(held);
  });
});
