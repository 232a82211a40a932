/**
 * Storage without bounds or end: the per-workspace quota, rate-limited multipart uploads that are
 * discarded when refused, and retention of every stored thing (idle uploads, error reports, the
 * coordinator's Durable Object storage, rate-limit counters), driven through the routes and the
 * real `scheduled` handler.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createScheduledController, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign, inOneRateWindow } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { importPrefix, keys } from '../../workers/chunk/keys.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { reserveStorage, storageQuota, storageUsed } from '../../workers/quota/storage.ts';

const DAY = 86_400_000;

/** A request through the Worker's own fetch with some vars changed (a small quota, a tight limit). */
async function callWith(vars: Record<string, string>, token: string, method: string, path: string, body?: BodyInit | object, headers: Record<string, string> = {}) {
  const json = body !== undefined && typeof body === 'object' && !(body instanceof Uint8Array) && !(body instanceof ReadableStream);
  const request = new Request(`http://example.com/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(json ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as BodyInit),
  });
  const ctx = createExecutionContext();
  const res = await worker.fetch!(request as any, { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: '17 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function keysUnder(prefix: string): Promise<string[]> {
  return (await env.UPLOADS.list({ prefix })).objects.map((o) => o.key);
}

async function scopeBytes(workspaceId: string, scope: string): Promise<number | null> {
  const row = await env.DB.prepare('SELECT bytes FROM storage_usage WHERE workspace_id = ?1 AND scope = ?2').bind(workspaceId, scope).first<{ bytes: number }>();
  return row?.bytes ?? null;
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json<any>();
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(20);
  return body.error.message as string;
}

const uploadsOf = (ws: string, id: string) => `ws/${ws}/uploads/${id}/`;

/** A created multipart upload with one (last, so any size) part of a small valid CSV. */
async function uploadWithPart(ctx: Awaited<ReturnType<typeof seededCampaign>>, rows = 20) {
  const { api, campaign, workspaceId } = ctx;
  const created = await api.json(api.post(`/campaigns/${campaign.id}/uploads?fileName=m.csv&ignoreErrors=true`));
  const bytes = new TextEncoder().encode(csv([['phone_number', 'customer_name'], ...usNumbers(rows, 50_000).map((p) => [p, 'M'])]));
  const res = await api.put(`/campaigns/${campaign.id}/uploads/${created.uploadId}/parts/1`, bytes, { 'Content-Type': 'application/octet-stream' });
  expect(res.status).toBe(200);
  const meta = await (await env.UPLOADS.get(`${uploadsOf(workspaceId, created.uploadId)}meta.json`))!.json<{ r2UploadId: string }>();
  return { uploadId: created.uploadId as string, part: await res.json<any>(), bytes, r2UploadId: meta.r2UploadId };
}

/** True when R2 still has the multipart upload (its parts): completing it then succeeds. */
async function multipartAlive(workspaceId: string, uploadId: string, r2UploadId: string, part: R2UploadedPart): Promise<boolean> {
  try {
    await env.UPLOADS.resumeMultipartUpload(`${uploadsOf(workspaceId, uploadId)}file`, r2UploadId).complete([part]);
    return true;
  } catch {
    return false;
  }
}

describe('storage quota', () => {
  it('refuses a multipart part past the workspace quota, stores nothing and keeps the count right', async () => {
    const ctx = await seededCampaign();
    const { campaign, token, workspaceId } = ctx;
    const vars = { WORKSPACE_STORAGE_QUOTA_BYTES: '1000' };
    const created = await (await callWith(vars, token, 'POST', `/campaigns/${campaign.id}/uploads?fileName=q.csv`)).json<any>();
    const part = (n: number, size: number) =>
      callWith(vars, token, 'PUT', `/campaigns/${campaign.id}/uploads/${created.uploadId}/parts/${n}`, new Uint8Array(size).fill(65), { 'Content-Length': String(size) });
    expect((await part(1, 600)).status).toBe(200);
    expect(await storageUsed(env, workspaceId)).toBe(600);
    const message = await expectError(await part(2, 600), 507, 'STORAGE_QUOTA_EXCEEDED');
    expect(message).toMatch(/600 bytes/);
    expect(message).toMatch(/quota/);
    // Nothing was charged or stored for the refused part: completing with it fails, the count is unchanged.
    expect(await storageUsed(env, workspaceId)).toBe(600);
    expect(await scopeBytes(workspaceId, created.uploadId)).toBe(600);
    // A workspace already at its quota cannot even start an upload.
    expect((await part(1, 1000)).status).toBe(507);
    await expectError(await callWith({ WORKSPACE_STORAGE_QUOTA_BYTES: '500' }, token, 'POST', `/campaigns/${campaign.id}/uploads?fileName=q.csv`), 507, 'STORAGE_QUOTA_EXCEEDED');
  });

  it('lets concurrent charges pass the quota together never', async () => {
    const { workspaceId } = await seededCampaign();
    const quota = storageQuota(env);
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => reserveStorage(env, workspaceId, `imp_c${i}`, Math.floor(quota / 3))));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect(await storageUsed(env, workspaceId)).toBe(3 * Math.floor(quota / 3));
  });

  it('refuses a headless file past the quota before storing its chunks', async () => {
    const { campaign, token, workspaceId } = await seededCampaign();
    const body = csv([['phone_number', 'customer_name'], ...usNumbers(50, 60_000).map((p) => [p, 'Q'])]);
    const res = await callWith({ WORKSPACE_STORAGE_QUOTA_BYTES: '500' }, token, 'POST', `/campaigns/${campaign.id}/imports?fileName=q.csv&ignoreErrors=true`, body, { 'Content-Type': 'text/csv' });
    await expectError(res, 507, 'STORAGE_QUOTA_EXCEEDED');
    expect(await keysUnder(`ws/${workspaceId}/imports/`)).toEqual([]);
    expect(await storageUsed(env, workspaceId)).toBe(0);
  });

  it('refuses a browser chunk past the quota; a chunk sent again is charged once', async () => {
    const { api, campaign, token, workspaceId } = await seededCampaign();
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'b.csv', headers: ['phone_number', 'customer_name'], totalRows: 40, ignoreErrors: true }));
    const chunk = (index: number, n: number) => ({ v: 1, index, rows: usNumbers(n, 70_000 + index * 100).map((p, i) => ({ row: index * 100 + i + 1, cells: [p, 'B'] })) });
    const vars = { WORKSPACE_STORAGE_QUOTA_BYTES: '2000' };
    expect((await callWith(vars, token, 'PUT', `/imports/${created.id}/chunks/0`, chunk(0, 20))).status).toBe(200);
    const used = (await storageUsed(env, workspaceId))!;
    expect(used).toBe((await env.UPLOADS.head(keys.chunk(workspaceId, created.id, 0)))!.size);
    expect((await callWith(vars, token, 'PUT', `/imports/${created.id}/chunks/0`, chunk(0, 20))).status).toBe(200);
    expect(await storageUsed(env, workspaceId)).toBe(used);
    await expectError(await callWith(vars, token, 'PUT', `/imports/${created.id}/chunks/1`, chunk(1, 40)), 507, 'STORAGE_QUOTA_EXCEEDED');
    expect(await env.UPLOADS.head(keys.chunk(workspaceId, created.id, 1))).toBeNull();
    expect(await storageUsed(env, workspaceId)).toBe(used);
  });
});

describe('multipart uploads: limits and refusals', () => {
  it('rate-limits upload creation and parts per workspace', async () => {
    const { campaign, token } = await seededCampaign();
    const create = () => callWith({ UPLOAD_RATE_LIMIT_PER_MINUTE: '2' }, token, 'POST', `/campaigns/${campaign.id}/uploads?fileName=r.csv`);
    await inOneRateWindow();
    expect((await create()).status).toBe(201);
    const second = await (await create()).json<any>();
    await expectError(await create(), 429, 'RATE_LIMITED');
    const part = (n: number) =>
      callWith({ UPLOAD_PART_RATE_LIMIT_PER_MINUTE: '2' }, token, 'PUT', `/campaigns/${campaign.id}/uploads/${second.uploadId}/parts/${n}`, 'phone_number\r\n', {
        'Content-Length': '14',
      });
    expect((await part(1)).status).toBe(200);
    expect((await part(2)).status).toBe(200);
    await expectError(await part(3), 429, 'RATE_LIMITED');
  });

  it('discards an upload refused at complete by the import rate limit: no file, no parts, no bytes counted', async () => {
    const ctx = await seededCampaign();
    const { campaign, token, workspaceId } = ctx;
    const up = await uploadWithPart(ctx);
    expect(await scopeBytes(workspaceId, up.uploadId)).toBe(up.bytes.length);
    const vars = { IMPORT_RATE_LIMIT_PER_MINUTE: '1' };
    await inOneRateWindow();
    // One import this minute already.
    const first = await callWith(vars, token, 'POST', `/campaigns/${campaign.id}/imports?fileName=a.csv&ignoreErrors=true`, 'phone_number,customer_name\r\n+14152000009,A\r\n', { 'Content-Type': 'text/csv' });
    expect(first.status).toBe(201);
    const held = (await storageUsed(env, workspaceId))!;
    await expectError(await callWith(vars, token, 'POST', `/campaigns/${campaign.id}/uploads/${up.uploadId}/complete`, { parts: [up.part] }), 429, 'RATE_LIMITED');
    expect(await keysUnder(uploadsOf(workspaceId, up.uploadId))).toEqual([]);
    expect(await multipartAlive(workspaceId, up.uploadId, up.r2UploadId, up.part)).toBe(false);
    expect(await scopeBytes(workspaceId, up.uploadId)).toBeNull();
    expect(await storageUsed(env, workspaceId)).toBe(held - up.bytes.length);
  });

  it('discards an upload whose parts do not complete it', async () => {
    const ctx = await seededCampaign();
    const up = await uploadWithPart(ctx);
    const res = await ctx.api.post(`/campaigns/${ctx.campaign.id}/uploads/${up.uploadId}/complete`, { parts: [{ partNumber: 1, etag: 'not-the-etag' }] });
    expect(await expectError(res, 400, 'UPLOAD_INCOMPLETE')).toMatch(/discarded/);
    expect(await keysUnder(uploadsOf(ctx.workspaceId, up.uploadId))).toEqual([]);
    expect(await multipartAlive(ctx.workspaceId, up.uploadId, up.r2UploadId, up.part)).toBe(false);
    expect(await storageUsed(env, ctx.workspaceId)).toBe(0);
  });

  it('deletes the completed file when the import refuses it (an empty file)', async () => {
    const ctx = await seededCampaign();
    const created = await ctx.api.json(ctx.api.post(`/campaigns/${ctx.campaign.id}/uploads?fileName=e.csv`));
    const res = await ctx.api.put(`/campaigns/${ctx.campaign.id}/uploads/${created.uploadId}/parts/1`, 'phone_number,customer_name\r\n', { 'Content-Type': 'application/octet-stream' });
    const done = await ctx.api.post(`/campaigns/${ctx.campaign.id}/uploads/${created.uploadId}/complete`, { parts: [await res.json<any>()] });
    await expectError(done, 422, 'FILE_EMPTY');
    expect(await keysUnder(uploadsOf(ctx.workspaceId, created.uploadId))).toEqual([]);
    expect(await scopeBytes(ctx.workspaceId, created.uploadId)).toBeNull();
  });
});

describe('retention', () => {
  it('discards multipart uploads idle past their lifetime and keeps active ones', async () => {
    const ctx = await seededCampaign();
    const idle = await uploadWithPart(ctx);
    await runCron(Date.now() + 23 * 3_600_000);
    expect(await keysUnder(uploadsOf(ctx.workspaceId, idle.uploadId))).not.toEqual([]);
    // A day later: a second upload touched since stays.
    await env.DB.prepare('UPDATE storage_usage SET updated_at = ?1 WHERE scope = ?2').bind(new Date(Date.now() - 25 * 3_600_000).toISOString(), idle.uploadId).run();
    const active = await uploadWithPart(ctx);
    await runCron(Date.now());
    expect(await keysUnder(uploadsOf(ctx.workspaceId, idle.uploadId))).toEqual([]);
    expect(await multipartAlive(ctx.workspaceId, idle.uploadId, idle.r2UploadId, idle.part)).toBe(false);
    expect(await scopeBytes(ctx.workspaceId, idle.uploadId)).toBeNull();
    expect(await keysUnder(uploadsOf(ctx.workspaceId, active.uploadId))).not.toEqual([]);
    expect(await storageUsed(env, ctx.workspaceId)).toBe(active.bytes.length);
    const part = await ctx.api.put(`/campaigns/${ctx.campaign.id}/uploads/${idle.uploadId}/parts/2`, 'x', { 'Content-Type': 'application/octet-stream' });
    expect(part.status).toBe(404);
    // (The check can tell: the active upload's parts are still in R2.)
    expect(await multipartAlive(ctx.workspaceId, active.uploadId, active.r2UploadId, active.part)).toBe(true);
  });

  it('empties an ended import’s Durable Object storage after the retention period', async () => {
    const { api, campaign } = await seededCampaign();
    const view = await api.json(
      api.post(`/campaigns/${campaign.id}/imports?fileName=d.csv&ignoreErrors=true&notifyEmail=owner@example.com`, 'phone_number,customer_name\r\n+14152000011,A\r\n+14152000012,B\r\n', {
        'Content-Type': 'text/csv',
      }),
    );
    expect(view.status).toBe('completed');
    const stub = coordinator(env, view.id);
    const stored = () =>
      runInDurableObject(stub, async (_instance, state) => ({
        keys: [...(await state.storage.list()).keys()],
        alarm: await state.storage.getAlarm(),
        tables: state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'").toArray().map((r) => r.name),
        occurrences: state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE name = 'occurrences'").toArray().length
          ? state.storage.sql.exec<{ n: number }>('SELECT count(*) AS n FROM occurrences').one().n
          : 0,
      }));
    const before = await stored();
    expect(before.keys).toEqual(expect.arrayContaining(['config', 'state']));
    expect(before.occurrences).toBe(2);
    await runCron(Date.now() + 6 * DAY);
    expect((await stored()).keys).toEqual(expect.arrayContaining(['config', 'state']));
    await env.DB.prepare('UPDATE imports SET finished_at = ?1 WHERE id = ?2').bind(new Date(Date.now() - 8 * DAY).toISOString(), view.id).run();
    await runCron(Date.now());
    expect(await stored()).toEqual({ keys: [], alarm: null, tables: [], occurrences: 0 });
    // The import itself still answers, from its D1 row.
    expect(await api.json(api.get(`/imports/${view.id}`))).toMatchObject({ status: 'completed', importedRows: 2, totalRows: 2 });
  });

  it('refuses to purge a running import’s coordinator', async () => {
    const { api, campaign } = await seededCampaign();
    const created = await api.json(api.post('/imports', { campaignId: campaign.id, fileName: 'run.csv', headers: ['phone_number'], totalRows: 5000, ignoreErrors: true }));
    expect(await coordinator(env, created.id).purge()).toBe(false);
    expect((await coordinator(env, created.id).view()).status).toBe('queued');
  });

  it('deletes an error report after its lifetime, keeps the import’s counts, and counts storage right throughout', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const view = await api.json(
      api.post(`/campaigns/${campaign.id}/imports?fileName=r.csv&ignoreErrors=true`, 'phone_number,customer_name\r\n+14152000021,A\r\nbad,B\r\n', { 'Content-Type': 'text/csv' }),
    );
    const prefix = importPrefix(workspaceId, view.id);
    const report = (await env.UPLOADS.head(keys.report(workspaceId, view.id)))!;
    const end = Date.parse(view.finishedAt);
    await runCron(end + 8 * DAY);
    expect(await keysUnder(prefix)).toEqual([`${prefix}report.csv`]);
    // From now on the import holds only its report.
    expect(await scopeBytes(workspaceId, view.id)).toBe(report.size);
    expect(await storageUsed(env, workspaceId)).toBe(report.size);
    await runCron(end + 29 * DAY);
    expect((await api.get(`/imports/${view.id}/errors.csv`)).status).toBe(200);
    await runCron(end + 31 * DAY);
    expect(await keysUnder(prefix)).toEqual([]);
    expect(await storageUsed(env, workspaceId)).toBe(0);
    const row = await env.DB.prepare('SELECT report_deleted_at, purged_at FROM imports WHERE id = ?1').bind(view.id).first<any>();
    expect(row.report_deleted_at).not.toBeNull();
    expect(await api.json(api.get(`/imports/${view.id}`))).toMatchObject({ status: 'completed', totalRows: 2, importedRows: 1, failedRows: 1 });
  });

  it('answers 410 REPORT_EXPIRED for an error report past its lifetime', async () => {
    const { api, campaign } = await seededCampaign();
    const view = await api.json(
      api.post(`/campaigns/${campaign.id}/imports?fileName=x.csv&ignoreErrors=true`, 'phone_number,customer_name\r\n+14152000031,A\r\nbad,B\r\n', { 'Content-Type': 'text/csv' }),
    );
    await runCron(Date.parse(view.finishedAt) + 31 * DAY);
    const message = await expectError(await api.get(`/imports/${view.id}/errors.csv`), 410, 'REPORT_EXPIRED');
    expect(message).toMatch(/30 days/);
  });

  it('prunes rate-limit counters of ended windows', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const window = Math.floor(Date.now() / 60_000);
    await env.DB.prepare('INSERT INTO rate_limits (key, window, count) VALUES (?1, ?2, 5), (?1, ?3, 7)').bind(`imports:${workspaceId}`, window - 90, window - 1).run();
    expect((await api.post(`/campaigns/${campaign.id}/imports?fileName=l.csv`, 'phone_number,customer_name\r\n+14152000041,A\r\n', { 'Content-Type': 'text/csv' })).status).toBe(201);
    const rows = () => env.DB.prepare('SELECT window, count FROM rate_limits WHERE key = ?1 ORDER BY window').bind(`imports:${workspaceId}`).all<any>();
    const current = (await rows()).results.at(-1);
    expect(current).toMatchObject({ count: 1 });
    expect((await rows()).results).toHaveLength(3);
    await runCron(current.window * 60_000 + 30_000);
    expect((await rows()).results).toEqual([current]);
  });
});
