/**
 * Webhooks as DESIGN.md says, driven through the API and the Worker's own queue to a receiver on
 * the loopback address (test/worker/webhook-receiver.ts): endpoints and their secrets, the SSRF
 * guard, Standard Webhooks signatures verified on every request, a failure retried with the same
 * webhook-id on the schedule, 410 disabling, Retry-After, no redirects, at most 1 KB of an answer
 * kept, rotation with both signatures, manual retry, the test event, the event filter, 5 days of
 * failures, the list import's event, and 1,000 imports ending at once delivered exactly once.
 */
import { describe, expect, inject, it } from 'vitest';
import { env, createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import worker from '../../workers/index.ts';
import { app } from '../../workers/api/app.ts';
import { client, createWorkspace, seededCampaign } from './helpers.ts';
import { csv } from './csv.ts';
import { eventually } from './outbox-helpers.ts';
import { insertImport, findImport, rowToView } from '../../workers/imports/imports.ts';
import { recordImportState } from '../../workers/lifecycle/import-lifecycle.ts';
import { newId } from '../../workers/db/ids.ts';
import type { Received } from './webhook-receiver.ts';
import type { Env } from '../../workers/env.ts';

const receiver = () => `http://127.0.0.1:${inject('receiverPort')}`;
const bucket = () => newId('b', 10);
const hookUrl = (b: string, mode = 'ok') => `${receiver()}/r/${b}/${mode}`;
const received = async (b: string): Promise<Received[]> => (await fetch(`${receiver()}/log/${b}`)).json();
const receivedAtLeast = (b: string, n: number, timeoutMs = 60_000) => eventually(async () => ((await received(b)).length >= n ? received(b) : null), `${n} requests at ${b}`, timeoutMs);

/** Verifies a request as a receiver does (standardwebhooks); returns the parsed body. */
function verified(secret: string, r: Received): any {
  return new Webhook(secret).verify(r.body, { 'webhook-id': r.headers['webhook-id']!, 'webhook-timestamp': r.headers['webhook-timestamp']!, 'webhook-signature': r.headers['webhook-signature']! });
}

async function importSmall(api: ReturnType<typeof client>, campaignId: string, rows = [['+14152000901', 'A'], ['bad', 'B']]) {
  const res = await api.post(`/campaigns/${campaignId}/imports?fileName=hook.csv&ignoreErrors=true`, csv([['phone_number', 'customer_name'], ...rows]), { 'Content-Type': 'text/csv' });
  expect(res.status).toBe(201);
  return res.json<any>();
}

async function deliveriesOf(api: ReturnType<typeof client>, endpointId: string) {
  return (await api.json(api.get(`/webhooks/${endpointId}/deliveries`))).items as any[];
}

describe('webhook endpoints', () => {
  it('create shows a whsec_ secret of 32 random bytes once; list and read never show it; delete answers 204; another workspace sees 404', async () => {
    const { api } = await seededCampaign();
    const res = await api.post('/webhooks', { url: 'https://hooks.example.com/leads', description: 'CRM sync' });
    expect(res.status).toBe(201);
    const created = await res.json<any>();
    expect(created).toMatchObject({ id: expect.stringMatching(/^whk_/), url: 'https://hooks.example.com/leads', description: 'CRM sync', createdAt: expect.any(String) });
    expect(created.events).toEqual(['import.completed', 'import.failed', 'import.cancelled', 'import.undone', 'suppression_import.completed']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(created.secret.slice(6))).toHaveLength(32);
    const listed = await api.json(api.get('/webhooks'));
    expect(listed.items.map((e: any) => e.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(await api.json(api.get(`/webhooks/${created.id}`)))).not.toContain('whsec_');
    const filtered = await api.json(api.post('/webhooks', { url: 'https://hooks.example.com/failures', events: ['import.failed', 'import.cancelled'] }));
    expect(filtered.events).toEqual(['import.failed', 'import.cancelled']);
    const other = client((await createWorkspace('other')).token);
    expect((await other.get(`/webhooks/${created.id}`)).status).toBe(404);
    expect((await other.del(`/webhooks/${created.id}`)).status).toBe(404);
    expect((await api.del(`/webhooks/${created.id}`)).status).toBe(204);
    expect((await api.get(`/webhooks/${created.id}`)).status).toBe(404);
    const bad = await api.post('/webhooks', { url: 'https://hooks.example.com/x', events: ['import.exploded'] });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses plain http and private, loopback, link-local and metadata addresses with 422 WEBHOOK_URL_NOT_ALLOWED when WEBHOOK_ALLOW_PRIVATE is not set', async () => {
    const { token } = await seededCampaign();
    const deployed = { ...(env as Env), WEBHOOK_ALLOW_PRIVATE: undefined };
    const post = (url: string) =>
      app.fetch(new Request('http://example.com/api/v1/webhooks', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ url }) }), deployed, createExecutionContext());
    for (const url of ['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://0x7f.1/x', 'https://[::1]/x', 'https://169.254.169.254/latest', 'https://10.0.0.5/x', 'https://localhost:8443/x', 'https://metadata.google.internal/']) {
      const res = await post(url);
      expect(res.status, url).toBe(422);
      expect((await res.json<any>()).error.code, url).toBe('WEBHOOK_URL_NOT_ALLOWED');
    }
    expect((await post('https://hooks.example.com/x')).status).toBe(201);
    // And a URL that was allowed is checked again on every delivery: switched off, the attempt fails without a request.
  });
});

describe('webhook deliveries', () => {
  it('signs every request as Standard Webhooks says, and retries a failure with the same webhook-id after about 5 s', async () => {
    const { api, campaign } = await seededCampaign();
    const b = bucket();
    const endpoint = await api.json(api.post('/webhooks', { url: hookUrl(b, 'fail-once') }));
    const view = await importSmall(api, campaign.id);
    const [first, second] = await receivedAtLeast(b, 2, 30_000);
    expect([first!.answered, second!.answered]).toEqual([500, 200]);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    for (const r of [first!, second!]) {
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(r.headers['content-type']).toBe('application/json');
      const body = verified(endpoint.secret, r);
      expect(body).toMatchObject({
        type: 'import.completed',
        timestamp: expect.any(String),
        data: { importId: view.id, campaignId: campaign.id, status: 'completed', totalRows: 2, importedRows: 1, createdRows: 1, updatedRows: 0, failedRows: 1 },
      });
      // The signature is HMAC-SHA256 of id.timestamp.body with the decoded secret: checked by hand too.
      const key = await crypto.subtle.importKey('raw', Uint8Array.from(atob(endpoint.secret.slice(6)), (c) => c.charCodeAt(0)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`)));
      expect(r.headers['webhook-signature']).toBe(`v1,${btoa(String.fromCharCode(...mac))}`);
    }
    // The signed links in the body open without a token.
    const data = JSON.parse(second!.body).data;
    for (const link of [data.errorReportUrl, data.leadsUrl]) {
      const u = new URL(link);
      expect((await worker.fetch!(new Request(`http://example.com${u.pathname}${u.search}`) as any, env as Env, createExecutionContext())).status, link).toBe(200);
    }
    // The log: one delivery, two attempts (500 then 200), the retry scheduled 5 s ± 10% after the first.
    const [delivery] = await deliveriesOf(api, endpoint.id);
    expect(delivery).toMatchObject({ event: 'import.completed', eventId: first!.headers['webhook-id'], attempt: 2, status: 'succeeded', responseStatus: 200, nextAttemptAt: null });
    const detail = await api.json(api.get(`/webhooks/${endpoint.id}/deliveries/${delivery.id}`));
    expect(detail.attempts.map((a: any) => [a.attempt, a.responseStatus, a.responseBody])).toEqual([[1, 500, 'ok'], [2, 200, 'ok']]);
    const wait = Date.parse(detail.attempts[1].at) - Date.parse(detail.attempts[0].at);
    expect(wait).toBeGreaterThanOrEqual(4_500);
  });

  it('a 410 disables the endpoint: no later event is sent to it', async () => {
    const { api, campaign } = await seededCampaign();
    const b = bucket();
    const endpoint = await api.json(api.post('/webhooks', { url: hookUrl(b, 'gone') }));
    await importSmall(api, campaign.id);
    await receivedAtLeast(b, 1);
    const disabled = await eventually(async () => {
      const e = await api.json(api.get(`/webhooks/${endpoint.id}`));
      return e.enabled === false ? e : null;
    }, 'the endpoint disabled');
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'GONE' });
    const [delivery] = await deliveriesOf(api, endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', attempt: 1, responseStatus: 410 });
    // A later import's end fans out to enabled endpoints only; the retry of a disabled one is refused.
    const b2 = bucket();
    const live = await api.json(api.post('/webhooks', { url: hookUrl(b2) }));
    await importSmall(api, campaign.id, [['+14152000902', 'C']]);
    await receivedAtLeast(b2, 1);
    expect(await received(b)).toHaveLength(1);
    expect((await deliveriesOf(api, live.id)).length).toBe(1);
    const retry = await api.post(`/webhooks/${endpoint.id}/deliveries/${delivery.id}/retry`);
    expect(retry.status).toBe(409);
    expect((await retry.json<any>()).error.code).toBe('WEBHOOK_DISABLED');
  });

  it('honours Retry-After, follows no redirect, and keeps at most 1 KB of an answer', async () => {
    const { api, campaign } = await seededCampaign();
    const [late, moved, big] = [bucket(), bucket(), bucket()];
    const endpoints = await Promise.all([hookUrl(late, 'retry-after'), hookUrl(moved, 'redirect'), hookUrl(big, 'big')].map((url) => api.json(api.post('/webhooks', { url }))));
    await importSmall(api, campaign.id);
    await Promise.all([late, moved, big].map((b) => receivedAtLeast(b, 1)));
    const first = async (i: number) => eventually(async () => (await deliveriesOf(api, endpoints[i].id)).find((d) => d.responseStatus !== null), 'an attempt recorded');
    // 503 with Retry-After: 7 → the next attempt no sooner than 7 s later (the schedule alone says about 5 s).
    const retrying = await first(0);
    expect(retrying).toMatchObject({ status: 'pending', attempt: 1, responseStatus: 503 });
    expect(Date.parse(retrying.nextAttemptAt) - Date.parse(retrying.at)).toBeGreaterThanOrEqual(7_000);
    // A 302 is a failure and is not followed: nothing reached the target it named.
    const redirected = await first(1);
    expect(redirected).toMatchObject({ attempt: 1, responseStatus: 302, status: 'pending' });
    expect((await received(moved)).map((r) => r.path)).toEqual([`/r/${moved}/redirect`]);
    // A 5,000-byte answer: 1,024 bytes kept.
    const bigOne = await eventually(async () => (await deliveriesOf(api, endpoints[2].id)).find((d) => d.status === 'succeeded'), 'the big answer');
    const detail = await api.json(api.get(`/webhooks/${endpoints[2].id}/deliveries/${bigOne.id}`));
    expect(detail.attempts[0].responseBody).toBe('x'.repeat(1024));
  });

  it('rotating the secret signs with both secrets during the grace period; receivers holding either verify', async () => {
    const { api, campaign } = await seededCampaign();
    const b = bucket();
    const endpoint = await api.json(api.post('/webhooks', { url: hookUrl(b) }));
    const rotated = await api.json(api.post(`/webhooks/${endpoint.id}/rotate-secret`));
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await importSmall(api, campaign.id);
    const [r] = await receivedAtLeast(b, 1);
    expect(r!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verified(rotated.secret, r!).type).toBe('import.completed');
    expect(verified(endpoint.secret, r!).type).toBe('import.completed');
    expect(() => verified(`whsec_${btoa('x'.repeat(32))}`, r!)).toThrow();
  });

  it('a manual retry sends the same id and body again now; the scheduled attempt it overtook then sends nothing', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const b = bucket();
    const endpoint = await api.json(api.post('/webhooks', { url: hookUrl(b, 'fail-once') }));
    await importSmall(api, campaign.id);
    await receivedAtLeast(b, 1);
    const failed = await eventually(async () => (await deliveriesOf(api, endpoint.id)).find((d) => d.attempt === 1 && d.status === 'pending' && d.responseStatus === 500), 'the first attempt recorded');
    const retry = await api.post(`/webhooks/${endpoint.id}/deliveries/${failed.id}/retry`);
    expect(retry.status).toBe(202);
    const requests = await receivedAtLeast(b, 2);
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    await eventually(async () => (await deliveriesOf(api, endpoint.id))[0].status === 'succeeded', 'the retry recorded');
    // The attempt the schedule queued (5 s after the first) arrives and finds attempt 2 already made.
    expect(await deliver([{ kind: 'webhook', workspaceId, deliveryId: failed.id, attempt: 1 }])).toEqual([]);
    expect(await received(b)).toHaveLength(2);
  });

  it('sends a test event to that endpoint alone, and subscribes each endpoint to its events only', async () => {
    const { api, campaign } = await seededCampaign();
    const [all, failures] = [bucket(), bucket()];
    const everything = await api.json(api.post('/webhooks', { url: hookUrl(all) }));
    const onlyFailed = await api.json(api.post('/webhooks', { url: hookUrl(failures), events: ['import.failed'] }));
    const test = await api.post(`/webhooks/${onlyFailed.id}/test`);
    expect(test.status).toBe(202);
    const [r] = await receivedAtLeast(failures, 1);
    expect(verified(onlyFailed.secret, r!)).toMatchObject({ type: 'webhook.test', data: { webhookId: onlyFailed.id } });
    // A completed import goes to the endpoint subscribed to everything only.
    await importSmall(api, campaign.id);
    const [done] = await receivedAtLeast(all, 1);
    expect(verified(everything.secret, done!).type).toBe('import.completed');
    // ignoreErrors off with an invalid row: the import fails, and both endpoints hear of it.
    const failedImport = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=f.csv&ignoreErrors=false`, 'phone_number,customer_name\r\nbad,A\r\n', { 'Content-Type': 'text/csv' }));
    expect(failedImport.status).toBe('failed');
    const got = await receivedAtLeast(failures, 2);
    expect(verified(onlyFailed.secret, got[1]!)).toMatchObject({ type: 'import.failed', data: { importId: failedImport.id, status: 'failed' } });
    expect((await receivedAtLeast(all, 2)).map((x) => JSON.parse(x.body).type)).toEqual(['import.completed', 'import.failed']);
  });

  it('an endpoint failing for 5 days is disabled', async () => {
    const { api, campaign } = await seededCampaign();
    const b = bucket();
    const endpoint = await api.json(api.post('/webhooks', { url: hookUrl(b, 'fail'), alertEmail: 'ops@example.com' }));
    // Its failures began 5 days ago (the streak a success would have reset).
    await env.DB.prepare('UPDATE webhook_endpoints SET failing_since = ?2 WHERE id = ?1').bind(endpoint.id, new Date(Date.now() - 5 * 86_400_000 - 1).toISOString()).run();
    await importSmall(api, campaign.id);
    const disabled = await eventually(async () => {
      const e = await api.json(api.get(`/webhooks/${endpoint.id}`));
      return e.enabled === false ? e : null;
    }, 'the endpoint disabled');
    expect(disabled.disabledReason).toBe('FAILING');
    expect((await deliveriesOf(api, endpoint.id))[0]).toMatchObject({ status: 'failed', attempt: 1, responseStatus: 500 });
    // Enabled again by its owner: the streak starts over.
    const enabled = await api.json(api.patch(`/webhooks/${endpoint.id}`, { enabled: true }));
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it('a background suppression list import announces suppression_import.completed', async () => {
    const { api } = await seededCampaign();
    const b = bucket();
    const endpoint = await api.json(api.post('/webhooks', { url: hookUrl(b), events: ['suppression_import.completed'] }));
    const res = await api.post('/suppressions/import?fileName=dnc.csv', csv([['phone_number'], ['+14152000951'], ['+14152000952'], ['nope']]), { 'Content-Type': 'text/csv', Prefer: 'respond-async' });
    expect(res.status).toBe(202);
    const job = await res.json<any>();
    const [r] = await receivedAtLeast(b, 1);
    expect(verified(endpoint.secret, r!)).toMatchObject({ type: 'suppression_import.completed', data: { importId: job.id, status: 'completed', totalRows: 3, added: 2, alreadyPresent: 0, invalidRows: 1 } });
  });

  it('a webhook message delivered twice at once posts once', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const b = bucket();
    const endpoint = await api.json(api.post('/webhooks', { url: hookUrl(b) }));
    await importSmall(api, campaign.id);
    await receivedAtLeast(b, 1);
    const [d] = await deliveriesOf(api, endpoint.id);
    expect(await Promise.all([deliver([{ kind: 'webhook', workspaceId, deliveryId: d.id, attempt: 0 }]), deliver([{ kind: 'webhook', workspaceId, deliveryId: d.id, attempt: 0 }])])).toEqual([[], []]);
    expect(await received(b)).toHaveLength(1);
  });
});

describe('webhooks at volume', () => {
  const N = 1_000;
  it('1,000 imports ending within a minute deliver 1,000 events to each of two endpoints, each exactly once, every signature valid', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const [a, b] = [bucket(), bucket()];
    const endpoints = await Promise.all([a, b].map((x) => api.json(api.post('/webhooks', { url: hookUrl(x) }))));
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const id = newId('imp');
      ids.push(id);
      await insertImport(env as Env, { id, workspaceId, campaignId: campaign.id, fileName: `bulk-${i}.csv`, source: 'api', status: 'importing', ignoreErrors: true, errorCounts: {}, createdAt: new Date().toISOString() });
    }
    // Every end passes through the lifecycle, 50 at a time.
    for (let i = 0; i < ids.length; i += 50) {
      await Promise.all(
        ids.slice(i, i + 50).map(async (id) => {
          const view = rowToView(await findImport(env as Env, workspaceId, id));
          await recordImportState(env as Env, workspaceId, { ...view, status: 'completed', totalRows: 1, processedRows: 1, importedRows: 1, createdRows: 1, finishedAt: new Date().toISOString() });
        }),
      );
    }
    const outbox = await env.DB.prepare("SELECT count(*) AS n FROM outbox_events WHERE workspace_id = ?1 AND type = 'import.completed'").bind(workspaceId).first<{ n: number }>();
    expect(outbox!.n).toBe(N);
    for (const [i, x] of [a, b].entries()) {
      const got = await receivedAtLeast(x, N, 240_000);
      expect(got).toHaveLength(N);
      expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(N);
      const importIds = got.map((r) => verified(endpoints[i].secret, r).data.importId).sort();
      expect(importIds).toEqual([...ids].sort());
    }
    const stats = await env.DB.prepare("SELECT status, attempt, count(*) AS n FROM webhook_deliveries WHERE workspace_id = ?1 GROUP BY status, attempt").bind(workspaceId).all<any>();
    expect(stats.results).toEqual([{ status: 'succeeded', attempt: 1, n: 2 * N }]);
  }, 300_000);
});

/** Delivers queue messages to the Worker's consumer; returns the ids it asked to retry. */
async function deliver(bodies: unknown[]): Promise<string[]> {
  const batch = createMessageBatch('lead-import-events', bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue!(batch as any, env as Env, ctx);
  return (await getQueueResult(batch, ctx)).retryMessages.map((m) => m.msgId);
}
