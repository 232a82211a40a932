/**
 * ADMIN_TOKEN needs at least 32 characters (I2 of the review), like the link-signing key: a shorter
 * one turns the operator routes off with a clear 500 AUTH_NOT_CONFIGURED (whatever token is sent,
 * the right one too), and says so in the log; absent, the routes are 404; long enough, only the exact
 * token passes. Through the Worker's fetch with the secret changed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';

afterEach(() => vi.restoreAllMocks());

async function shards(adminToken: string | undefined, sent: string) {
  const ctx = createExecutionContext();
  const res = await worker.fetch!(
    new Request('http://example.com/api/v1/admin/shards', { headers: { Authorization: `Bearer ${sent}` } }) as any,
    { ...env, ADMIN_TOKEN: adminToken } as any,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: await res.json<any>() };
}

describe('ADMIN_TOKEN', () => {
  it('refuses every admin request while it is shorter than 32 characters, the right token included', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const short = 'a'.repeat(31);
    for (const sent of [short, 'wrong']) {
      const { status, body } = await shards(short, sent);
      expect(status).toBe(500);
      expect(body.error).toEqual({ code: 'AUTH_NOT_CONFIGURED', message: 'The operator routes are off: ADMIN_TOKEN is shorter than 32 characters. Set a long random value.' });
    }
    expect(logged.join('\n')).toMatch(/ADMIN_TOKEN is shorter than 32 characters: the operator routes are off until it is replaced/);
    expect(logged.join('\n')).not.toContain(short);
  });

  it('accepts exactly the token once it has 32 characters; absent, the routes do not exist', async () => {
    const long = 'b'.repeat(32);
    expect((await shards(long, long)).status).toBe(200);
    expect((await shards(long, 'b'.repeat(31))).status).toBe(401);
    expect((await shards(undefined, long)).status).toBe(404);
  });
});
