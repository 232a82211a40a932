/**
 * Every route of the OpenAPI document, with an API token of each role: 403 FORBIDDEN exactly where
 * the permission table says the role is too low, never elsewhere. The permission each route needs
 * is read from the route itself (its `can()`), and every route of the API has one.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { resolveAdmin } from '../../workers/auth/resolve-principal.ts';
import type { Env } from '../../workers/env.ts';
import { app } from '../../workers/api/app.ts';
import { openApiDocument } from '../../workers/api/openapi.ts';
import { roleNeeded, type Permission } from '../../workers/auth/permissions.ts';
import { atLeast, ROLES } from '../../workers/auth/roles.ts';
import { createWorkspace } from './helpers.ts';
import { call, tokenOfRole } from './people.ts';

type Handler = { permission?: Permission };

/** method → hono path → permission, from the `can()` middleware on each route. */
function routePermissions(): Map<string, Permission | null> {
  const found = new Map<string, Permission | null>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    const permission = (r.handler as Handler).permission;
    if (permission) found.set(key, permission);
    else if (!found.has(key)) found.set(key, null);
  }
  return found;
}

const honoPath = (openApiPath: string) => '/api/v1' + openApiPath.replace(/\{([^}]+)\}/g, ':$1');

describe('permissions', () => {
  it('every route of the API names a permission with can()', () => {
    const missing = [...routePermissions()].filter(([, p]) => p === null).map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('walks every OpenAPI route with a token of each role: 403 FORBIDDEN exactly where the table says', async () => {
    const ws = await createWorkspace('Role walk');
    const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await tokenOfRole(ws.workspaceId, r)] as const)));
    const perms = routePermissions();
    const paths = openApiDocument('http://example.com').paths as Record<string, Record<string, unknown>>;
    let checked = 0;
    for (const [path, ops] of Object.entries(paths)) {
      for (const method of Object.keys(ops)) {
        const key = `${method.toUpperCase()} ${honoPath(path)}`;
        // Routes are matched by pattern: the OpenAPI's {param} may carry a regex in Hono (parts/{n}).
        const permission = perms.get(key) ?? [...perms].find(([k]) => k.replace(/\{[^}]*\}/g, '') === key)?.[1];
        expect(permission, `no route for ${key}`).toBeTruthy();
        const needed = roleNeeded(permission!);
        if (needed === null) continue; // public, signed links, the operator: no role applies
        const concrete = path.replace(/\{n\}/g, '1').replace(/\{[^}]+\}/g, 'zz_missing');
        for (const role of ROLES) {
          const hasBody = method === 'post' || method === 'put' || method === 'patch';
          const res = await call(method.toUpperCase(), concrete, { token: tokens[role], ...(hasBody ? { body: {} } : {}), origin: null });
          const answer = (await res.json().catch(() => null)) as { error?: { code: string; details?: { missing?: string } } } | null;
          const forbidden = res.status === 403 && answer?.error?.code === 'FORBIDDEN';
          const allowed = atLeast(role, needed);
          expect(forbidden, `${role} on ${key} (needs ${needed}): ${res.status} ${JSON.stringify(answer)}`).toBe(!allowed);
          if (forbidden) expect(answer!.error!.details!.missing).toBe(needed);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('answers 401 to a request without credentials on every route that needs a role', async () => {
    const paths = openApiDocument('http://example.com').paths as Record<string, Record<string, unknown>>;
    const perms = routePermissions();
    for (const [path, ops] of Object.entries(paths)) {
      for (const method of Object.keys(ops)) {
        const key = `${method.toUpperCase()} ${honoPath(path)}`;
        const permission = perms.get(key) ?? [...perms].find(([k]) => k.replace(/\{[^}]*\}/g, '') === key)?.[1];
        if (roleNeeded(permission!) === null) continue;
        const res = await call(method.toUpperCase(), path.replace(/\{n\}/g, '1').replace(/\{[^}]+\}/g, 'zz_missing'), { origin: null });
        expect(res.status, key).toBe(401);
      }
    }
  });
});

describe('the operator token (ADMIN_TOKEN)', () => {
  it('refuses wrong tokens with 401, then 429 past 10 a minute from one address; workspace tokens never pass', async () => {
    const ip = { 'CF-Connecting-IP': '198.51.100.23' };
    const ws = await createWorkspace('Not an operator');
    expect((await call('GET', '/admin/shards', { token: ws.token, headers: ip })).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await call('GET', '/admin/shards', { token: `wrong_${i}`, headers: ip })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
    // Another address is not held back; the right token from it works.
    expect((await call('GET', '/admin/shards', { token: 'adm_test_secret_0123456789abcdef0123456789', headers: { 'CF-Connecting-IP': '198.51.100.24' } })).status).toBe(200);
  });

  it('keeps the operator routes off while ADMIN_TOKEN is shorter than 32 characters', async () => {
    const request = new Request('http://example.com/api/v1/admin/shards', { headers: { Authorization: 'Bearer short_secret' } });
    await expect(resolveAdmin({ ...(env as Env), ADMIN_TOKEN: 'short_secret' }, request)).rejects.toMatchObject({ code: 'AUTH_NOT_CONFIGURED' });
  });
});
