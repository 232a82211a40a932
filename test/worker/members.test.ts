/** Members, roles and invitations: inviting and joining, expired invitations, the last owner, removed members, several workspaces. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from './helpers.ts';
import { addMember, address, call, lastCode, mailTo, signIn, tokenOfRole } from './people.ts';

async function ownedWorkspace(name = 'Members test') {
  const ws = await createWorkspace(name);
  const email = address('owner');
  const userId = await addMember(ws.workspaceId, email, 'owner');
  return { ...ws, email, userId, cookie: await signIn(email) };
}

describe('members and invitations', () => {
  it('an owner invites a second person by email, who joins with that role by signing in', async () => {
    const { workspaceId, cookie } = await ownedWorkspace('Acme');
    const guest = address('guest');
    const invited = await call('POST', '/invitations', { cookie, body: { email: guest, role: 'member' } });
    expect(invited.status).toBe(201);
    const invitation = await invited.json<any>();
    expect(invitation).toMatchObject({ email: guest, role: 'member', expired: false });
    const mail = mailTo(guest).at(-1)!;
    expect(mail.subject).toBe('You are invited to Acme on Lead import');
    expect(mail.text).toContain(`/signin?email=${encodeURIComponent(guest)}`);
    expect((await (await call('GET', '/invitations', { cookie })).json<any>()).items.map((i: any) => i.email)).toContain(guest);

    const guestCookie = await signIn(guest);
    const me = await (await call('GET', '/me', { cookie: guestCookie })).json<any>();
    expect(me.workspace).toEqual({ id: workspaceId, name: 'Acme', role: 'member' });
    const members = await (await call('GET', '/members', { cookie })).json<any>();
    expect(members.items.find((m: any) => m.email === guest)).toMatchObject({ role: 'member' });
    expect((await (await call('GET', '/invitations', { cookie })).json<any>()).items).toEqual([]);
    const actions = (await (await call('GET', '/audit', { cookie })).json<any>()).items.map((i: any) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['member.invited', 'member.joined']));
  });

  it('refuses an expired invitation with a clear message', async () => {
    const { cookie } = await ownedWorkspace();
    const late = address('late');
    const { id } = await (await call('POST', '/invitations', { cookie, body: { email: late, role: 'viewer' } })).json<any>();
    await env.DB.prepare('UPDATE invitations SET expires_at = ?2 WHERE id = ?1').bind(id, new Date(Date.now() - 1000).toISOString()).run();
    expect((await (await call('GET', '/invitations', { cookie })).json<any>()).items[0]).toMatchObject({ id, expired: true });
    await call('POST', '/auth/code', { body: { email: late } });
    const res = await call('POST', '/auth/verify', { body: { email: late, code: lastCode(late) } });
    expect(res.status).toBe(403);
    expect((await res.json<any>()).error).toMatchObject({ code: 'INVITATION_EXPIRED', message: expect.stringMatching(/expired.*invite you again/) });
  });

  it('keeps the last owner: not demoted, not removed, cannot leave; with a second owner, one may step down', async () => {
    const { workspaceId, cookie, userId } = await ownedWorkspace();
    const demote = await call('PATCH', `/members/${userId}`, { cookie, body: { role: 'admin' } });
    expect(demote.status).toBe(409);
    expect((await demote.json<any>()).error.code).toBe('LAST_OWNER');
    expect((await call('DELETE', `/members/${userId}`, { cookie })).status).toBe(409);
    expect((await call('DELETE', '/members/me', { cookie })).status).toBe(409);
    const refusedAudit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE workspace_id = ?1 AND action IN ('member.role_changed', 'member.removed')").bind(workspaceId).first<{ n: number }>();
    expect(refusedAudit!.n).toBe(0);

    const second = address('second');
    const secondId = await addMember(workspaceId, second, 'owner');
    const ok = await call('PATCH', `/members/${userId}`, { cookie, body: { role: 'admin' } });
    expect(ok.status).toBe(200);
    expect((await ok.json<any>()).role).toBe('admin');
    // Now an admin: may not change roles any more.
    const forbidden = await call('PATCH', `/members/${secondId}`, { cookie, body: { role: 'viewer' } });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json<any>()).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('owner role'), details: { missing: 'owner' } });
    const audit = await (await call('GET', '/audit?action=member.role_changed', { cookie })).json<any>();
    expect(audit.items[0].details).toMatchObject({ from: 'owner', to: 'admin' });
  });

  it('two owners demoting each other at once: one succeeds, one is refused, an owner remains', async () => {
    const { workspaceId, cookie, userId } = await ownedWorkspace();
    const other = address('other');
    const otherId = await addMember(workspaceId, other, 'owner');
    const otherCookie = await signIn(other);
    const [a, b] = await Promise.all([
      call('PATCH', `/members/${otherId}`, { cookie, body: { role: 'member' } }),
      call('PATCH', `/members/${userId}`, { cookie: otherCookie, body: { role: 'member' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409].sort());
    const owners = await env.DB.prepare("SELECT count(*) AS n FROM memberships WHERE workspace_id = ?1 AND role = 'owner'").bind(workspaceId).first<{ n: number }>();
    expect(owners!.n).toBe(1);
  });

  it("a removed member's open session and tokens answer 401 at once", async () => {
    const { workspaceId, cookie } = await ownedWorkspace();
    const leaver = address('leaver');
    const leaverId = await addMember(workspaceId, leaver, 'admin');
    const leaverCookie = await signIn(leaver);
    const created = await (await call('POST', '/tokens', { cookie: leaverCookie, body: { name: 'ci', role: 'member' } })).json<any>();
    expect((await call('GET', '/campaigns', { token: created.token })).status).toBe(200);
    expect((await call('DELETE', `/members/${leaverId}`, { cookie })).status).toBe(204);
    const after = await call('GET', '/campaigns', { cookie: leaverCookie });
    expect(after.status).toBe(401);
    expect((await call('GET', '/campaigns', { token: created.token })).status).toBe(401);
    const removed = (await (await call('GET', '/audit?action=member.removed', { cookie })).json<any>()).items[0];
    expect(removed).toMatchObject({ target: { type: 'user', id: leaverId }, details: { email: leaver, role: 'admin' } });
  });

  it("a session sees only its workspace; switching needs membership; a person in two workspaces switches", async () => {
    const a = await ownedWorkspace('Alpha');
    const b = await createWorkspace('Beta');
    const bCampaign = await (await call('POST', '/assistants', { token: b.token, body: { name: 'B', variables: [{ name: 'x', type: 'text' }] } })).json<any>();
    // A's owner is no member of B: B's resources are not found, and switching to B is refused.
    expect((await call('GET', `/assistants/${bCampaign.id}`, { cookie: a.cookie })).status).toBe(404);
    const refused = await call('POST', '/auth/workspace', { cookie: a.cookie, body: { workspaceId: b.workspaceId } });
    expect(refused.status).toBe(404);

    await addMember(b.workspaceId, a.email, 'viewer');
    const switched = await call('POST', '/auth/workspace', { cookie: a.cookie, body: { workspaceId: b.workspaceId } });
    expect(switched.status).toBe(200);
    const me = await (await call('GET', '/me', { cookie: a.cookie })).json<any>();
    expect(me.workspace).toEqual({ id: b.workspaceId, name: 'Beta', role: 'viewer' });
    expect(me.workspaces.map((w: any) => w.name)).toEqual(['Alpha', 'Beta']);
    expect((await call('GET', `/assistants/${bCampaign.id}`, { cookie: a.cookie })).status).toBe(200);
    // A viewer there: may not write.
    const write = await call('POST', '/assistants', { cookie: a.cookie, body: { name: 'no', variables: [{ name: 'x', type: 'text' }] } });
    expect(write.status).toBe(403);
    // A token sees only its own workspace, whatever cookie rides along.
    const viewer = await tokenOfRole(b.workspaceId, 'viewer');
    expect((await call('GET', '/me', { token: viewer, cookie: a.cookie })).status).toBe(200);
    expect((await (await call('GET', '/me', { token: viewer })).json<any>()).kind).toBe('token');
  });

  it('refuses inviting a member, and bad roles', async () => {
    const { cookie, email } = await ownedWorkspace();
    const again = await call('POST', '/invitations', { cookie, body: { email, role: 'viewer' } });
    expect(again.status).toBe(409);
    expect((await again.json<any>()).error.code).toBe('ALREADY_MEMBER');
    const bad = await call('POST', '/invitations', { cookie, body: { email: address('x'), role: 'god' } });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.message).toMatch(/role must be one of viewer, member, admin, owner/);
  });
});
