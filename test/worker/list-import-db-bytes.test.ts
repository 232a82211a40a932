/**
 * The review's list-import probe (M1) through POST /suppressions/import (Prefer: respond-async): a
 * list whose header row is ~1.9 MB keeps it in R2 under the list import's prefix (charged, deleted
 * by retention), never in the shared DB; and a workspace's list imports stay within their byte
 * budget of DB, the oldest ended ones forgotten first.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { client, createWorkspace } from './helpers.ts';
import { readReport } from './csv.ts';
import { listImportPrefix } from '../../workers/suppression/list-import/keys.ts';
import { INLINE_HEADERS_BYTES } from '../../workers/suppression/list-import/headers.ts';
import { listImportsHeld } from '../../workers/suppression/list-import/db-budget.ts';
import { purgeEndedListImports } from '../../workers/retention/retention.ts';

async function listImport(token: string, body: string, vars: Record<string, string> = {}) {
  const request = new Request('http://example.com/api/v1/suppressions/import?fileName=w.csv&defaultCountry=US', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', Prefer: 'respond-async' },
    body,
  });
  const ctx = createExecutionContext();
  const res = await worker.fetch!(request as any, { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function waitForList(api: ReturnType<typeof client>, id: string) {
  for (let i = 0; ; i++) {
    const view = await api.json(api.get(`/suppressions/imports/${id}`));
    if (view.status !== 'running') return view;
    if (i > 600) throw new Error(`list import ${id} still running`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const headerBytes = async (workspaceId: string) =>
  (await env.DB.prepare('SELECT coalesce(sum(length(CAST(headers AS BLOB))), 0) AS n, count(*) AS rows FROM suppression_imports WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number; rows: number }>())!;

describe('list imports in the shared DB', () => {
  it('keeps a 1.9 MB header row in R2, charged and deleted by retention, not in DB', async () => {
    const ws = await createWorkspace();
    const api = client(ws.token);
    // The review's probe: 190 columns of 10,000 characters (the first is the phone column) and one row.
    const headers = ['phone', ...Array.from({ length: 189 }, (_, i) => `c${i}`.padEnd(10_000, 'h'))];
    const body = (i: number) => `${headers.join(',')}\n+1415555012${i}${',x'.repeat(189)}\nnot a number${',x'.repeat(189)}\n`;
    expect(body(0).length).toBeGreaterThan(1_880_000);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await listImport(ws.token, body(i));
      expect(res.status).toBe(202);
      ids.push((await res.json<any>()).id);
    }
    const held = await headerBytes(ws.workspaceId);
    expect(held.rows).toBe(3);
    // Before: 3 × 1,889,9xx bytes of headers in DB.
    expect(held.n).toBeLessThanOrEqual(3 * INLINE_HEADERS_BYTES);
    for (const id of ids) {
      const view = await waitForList(api, id);
      expect(view).toMatchObject({ status: 'completed', added: 1, invalidCount: 1 });
      const object = await env.UPLOADS.head(`${listImportPrefix(ws.workspaceId, id)}headers.json`);
      expect(object!.size).toBeGreaterThan(1_880_000);
      const charged = await env.DB.prepare('SELECT bytes FROM storage_usage WHERE workspace_id = ?1 AND scope = ?2').bind(ws.workspaceId, id).first<{ bytes: number }>();
      expect(charged!.bytes).toBeGreaterThanOrEqual(object!.size);
    }
    // The report repeats the header row, read back from R2.
    const report = readReport(await (await api.get(`/suppressions/imports/${ids[0]}/errors.csv`)).text());
    expect(report.headers.slice(0, 190)).toEqual(headers);
    expect(report.rows.map((r) => r.phone)).toEqual(['not a number']);
    // Retention deletes the header row with the rest of the prefix, 30 days after the end.
    await purgeEndedListImports(env, Date.now() + 31 * 86_400_000);
    for (const id of ids) expect((await env.UPLOADS.list({ prefix: listImportPrefix(ws.workspaceId, id) })).objects).toEqual([]);
  });

  it('forgets the oldest ended list imports past the workspace budget, before recording a new one', async () => {
    const ws = await createWorkspace();
    const api = client(ws.token);
    const other = await createWorkspace();
    const vars = { LIST_IMPORTS_DB_BYTES: '3000' };
    const file = (n: number) => `phone,reason\n+1415555${String(1000 + n)},asked\nnot a number ${n},x\n`;
    // Another workspace's list imports are never touched.
    const theirs = (await (await listImport(other.token, file(99), vars)).json<any>()).id;
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      const res = await listImport(ws.token, file(n), vars);
      expect(res.status).toBe(202);
      ids.push((await res.json<any>()).id);
      await waitForList(api, ids.at(-1)!);
    }
    const held = await listImportsHeld(env, ws.workspaceId);
    expect(held.reduce((n, r) => n + r.bytes, 0) - held[0]!.bytes).toBeLessThanOrEqual(3000);
    expect(held.length).toBeLessThan(6);
    // The most recent are kept, the oldest answer 404 and hold nothing in R2.
    const kept = new Set(held.map((r) => r.id));
    expect(kept.has(ids[5]!)).toBe(true);
    expect(kept.has(ids[0]!)).toBe(false);
    expect((await api.get(`/suppressions/imports/${ids[0]}`)).status).toBe(404);
    expect((await env.UPLOADS.list({ prefix: listImportPrefix(ws.workspaceId, ids[0]!) })).objects).toEqual([]);
    expect((await env.DB.prepare('SELECT count(*) AS n FROM suppression_import_chunks WHERE import_id = ?1').bind(ids[0]).first<{ n: number }>())!.n).toBe(0);
    expect((await client(other.token).get(`/suppressions/imports/${theirs}`)).status).toBe(200);
  });
});
