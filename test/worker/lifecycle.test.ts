/**
 * The import lifecycle's one owner (workers/lifecycle): every end is written to D1 with its outbox
 * event in one batch and announced exactly once, whatever is redelivered and wherever a crash
 * comes: between the Durable Object storing the end and D1 recording it (the alarm announces it),
 * between the D1 commit and the queue hand-off (the relay hands it off), between claiming the
 * email and sending it (the claim's lease runs out). A cancelled import sends its email.
 */
import { describe, expect, it } from 'vitest';
import { env, createExecutionContext, createMessageBatch, getQueueResult, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign } from './helpers.ts';
import { decodeMail } from '../mail.ts';
import { eventsOf, sentEmailOf } from './outbox-helpers.ts';
import { coordinator } from '../../workers/coordinator/coordinator.ts';
import { finalizeImport } from '../../workers/report/finalize.ts';
import { recordImportState } from '../../workers/lifecycle/import-lifecycle.ts';
import { consumeEvent } from '../../workers/lifecycle/consume-event.ts';
import { emailEvent } from '../../workers/notify/email-event.ts';
import { readEvent } from '../../workers/lifecycle/outbox.ts';
import { MINUTE_CRON } from '../../workers/lifecycle/minutely.ts';
import type { State } from '../../workers/coordinator/state.ts';
import type { Env } from '../../workers/env.ts';

/** A queue that keeps what is sent (the test delivers it, or not). */
function heldQueue() {
  const sent: any[] = [];
  return { sent, queue: { send: async (b: any) => void sent.push(b), sendBatch: async (b: any[]) => void sent.push(...b.map((m) => m.body)) } };
}
const dyingQueue = { send: async () => { throw new Error('crashed'); }, sendBatch: async () => { throw new Error('crashed'); } };

/** Delivers queue messages to the Worker's consumer; returns the ids it asked to retry. */
async function deliver(bodies: unknown[], environment: Env = env as Env): Promise<string[]> {
  const batch = createMessageBatch('lead-import-events', bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue!(batch as any, environment, ctx);
  return (await getQueueResult(batch, ctx)).retryMessages.map((m) => m.msgId);
}

/** Runs the minute cron (outbox relay and webhook sweep) as at `at`. */
async function runMinuteCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled!({ cron: MINUTE_CRON, scheduledTime: at, noRetry() {} } as ScheduledController, env as Env, ctx);
  const { waitOnExecutionContext } = await import('cloudflare:test');
  await waitOnExecutionContext(ctx);
}

/** A browser-path import with one chunk uploaded and not started: it waits in `queued` until told. */
async function waitingImport(notifyEmail: string | null = 'ops@example.com') {
  const ctx = await seededCampaign();
  const created = await ctx.api.json(
    ctx.api.post('/imports', { campaignId: ctx.campaign.id, fileName: 'waiting.csv', headers: ['phone_number', 'customer_name'], totalRows: 1, ignoreErrors: true, ...(notifyEmail ? { notifyEmail } : {}) }),
  );
  expect((await ctx.api.put(`/imports/${created.id}/chunks/0`, { v: 1, index: 0, rows: [{ row: 1, cells: ['+14152000801', 'Ann'] }] })).status).toBe(200);
  return { ...ctx, id: created.id as string };
}

const row = (id: string) => env.DB.prepare('SELECT status, finished_at FROM imports WHERE id = ?1').bind(id).first<{ status: string; finished_at: string | null }>();

describe('import lifecycle: one owner, an outbox, each end announced once', () => {
  it('a cancelled import sends its email, saying it was cancelled (DELETE /imports/{id})', async () => {
    const { api, id } = await waitingImport();
    const res = await api.del(`/imports/${id}`);
    expect(res.status).toBe(200);
    expect((await res.json<any>()).status).toBe('cancelled');
    expect(await row(id)).toMatchObject({ status: 'cancelled' });
    const { event, to, raw } = await sentEmailOf(id);
    expect(event).toMatchObject({ type: 'import.cancelled', email_attempts: 1 });
    expect(to).toBe('ops@example.com');
    const mail = decodeMail(raw);
    expect(mail.subject).toMatch(/^Lead import was cancelled: waiting\.csv/);
    expect(mail.text).toMatch(/^Your lead import was cancelled\./);
    expect(JSON.parse(event.data)).toMatchObject({ importId: id, status: 'cancelled', totalRows: 0, importedRows: 0 });
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('an end repeated by redelivered messages is written and announced once; a redelivered event sends no second email', async () => {
    const { api, campaign, workspaceId } = await seededCampaign();
    const view = await api.json(
      api.post(`/campaigns/${campaign.id}/imports?fileName=once.csv&ignoreErrors=true`, 'phone_number,customer_name\r\n+14152000811,A\r\nbad,B\r\n', {
        'Content-Type': 'text/csv',
        'X-Notify-Email': 'ops@example.com',
      }),
    );
    expect(view.status).toBe('completed');
    const { event } = await sentEmailOf(view.id);
    // A finalize message redelivered twice, the coordinator asked to announce again, the event message delivered again.
    await finalizeImport(env as Env, workspaceId, view.id);
    await finalizeImport(env as Env, workspaceId, view.id);
    await coordinator(env, view.id).announce();
    expect(await deliver([{ kind: 'event', workspaceId, eventId: event.id }, { kind: 'event', workspaceId, eventId: event.id }])).toEqual([]);
    const events = await eventsOf(view.id);
    expect(events.map((e) => [e.type, e.email_attempts, !!e.email_sent_at])).toEqual([['import.completed', 1, true]]);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ importId: view.id, campaignId: campaign.id, status: 'completed', totalRows: 2, importedRows: 1, createdRows: 1, updatedRows: 0, failedRows: 1 });
    expect(JSON.parse(events[0]!.data).errorReportUrl).toMatch(new RegExp(`/api/v1/links/imports/${view.id}/errors\\.csv\\?exp=\\d+&sig=[0-9a-f]{64}$`));
  });

  it('a crash after the coordinator stored the end but before D1 recorded it: the alarm records and announces it, once', async () => {
    const { id } = await waitingImport();
    const stub = coordinator(env, id);
    // What storage holds after such a crash: the end, not yet announced, the alarm armed.
    await runInDurableObject(stub as any, async (_instance, state: DurableObjectState) => {
      const s = (await state.storage.get<State>('state'))!;
      await state.storage.put('state', { ...s, status: 'cancelled', phase: 'done', finishedAt: new Date().toISOString(), announced: false });
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await row(id)).toMatchObject({ status: 'queued' });
    expect(await eventsOf(id)).toEqual([]);
    expect(await runDurableObjectAlarm(stub as any)).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'cancelled' });
    const { event } = await sentEmailOf(id);
    expect(event.type).toBe('import.cancelled');
    // Announced: no alarm is left, and announcing again writes nothing new.
    expect(await runDurableObjectAlarm(stub as any)).toBe(false);
    await stub.announce();
    expect((await eventsOf(id)).map((e) => [e.type, e.email_attempts])).toEqual([['import.cancelled', 1]]);
  });

  it('a crash between the D1 commit and the queue hand-off: the relay hands the event off, and it is consumed once', async () => {
    const { id, workspaceId } = await waitingImport();
    const view = await coordinator(env, id).view();
    const ended = { ...view, status: 'failed' as const, failure: { code: 'STALLED', message: 'Stopped.' }, finishedAt: new Date().toISOString() };
    await expect(recordImportState({ ...(env as Env), EVENT_QUEUE: dyingQueue as any }, workspaceId, ended)).rejects.toThrow('crashed');
    // Committed: the row and its event, not handed off.
    expect(await row(id)).toMatchObject({ status: 'failed' });
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({ type: 'import.failed', dispatched_at: null, email_sent_at: null });
    // Recording it again (a retry of the caller) writes no second event.
    const held = heldQueue();
    await recordImportState({ ...(env as Env), EVENT_QUEUE: held.queue as any }, workspaceId, ended);
    expect(held.sent).toEqual([{ kind: 'event', workspaceId, eventId: event!.id }]);
    // Were that hand-off lost too, the minute relay hands it off; the email goes once.
    await env.DB.prepare('UPDATE outbox_events SET dispatched_at = NULL WHERE id = ?1').bind(event!.id).run();
    await runMinuteCron(Date.now() + 2 * 60_000);
    const sent = await sentEmailOf(id);
    expect(decodeMail(sent.raw).subject).toMatch(/^Lead import failed: waiting\.csv/);
    await runMinuteCron(Date.now() + 3 * 60_000);
    expect(await deliver([{ kind: 'event', workspaceId, eventId: event!.id }])).toEqual([]);
    expect((await eventsOf(id)).map((e) => [e.type, e.email_attempts])).toEqual([['import.failed', 1]]);
  });

  it('the email: a failed send is retried, a claim whose sender crashed is taken over after its lease, a sent one never repeats', async () => {
    const { id, workspaceId } = await waitingImport();
    const view = await coordinator(env, id).view();
    const held = heldQueue();
    const heldEnv = { ...(env as Env), EVENT_QUEUE: held.queue as any };
    await recordImportState(heldEnv, workspaceId, { ...view, status: 'cancelled', finishedAt: new Date().toISOString() });
    const [{ eventId }] = held.sent;
    // The binding fails: the claim is released and the message retried.
    const failing = { ...heldEnv, EMAIL: { send: async () => { throw new Error('smtp down'); } } as unknown as SendEmail };
    await expect(emailEvent(failing, (await readEvent(env as Env, eventId))!)).rejects.toThrow('smtp down');
    expect(await readEvent(env as Env, eventId)).toMatchObject({ email_claimed_at: null, email_sent_at: null, email_attempts: 1 });
    // A sender claims it and dies before sending: within the lease nobody else sends ...
    await env.DB.prepare('UPDATE outbox_events SET email_claimed_at = ?2, email_attempts = email_attempts + 1 WHERE id = ?1').bind(eventId, new Date().toISOString()).run();
    const sends: string[] = [];
    const capturing = { ...heldEnv, EMAIL: { send: async (m: EmailMessage) => (sends.push(m.to), { messageId: 'x' }) } as unknown as SendEmail };
    expect(await emailEvent(capturing, (await readEvent(env as Env, eventId))!)).toBe('taken');
    // ... and after it, the email is sent, once.
    const later = Date.now() + 3 * 60_000;
    expect(await emailEvent(capturing, (await readEvent(env as Env, eventId))!, later)).toBe('sent');
    expect(await emailEvent(capturing, (await readEvent(env as Env, eventId))!, later)).toBe('none');
    await consumeEvent(capturing, eventId, later);
    expect(sends).toEqual(['ops@example.com']);
  });

  it('the D1 status only moves forward: a late copy of a running state never overwrites an end', async () => {
    const { id, workspaceId } = await waitingImport(null);
    const view = await coordinator(env, id).view();
    const held = heldQueue();
    const heldEnv = { ...(env as Env), EVENT_QUEUE: held.queue as any };
    await recordImportState(heldEnv, workspaceId, { ...view, status: 'completed', finishedAt: new Date().toISOString() });
    await recordImportState(heldEnv, workspaceId, { ...view, status: 'validating' });
    await recordImportState(heldEnv, workspaceId, { ...view, status: 'failed', finishedAt: new Date().toISOString() });
    expect(await row(id)).toMatchObject({ status: 'completed' });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['import.completed']);
    // Without an address there is no email, and nothing waits for one.
    await consumeEvent(heldEnv, held.sent[0].eventId);
    expect((await eventsOf(id))[0]).toMatchObject({ email_attempts: 0, email_sent_at: null });
    expect((await eventsOf(id))[0]!.webhooks_fanned_at).not.toBeNull();
  });
});
