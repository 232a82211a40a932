/** Full size: the browser path's row limit at LIMITS.maxRows (the small-size case is in browser-upload-trust.test.ts). */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { client, seededCampaign } from './helpers.ts';
import { keys } from '../../workers/chunk/keys.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { LIMITS } from '../../src/lib/limits.ts';

async function browserImport(totalRows: number) {
  const ctx = await seededCampaign();
  const created = await ctx.api.json(ctx.api.post('/imports', { campaignId: ctx.campaign.id, fileName: 'b.csv', headers: ['phone_number', 'customer_name'], totalRows, ignoreErrors: true }));
  const api = client(ctx.token);
  const put = (index: number, rows: { row: number; cells: string[] }[]) => api.put(`/imports/${created.id}/chunks/${index}`, { v: 1, index, rows });
  return { importId: created.id as string, put };
}

describe('browser upload at full size', () => {
  it('refuses the chunk that takes the stored rows past the row limit (TOO_MANY_ROWS), whatever totalRows claimed', async () => {
    const { importId, put } = await browserImport(10);
    const full = Math.floor(LIMITS.maxRows / LIMITS.chunkRows); // 209 full chunks fit, the 210th does not
    const chunkOf = (index: number) => {
      const first = index * LIMITS.chunkRows + 1;
      return `{"v":1,"index":${index},"rows":[${Array.from({ length: LIMITS.chunkRows }, (_, i) => `{"row":${first + i},"cells":[""]}`).join(',')}]}`;
    };
    for (let index = 0; index < full; index++) {
      const res = await put(index, JSON.parse(chunkOf(index)).rows);
      expect(res.status, `chunk ${index}`).toBe(200);
    }
    const over = await put(full, JSON.parse(chunkOf(full)).rows);
    expect(over.status).toBe(413);
    expect((await over.json<any>()).error.code).toBe('TOO_MANY_ROWS');
    expect(await env.UPLOADS.head(keys.chunk((await coordinator(env, importId).snapshot()).config.workspaceId, importId, full))).toBeNull();
  });

});
