/**
 * `can(permission)`: the one check every route makes. It resolves the principal (once per request),
 * asks for same-origin proof when a cookie or sign-in changes something (CSRF), and lets the
 * permission table (workers/auth/permissions.ts) decide: 401 for nobody, 403 FORBIDDEN naming the
 * role that is missing. Routes then read `c.get('workspaceId')` and `c.get('principal')`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { assertAllowed, type Permission } from '../../auth/permissions.ts';
import { resolveAdmin, resolvePrincipal } from '../../auth/resolve-principal.ts';
import { resolveLink } from '../../auth/resolve-link.ts';
import { assertSameOrigin, needsSameOrigin } from '../../auth/same-origin.ts';
import { actorOf, type Actor, type Principal } from '../../auth/principal.ts';

/** Runs a write after the answer when the runtime allows it (requests in workerd), else awaits nothing. */
function touchOf(c: Context<AppEnv>) {
  return (write: Promise<unknown>) => {
    const quiet = write.catch(() => undefined);
    try {
      c.executionCtx.waitUntil(quiet);
    } catch {
      /* no execution context (tests calling app.request): the write still runs */
    }
  };
}

async function principalOf(c: Context<AppEnv>, permission: Permission): Promise<Principal> {
  const known = c.get('principal');
  if (known) return known;
  const principal =
    permission === 'admin.operate'
      ? await resolveAdmin(c.env, c.req.raw)
      : permission === 'links.import'
        ? await resolveLink(c.env, c.req.raw, c.req.param('id') ?? '')
        : await resolvePrincipal(c.env, c.req.raw, touchOf(c));
  c.set('principal', principal);
  return principal;
}

export type CanMiddleware = MiddlewareHandler<AppEnv> & { permission: Permission };

export function can(permission: Permission): CanMiddleware {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const principal = await principalOf(c, permission);
    // Cookies ride along on cross-site requests: a change made with a session (or signing in) must come from our own pages.
    const checkOrigin = needsSameOrigin(c.req.raw);
    if (checkOrigin && principal.kind === 'user') assertSameOrigin(c.req.raw, c.env.APP_URL);
    assertAllowed(principal, permission);
    if (checkOrigin && principal.kind === 'anonymous') assertSameOrigin(c.req.raw, c.env.APP_URL);
    if ('workspaceId' in principal) c.set('workspaceId', principal.workspaceId);
    await next();
  };
  return Object.assign(middleware, { permission });
}

/** The audit log's actor for this request's principal. */
export const actor = (c: Context<AppEnv>): Actor => actorOf(c.get('principal') ?? { kind: 'system' });
