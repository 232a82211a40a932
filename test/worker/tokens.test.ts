/** API tokens with roles: created (shown once), listed with lastUsedAt, revoked (401 on the next request), never above their creator. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from './helpers.ts';
import { addMember, address, call, signIn, tokenOfRole } from './people.ts';

describe('API tokens', () => {
  it('creates, lists and revokes a token; the secret is shown once; a revoked token answers 401 at once', async () => {
    const ws = await createWorkspace();
    const email = address('admin');
    await addMember(ws.workspaceId, email, 'admin');
    const cookie = await signIn(email);
    const res = await call('POST', '/tokens', { cookie, body: { name: 'Nightly sync', role: 'member' } });
    expect(res.status).toBe(201);
    const created = await res.json<any>();
    expect(Object.keys(created).sort()).toEqual(['createdAt', 'id', 'name', 'role', 'token']);
    expect(created).toMatchObject({ name: 'Nightly sync', role: 'member', token: expect.stringMatching(/^lit_[0-9a-f]{64}$/) });

    const before = (await (await call('GET', '/tokens', { cookie })).json<any>()).items.find((t: any) => t.id === created.id);
    expect(before).toEqual({ id: created.id, name: 'Nightly sync', role: 'member', createdAt: created.createdAt, lastUsedAt: null });
    expect((await call('GET', '/campaigns', { token: created.token })).status).toBe(200);
    const list = await (await call('GET', '/tokens', { cookie })).json<any>();
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(list.items.find((t: any) => t.id === created.id).lastUsedAt).toMatch(/^\d{4}-/);

    expect((await call('DELETE', `/tokens/${created.id}`, { cookie })).status).toBe(204);
    const after = await call('GET', '/campaigns', { token: created.token });
    expect(after.status).toBe(401);
    const audit = await (await call('GET', '/audit', { cookie })).json<any>();
    const entries = audit.items.filter((i: any) => i.target?.id === created.id);
    expect(entries.map((i: any) => i.action)).toEqual(['token.revoked', 'token.created']);
    expect(JSON.stringify(audit)).not.toContain(created.token);
    expect((await call('DELETE', `/tokens/${created.id}`, { cookie })).status).toBe(404);
  });

  it('a token may not create a token that outranks it, nor revoke one above it', async () => {
    const ws = await createWorkspace();
    const admin = await tokenOfRole(ws.workspaceId, 'admin');
    const higher = await call('POST', '/tokens', { token: admin, body: { name: 'escalate', role: 'owner' } });
    expect(higher.status).toBe(403);
    expect((await higher.json<any>()).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/may not outrank its creator.*admin.*owner/) });
    expect((await call('POST', '/tokens', { token: admin, body: { name: 'same', role: 'admin' } })).status).toBe(201);
    const ownerId = (await (await call('GET', '/tokens', { token: admin })).json<any>()).items.find((t: any) => t.role === 'owner').id;
    expect((await call('DELETE', `/tokens/${ownerId}`, { token: admin })).status).toBe(403);
    const member = await tokenOfRole(ws.workspaceId, 'member');
    const noAdmin = await call('POST', '/tokens', { token: member, body: { name: 'x', role: 'viewer' } });
    expect(noAdmin.status).toBe(403);
    expect((await noAdmin.json<any>()).error.details).toMatchObject({ missing: 'admin', role: 'member' });
  });

  it('the demo and token:create tokens are owner tokens: they may create owner tokens', async () => {
    const ws = await createWorkspace();
    const row = await env.DB.prepare('SELECT role FROM api_tokens WHERE workspace_id = ?1').bind(ws.workspaceId).first<{ role: string }>();
    expect(row!.role).toBe('owner');
    expect((await call('POST', '/tokens', { token: ws.token, body: { name: 'owner 2', role: 'owner' } })).status).toBe(201);
  });

  it("a token acts at most with its creator's current role", async () => {
    const ws = await createWorkspace();
    const email = address('maker');
    const userId = await addMember(ws.workspaceId, email, 'admin');
    const cookie = await signIn(email);
    const { token } = await (await call('POST', '/tokens', { cookie, body: { name: 'admin script', role: 'admin' } })).json<any>();
    const body = { name: 'A', variables: [{ name: 'x', type: 'text' }] };
    expect((await call('POST', '/assistants', { token, body })).status).toBe(201);
    await call('PATCH', `/members/${userId}`, { token: ws.token, body: { role: 'member' } });
    const capped = await call('POST', '/assistants', { token, body });
    expect(capped.status).toBe(403);
    expect((await (await call('GET', '/me', { token })).json<any>()).workspace.role).toBe('member');
  });

  it('refuses bad bodies', async () => {
    const ws = await createWorkspace();
    const res = await call('POST', '/tokens', { token: ws.token, body: { name: '', role: 'admin' } });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.message).toMatch(/name is required/);
  });
});
