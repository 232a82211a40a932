/**
 * Every error of the phone column names it the way the browser does, also when its header is
 * blank: PHONE_INVALID (from the shared row validator) and DUPLICATE_IN_FILE / DUPLICATE_EXISTING
 * (added by the Worker's write pass) carry the same label. Driven through the browser's route.
 */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { keys } from '../../workers/chunk/keys.ts';
import type { ErrorPart } from '../../workers/report/error-part.ts';

describe('the phone column in error messages', () => {
  it('a blank phone header is "(unnamed column 1)" in every error of that column', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const created = await api.json(
      api.post('/imports', {
        campaignId: campaign.id,
        fileName: 'blank-header.csv',
        headers: [' ', 'customer_name'],
        mapping: { columns: [{ kind: 'phone' }, { kind: 'variable', name: 'customer_name' }] },
        totalRows: 3,
        ignoreErrors: true,
      }),
    );
    const rows = [
      { row: 1, cells: ['+14152000101', 'Ann'] },
      { row: 2, cells: ['not a phone', 'Bob'] },
      { row: 3, cells: ['+14152000101', 'Ann again'] },
    ];
    expect((await api.put(`/imports/${created.id}/chunks/0`, { v: 1, index: 0, rows })).status).toBe(200);
    expect((await api.post(`/imports/${created.id}/start`, { chunkCount: 1 })).status).toBeLessThan(300);
    const view = await waitForEnd(api, created.id);
    expect(view.errorCounts).toEqual({ PHONE_INVALID: 1, DUPLICATE_IN_FILE: 1 });

    const report = await (await api.get(`/imports/${created.id}/errors.csv`)).text();
    expect(report).toContain('The phone number ""not a phone"" in column ""(unnamed column 1)""');
    expect(report).toContain('Duplicate of row 1');
    // The stored error part names the column by its index, the same for both errors.
    const part = await (await env.UPLOADS.get(keys.errors(workspaceId, created.id, 0)))!.json<ErrorPart>();
    const columns = Object.fromEntries(part.rows.flatMap((r) => r.errors.map((e) => [e.code, [e.column, e.columnIndex]])));
    expect(columns).toEqual({ PHONE_INVALID: [undefined, 0], DUPLICATE_IN_FILE: [undefined, 0] });
  });
});
