/**
 * The review's error-amplification probe (H2) through the headless route: headers of ~9,000
 * characters that map by their normalised name, and rows whose every cell is wrong. Error messages
 * name columns by short labels, stored error parts name them by index, a chunk's error text stays
 * within its budget (README: errors.csv ≤ 18 × the upload as stored + twice its header row), and
 * every object the import keeps in R2 (chunks, verdicts, error parts, the report) is charged to the
 * workspace's storage quota.
 */
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { readReport } from './csv.ts';
import { keys, importPrefix } from '../../workers/chunk/keys.ts';
import type { ErrorPart } from '../../workers/report/error-part.ts';
import { DETAILS_LEFT_OUT, REPORT_TEXT_PER_UPLOAD_BYTE } from '../../src/lib/report/error-budget.ts';
import { utf8Length } from '../../src/lib/text/utf8-length.ts';

/** The probe's file: 12 headers padded to ~9,000 characters, `rows` rows of "1,,1,1,…" (12 wrong cells). */
function probe(rows: number, pad = 9_000): { body: string; header: string } {
  const name = (n: string) => n + '_'.repeat(pad);
  const headers = [name('phone_number'), name('customer_name'), ...Array.from({ length: 10 }, (_, i) => name(`secondary_phone_${i + 1}`))];
  const header = headers.join(',');
  return { header, body: `${header}\n${Array(rows).fill('1,,1,1,1,1,1,1,1,1,1,1').join('\n')}\n` };
}

async function objectsUnder(prefix: string): Promise<{ key: string; size: number }[]> {
  const out: { key: string; size: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.UPLOADS.list({ prefix, cursor });
    out.push(...page.objects.map((o) => ({ key: o.key, size: o.size })));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return out;
}

async function charged(workspaceId: string, scope: string): Promise<number> {
  return (await env.DB.prepare('SELECT bytes FROM storage_usage WHERE workspace_id = ?1 AND scope = ?2').bind(workspaceId, scope).first<{ bytes: number }>())?.bytes ?? 0;
}

describe('error amplification', () => {
  it('the probe: short labels, column indexes in parts, errors.csv within the stated bound, every byte stored charged', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const { body, header } = probe(1_000);
    const uploadBytes = utf8Length(body);
    expect(uploadBytes).toBeGreaterThan(120_000);
    const res = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=amp.csv`, body, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(201);
    const view = await res.json<any>();
    expect(view).toMatchObject({ status: 'completed', totalRows: 1_000, importedRows: 0, failedRows: 1_000 });
    expect(view.errorCounts).toEqual({ PHONE_INVALID: 1_000, VARIABLE_REQUIRED: 1_000, SECONDARY_PHONE_INVALID: 1_000 });

    const reportText = await (await api.get(`/imports/${view.id}/errors.csv`)).text();
    const reportBytes = utf8Length(reportText);
    const objects = await objectsUnder(importPrefix(workspaceId, view.id));
    const chunkBytes = objects.filter((o) => o.key.includes('/chunks/')).reduce((n, o) => n + o.size, 0);
    // The bound the README states: 18 × the upload as stored (its chunks), plus the header line.
    expect(reportBytes).toBeLessThanOrEqual((REPORT_TEXT_PER_UPLOAD_BYTE + 2) * chunkBytes + 2 * utf8Length(header) + 100);
    // And against the file as sent (it was 111.6 MB for a 131 KB file before).
    expect(reportBytes).toBeLessThan(20 * uploadBytes);

    const report = readReport(reportText);
    expect(report.rows).toHaveLength(1_000);
    const messages = report.rows.map((r) => r.error_messages!);
    // No message repeats a 9,000-character header: each names its column in at most 60 characters.
    for (const m of messages) for (const one of m.split(' | ')) expect(one.length).toBeLessThan(500);
    expect(messages[0]).toContain(`column "phone_number${'_'.repeat(36)}… (column 1)"`);
    // The first rows are described in full; rows past the chunk's budget keep their codes and a note.
    expect(messages[0]).toMatch(/^The phone number "1" in column/);
    const cut = messages.filter((m) => m === DETAILS_LEFT_OUT);
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThan(1_000);
    expect(report.rows.every((r) => r.error_codes === 'PHONE_INVALID;VARIABLE_REQUIRED;SECONDARY_PHONE_INVALID')).toBe(true);

    // Stored error parts name columns by index, never by label.
    const part = await (await env.UPLOADS.get(keys.errors(workspaceId, view.id, 0)))!.json<ErrorPart>();
    const first = part.rows[0]!.errors;
    expect(first.every((e) => e.column === undefined)).toBe(true);
    expect(first.map((e) => e.columnIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    // Every byte the import holds in R2 is charged to the workspace.
    const stored = objects.reduce((n, o) => n + o.size, 0);
    expect(objects.some((o) => o.key.endsWith('report.csv'))).toBe(true);
    expect(await charged(workspaceId, view.id)).toBeGreaterThanOrEqual(stored);
    expect(await charged(workspaceId, '*')).toBeGreaterThanOrEqual(stored);
  });

  it('charges the verdicts, error parts and report of a background all-or-nothing import', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const { body } = probe(6_000, 200);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=amp-bg.csv`, body, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(202);
    const view = await waitForEnd(api, (await res.json<any>()).id);
    // All or nothing with rejected rows: nothing is imported, the import fails with its report.
    expect(view).toMatchObject({ status: 'failed', importedRows: 0, failedRows: 6_000 });
    const objects = await objectsUnder(importPrefix(workspaceId, view.id));
    const folders = new Set(objects.map((o) => o.key.split('/').at(-2)));
    expect([...folders].sort()).toEqual(['chunks', 'errors', view.id, 'validated'].sort());
    const stored = objects.reduce((n, o) => n + o.size, 0);
    expect(await charged(workspaceId, view.id)).toBeGreaterThanOrEqual(stored);
    const chunkBytes = objects.filter((o) => o.key.includes('/chunks/')).reduce((n, o) => n + o.size, 0);
    const report = objects.find((o) => o.key.endsWith('report.csv'))!;
    expect(report.size).toBeLessThanOrEqual((REPORT_TEXT_PER_UPLOAD_BYTE + 2) * chunkBytes + 2 * utf8Length(body.slice(0, body.indexOf('\n'))) + 100);
  });

  it('fails an import whose outputs do not fit the quota with STORAGE_QUOTA_EXCEEDED, not a retry loop', async () => {
    const { campaign, token, workspaceId } = await seededCampaign();
    const { body } = probe(300, 100);
    const { createExecutionContext, waitOnExecutionContext } = await import('cloudflare:test');
    const worker = (await import('../../workers/index.ts')).default;
    const request = new Request(`http://example.com/api/v1/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=q.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body,
    });
    const ctx = createExecutionContext();
    // Room for the chunk (~20 KB as stored), not for its error part and report.
    const res = await worker.fetch!(request as any, { ...env, WORKSPACE_STORAGE_QUOTA_BYTES: '40000' }, ctx);
    await waitOnExecutionContext(ctx);
    const view = await res.json<any>();
    expect(view).toMatchObject({ status: 'failed', failure: { code: 'STORAGE_QUOTA_EXCEEDED' } });
    expect(view.failure.message).toMatch(/storage quota/);
    const stored = (await objectsUnder(importPrefix(workspaceId, view.id))).reduce((n, o) => n + o.size, 0);
    expect(await charged(workspaceId, view.id)).toBeGreaterThanOrEqual(stored);
    expect(await charged(workspaceId, '*')).toBeLessThanOrEqual(40_000);
  });
});
