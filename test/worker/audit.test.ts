/** The audit log: who did what, written with the change, newest first with a cursor, filters, CSV, no secrets or numbers, retention. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { addMember, address, call, signIn } from './people.ts';
import { pruneAudit } from '../../workers/audit/prune-audit.ts';
import { recordAudit } from '../../workers/audit/record-audit.ts';
import type { Env } from '../../workers/env.ts';

describe('audit log', () => {
  it('records imports, undo, suppression changes, campaigns, assistants and the allow-list with their actor', async () => {
    const { workspaceId, token, campaign, assistant } = await seededCampaign();
    const email = address('auditor');
    const userId = await addMember(workspaceId, email, 'owner');
    const cookie = await signIn(email);
    const csv = 'phone_number,customer_name\r\n+14155550101,Ann\r\n';
    const res = await fetchRaw(`/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=a.csv`, csv, cookie);
    expect(res.status).toBe(201);
    const imp = await res.json<any>();
    expect((await call('POST', `/imports/${imp.id}/undo`, { cookie })).status).toBeLessThan(300);
    await call('POST', '/suppressions', { token, body: { phoneNumbers: ['+14155550199'] } });
    await call('DELETE', `/suppressions/${encodeURIComponent('+14155550199')}`, { cookie });
    await call('PATCH', `/campaigns/${campaign.id}`, { token, body: { name: 'Renamed' } });
    await call('PATCH', `/assistants/${assistant.id}`, { cookie, body: { name: 'Renamed assistant' } });
    await call('PUT', '/workspace/notify-emails', { cookie, body: { items: ['@example.com', 'ops@acme.test'] } });

    const { items } = await (await call('GET', '/audit?limit=200', { cookie })).json<any>();
    const byAction = (a: string) => items.find((i: any) => i.action === a);
    expect(byAction('import.created')).toMatchObject({ actor: { type: 'user', id: userId, name: email }, target: { type: 'import', id: imp.id }, details: { fileName: 'a.csv', campaignId: campaign.id } });
    expect(byAction('import.undone')).toMatchObject({ actor: { type: 'user', id: userId }, target: { id: imp.id } });
    expect(byAction('suppression.added')).toMatchObject({ actor: { type: 'token' }, details: { added: 1 } });
    expect(byAction('suppression.removed')).toMatchObject({ actor: { type: 'user' }, target: { type: 'phone_number', id: '+14155550199' } });
    expect(byAction('campaign.created')).toMatchObject({ actor: { type: 'token' }, target: { id: campaign.id } });
    expect(byAction('campaign.updated')).toMatchObject({ details: { fields: ['name'] } });
    expect(byAction('assistant.created')).toMatchObject({ target: { id: assistant.id } });
    expect(byAction('assistant.updated')).toMatchObject({ actor: { type: 'user' } });
    expect(byAction('notify_emails.updated')).toMatchObject({ details: { added: ['ops@acme.test'], removed: [] } });
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['action', 'actor', 'at', 'details', 'id', 'target']);
      // No phone number anywhere, except the number taken off the list.
      if (item.action !== 'suppression.removed') expect(JSON.stringify(item)).not.toMatch(/\+?1415555\d{4}/);
    }
    // Newest first.
    const ats = items.map((i: any) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
  });

  it('pages with a cursor, filters by action, actor and time, and exports CSV', async () => {
    const { workspaceId, token } = await seededCampaign();
    const base = { workspaceId, action: 'campaign.updated' as const, target: { type: 'campaign', id: 'cmp_x' } };
    for (let i = 0; i < 5; i++) await recordAudit(env as Env, { ...base, actor: { type: 'token', id: `tok_${i % 2}`, name: `=cmd|' /C calc'!A${i}` }, details: { n: i } });
    const first = await (await call('GET', '/audit?action=campaign.updated&limit=2', { token })).json<any>();
    expect(first.items.map((i: any) => i.details.n)).toEqual([4, 3]);
    const second = await (await call('GET', `/audit?action=campaign.updated&limit=2&cursor=${first.nextCursor}`, { token })).json<any>();
    expect(second.items.map((i: any) => i.details.n)).toEqual([2, 1]);
    const third = await (await call('GET', `/audit?action=campaign.updated&limit=2&cursor=${second.nextCursor}`, { token })).json<any>();
    expect(third.items.map((i: any) => i.details.n)).toEqual([0]);
    expect(third.nextCursor).toBeNull();
    const byActor = await (await call('GET', '/audit?actorId=tok_1', { token })).json<any>();
    expect(byActor.items.map((i: any) => i.details.n)).toEqual([3, 1]);
    const future = await (await call('GET', `/audit?from=${new Date(Date.now() + 60_000).toISOString()}`, { token })).json<any>();
    expect(future.items).toEqual([]);

    const csv = await (await call('GET', '/audit.csv?action=campaign.updated', { token })).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor_type,actor_id,actor_name,action,target_type,target_id,details');
    expect(lines).toHaveLength(6);
    // A name that looks like a formula is neutralised for Excel.
    expect(lines[1]).toContain(`"'=cmd|' /C calc'!A4"`);
    const bad = await call('GET', '/audit?limit=0', { token });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/audit?cursor=abc', { token })).status).toBe(400);
  });

  it('keeps entries two years (configurable) and deletes older ones in the hourly retention', async () => {
    const { workspaceId } = await seededCampaign();
    const old = new Date(Date.now() - 731 * 86_400_000).toISOString();
    await env.DB.prepare("INSERT INTO audit_log (workspace_id, at, actor_type, actor_id, actor_name, action, details) VALUES (?1, ?2, 'system', NULL, 'system', 'signin', '{}')").bind(workspaceId, old).run();
    await env.DB.prepare("INSERT INTO audit_log (workspace_id, at, actor_type, actor_id, actor_name, action, details) VALUES (?1, ?2, 'system', NULL, 'system', 'signin', '{}')")
      .bind(workspaceId, new Date(Date.now() - 700 * 86_400_000).toISOString())
      .run();
    const count = async () => (await env.DB.prepare('SELECT count(*) AS n FROM audit_log WHERE workspace_id = ?1').bind(workspaceId).first<{ n: number }>())!.n;
    const before = await count();
    expect(await pruneAudit(env as Env)).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(before - 1);
    // AUDIT_RETENTION_DAYS shortens (or lengthens) it.
    await pruneAudit({ ...(env as Env), AUDIT_RETENTION_DAYS: '365' });
    expect(await count()).toBe(before - 2);
  });
});

/** A raw-body request with a session cookie from the app's origin. */
function fetchRaw(path: string, body: string, cookie: string) {
  return call('POST', path, { cookie, headers: { 'Content-Type': 'text/csv' }, rawBody: body });
}
