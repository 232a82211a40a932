/**
 * The review's abandoned browser import (L2) through POST /imports: created, no chunk ever sent.
 * Its coordinator arms the watchdog at creation, so it ends UPLOAD_ABANDONED after the idle hour
 * (the alarm is run here instead of waited for), and retention then purges its Durable Object's
 * storage (headers, notify address) like any ended import's.
 */
import { describe, expect, it } from 'vitest';
import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { seededCampaign } from './helpers.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { UPLOAD_IDLE_MS } from '../../workers/coordinator/watchdog.ts';
import { purgeExpiredUploads } from '../../workers/retention/retention.ts';

describe('a browser import created without chunks', () => {
  it('gets its alarm at creation, ends UPLOAD_ABANDONED, and is purged by retention', async () => {
    const { api, campaign } = await seededCampaign();
    const before = Date.now();
    const res = await api.post('/imports', {
      campaignId: campaign.id,
      fileName: 'never-uploaded.csv',
      headers: ['phone_number', 'customer_name'],
      notifyEmail: 'ops@example.com',
    });
    expect(res.status).toBe(201);
    const created = await res.json<any>();
    expect(created.status).toBe('queued');
    const coord = coordinator(env, created.id);
    const alarm = await runInDurableObject(coord, (_, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    expect(alarm!).toBeGreaterThanOrEqual(before + UPLOAD_IDLE_MS);
    expect(alarm!).toBeLessThanOrEqual(Date.now() + UPLOAD_IDLE_MS);

    // The idle hour passes: the alarm fires.
    expect(await runDurableObjectAlarm(coord)).toBe(true);
    const ended = await api.json(api.get(`/imports/${created.id}`));
    expect(ended).toMatchObject({ status: 'failed', failure: { code: 'UPLOAD_ABANDONED' } });
    expect(ended.finishedAt).toEqual(expect.any(String));
    const row = await env.DB.prepare('SELECT status, finished_at, purged_at FROM imports WHERE id = ?1').bind(created.id).first<any>();
    expect(row).toMatchObject({ status: 'failed', purged_at: null });
    expect(row.finished_at).toEqual(expect.any(String));

    // Seven days later retention empties its Durable Object (the notify address and headers go).
    await purgeExpiredUploads(env, Date.parse(row.finished_at) + 8 * 86_400_000);
    expect((await env.DB.prepare('SELECT purged_at FROM imports WHERE id = ?1').bind(created.id).first<any>()).purged_at).toEqual(expect.any(String));
    const left = await runInDurableObject(coord, async (_, state) => ({ keys: [...(await state.storage.list()).keys()], alarm: await state.storage.getAlarm() }));
    expect(left).toEqual({ keys: [], alarm: null });
  });
});
