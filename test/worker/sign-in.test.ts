/** Signing in with a code by email: the cookie, single use, 5 tries then a new code, expiry, rate limits, rotation, sign-out, lifetimes, CSRF. */
import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { createWorkspace } from './helpers.ts';
import { addMember, address, call, cookieOf, lastCode, mailTo, signIn } from './people.ts';

async function owner() {
  const ws = await createWorkspace('Sign-in test');
  const email = address('owner');
  await addMember(ws.workspaceId, email, 'owner');
  return { ...ws, email };
}

describe('sign-in by email code', () => {
  it('sends a code to a member, sets a Secure HttpOnly SameSite=Lax session cookie, and records the sign-in', async () => {
    const { workspaceId, email } = await owner();
    const log = vi.spyOn(console, 'log');
    const err = vi.spyOn(console, 'error');
    const asked = await call('POST', '/auth/code', { body: { email: email.toUpperCase() } });
    expect(asked.status).toBe(202);
    expect(await asked.json()).toEqual({ sent: true, expiresInSeconds: 600 });
    const code = lastCode(email);
    expect(code).toMatch(/^\d{8}$/);
    const stored = await env.DB.prepare('SELECT code_mac FROM sign_in_codes WHERE email = ?1').bind(email).first<{ code_mac: string }>();
    expect(stored!.code_mac).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.code_mac).not.toContain(code);

    const res = await call('POST', '/auth/verify', { body: { email, code: `${code.slice(0, 4)} ${code.slice(4)}` } });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-lead_session=ses_[0-9a-f]{64}; /);
    for (const attr of ['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax', 'Max-Age=604800']) expect(setCookie).toContain(attr);
    const body = await res.json<any>();
    expect(body.workspace).toEqual({ id: workspaceId, name: 'Sign-in test', role: 'owner' });

    const me = await (await call('GET', '/me', { cookie: cookieOf(res), origin: null })).json<any>();
    expect(me).toMatchObject({ kind: 'user', user: { email }, workspace: { id: workspaceId, role: 'owner' } });
    const audit = await (await call('GET', '/audit?action=signin', { cookie: cookieOf(res) })).json<any>();
    expect(audit.items[0]).toMatchObject({ action: 'signin', actor: { type: 'user', id: me.user.id, name: email } });
    // The code is never logged.
    const logged = [...log.mock.calls, ...err.mock.calls].flat().map(String).join('\n');
    expect(logged).not.toContain(code);
    log.mockRestore();
    err.mockRestore();
  });

  it('answers an unknown address the same way and sends it nothing', async () => {
    const stranger = address('stranger');
    const res = await call('POST', '/auth/code', { body: { email: stranger } });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ sent: true, expiresInSeconds: 600 });
    expect(mailTo(stranger)).toHaveLength(0);
    const verify = await call('POST', '/auth/verify', { body: { email: stranger, code: '12345678' } });
    expect(verify.status).toBe(401);
    expect((await verify.json<any>()).error.code).toBe('CODE_INVALID');
  });

  it('allows 5 tries: 4 wrong codes say how many are left, the 5th spends the code, and only a new code signs in', async () => {
    const { email } = await owner();
    await call('POST', '/auth/code', { body: { email } });
    const code = lastCode(email);
    const wrong = code === '00000000' ? '11111111' : '00000000';
    for (let left = 4; left >= 1; left--) {
      const res = await call('POST', '/auth/verify', { body: { email, code: wrong } });
      expect(res.status).toBe(401);
      expect((await res.json<any>()).error).toMatchObject({ code: 'CODE_INVALID', details: { attemptsLeft: left } });
    }
    const fifth = await call('POST', '/auth/verify', { body: { email, code: wrong } });
    expect((await fifth.json<any>()).error.code).toBe('CODE_EXHAUSTED');
    // The right code no longer works either.
    const late = await call('POST', '/auth/verify', { body: { email, code } });
    expect(late.status).toBe(401);
    expect((await late.json<any>()).error.code).toBe('CODE_INVALID');
    await call('POST', '/auth/code', { body: { email } });
    expect((await call('POST', '/auth/verify', { body: { email, code: lastCode(email) } })).status).toBe(200);
  });

  it('counts parallel guesses: 12 wrong codes at once spend at most 5 tries', async () => {
    const { email } = await owner();
    await call('POST', '/auth/code', { body: { email } });
    const code = lastCode(email);
    const wrong = code === '00000000' ? '11111111' : '00000000';
    const answers = await Promise.all(Array.from({ length: 12 }, () => call('POST', '/auth/verify', { body: { email, code: wrong } }).then((r) => r.json<any>())));
    const invalidWithTries = answers.filter((a) => a.error.details?.attemptsLeft !== undefined).length;
    expect(invalidWithTries).toBeLessThanOrEqual(4);
    expect((await call('POST', '/auth/verify', { body: { email, code } })).status).toBe(401);
  });

  it('spends a code on its first use, and refuses an expired one', async () => {
    const { email } = await owner();
    await call('POST', '/auth/code', { body: { email } });
    const code = lastCode(email);
    expect((await call('POST', '/auth/verify', { body: { email, code } })).status).toBe(200);
    const again = await call('POST', '/auth/verify', { body: { email, code } });
    expect(again.status).toBe(401);

    await call('POST', '/auth/code', { body: { email } });
    await env.DB.prepare('UPDATE sign_in_codes SET expires_at = ?2 WHERE email = ?1').bind(email, new Date(Date.now() - 1000).toISOString()).run();
    const expired = await call('POST', '/auth/verify', { body: { email, code: lastCode(email) } });
    expect(expired.status).toBe(401);
    expect((await expired.json<any>()).error.code).toBe('CODE_EXPIRED');
  });

  it('limits codes per address and per IP per hour (429)', async () => {
    const { email } = await owner();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('POST', '/auth/code', { body: { email }, headers: { 'CF-Connecting-IP': `10.0.0.${i}` } })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(mailTo(email).length).toBe(5);

    const ip = { 'CF-Connecting-IP': '192.0.2.77' };
    const fromOneIp: number[] = [];
    for (let i = 0; i < 21; i++) fromOneIp.push((await call('POST', '/auth/code', { body: { email: address('ip') }, headers: ip })).status);
    expect(fromOneIp.filter((s) => s === 202)).toHaveLength(20);
    expect(fromOneIp.at(-1)).toBe(429);
  });

  it('rotates the session on sign-in: the browser\'s earlier session stops', async () => {
    const { email } = await owner();
    const first = await signIn(email);
    await call('POST', '/auth/code', { body: { email } });
    const second = cookieOf(await call('POST', '/auth/verify', { body: { email, code: lastCode(email) }, cookie: first }));
    expect(second).not.toBe(first);
    expect((await call('GET', '/me', { cookie: first })).status).toBe(401);
    expect((await call('GET', '/me', { cookie: second })).status).toBe(200);
  });

  it('signs out one session, or every session of the person', async () => {
    const { email } = await owner();
    const a = await signIn(email);
    const b = await signIn(email);
    const out = await call('POST', '/auth/signout', { cookie: a });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await call('GET', '/me', { cookie: a })).status).toBe(401);
    expect((await call('GET', '/me', { cookie: b })).status).toBe(200);
    const c = await signIn(email);
    expect((await call('POST', '/auth/signout-all', { cookie: c })).status).toBe(204);
    for (const cookie of [b, c]) expect((await call('GET', '/me', { cookie })).status).toBe(401);
  });

  it('ends a session idle too long, or past its absolute lifetime, however active', async () => {
    const { email } = await owner();
    const idle = await signIn(email);
    await env.DB.prepare("UPDATE sessions SET last_seen_at = ?1 WHERE id IN (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)").bind(new Date(Date.now() - 13 * 3_600_000).toISOString()).run();
    const idleAnswer = await call('GET', '/me', { cookie: idle });
    expect(idleAnswer.status).toBe(401);
    expect((await idleAnswer.json<any>()).error.message).toMatch(/ended/);

    const old = await signIn(email);
    await env.DB.prepare("UPDATE sessions SET expires_at = ?1 WHERE id IN (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)").bind(new Date(Date.now() - 1000).toISOString()).run();
    expect((await call('GET', '/me', { cookie: old })).status).toBe(401);
  });

  it('refuses a change made with the session cookie from another origin, or with no origin (CSRF); tokens are unaffected', async () => {
    const { email, token } = await owner();
    const cookie = await signIn(email);
    const body = { name: 'CSRF', variables: [{ name: 'x', type: 'text' }] };
    const evil = await call('POST', '/assistants', { cookie, body, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect((await evil.json<any>()).error.code).toBe('CSRF_REJECTED');
    const bare = await call('POST', '/assistants', { cookie, body, origin: null });
    expect((await bare.json<any>()).error.code).toBe('CSRF_REJECTED');
    expect((await call('POST', '/assistants', { cookie, body, origin: null, headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(201);
    expect((await call('POST', '/assistants', { cookie, body })).status).toBe(201);
    // Reads need no proof; a bearer token needs none either.
    expect((await call('GET', '/assistants', { cookie, origin: null })).status).toBe(200);
    expect((await call('POST', '/assistants', { token, body, origin: null })).status).toBe(201);
    // Signing in from another site is refused too (login CSRF).
    const forged = await call('POST', '/auth/code', { body: { email }, origin: 'https://evil.example' });
    expect((await forged.json<any>()).error.code).toBe('CSRF_REJECTED');
  });

  it('refuses bad input with specific errors', async () => {
    const bad = await call('POST', '/auth/code', { body: { email: 'not an address' } });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.code).toBe('VALIDATION_FAILED');
    const code = await call('POST', '/auth/verify', { body: { email: 'a@example.com', code: 'x'.repeat(100) } });
    expect(code.status).toBe(400);
    const cookie = await call('GET', '/me', { cookie: '__Host-lead_session=ses_' + 'f'.repeat(64) });
    expect(cookie.status).toBe(401);
    expect((await call('GET', '/me', { origin: null })).status).toBe(401);
  });
});
