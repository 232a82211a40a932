/**
 * Signing in and out (the app's path; scripts use API tokens): a code by email, the session cookie,
 * who is signed in, switching workspace, signing out here or everywhere.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { can } from '../middleware/can.ts';
import { jsonBody } from '../validate.ts';
import { SignInCodeSchema, SwitchWorkspaceSchema, VerifyCodeSchema } from '../../../src/lib/schemas/people.ts';
import { authConfig } from '../../auth/auth-config.ts';
import { clientIp, limitCodeChecks, limitCodeRequests } from '../../auth/sign-in-limits.ts';
import { sendSignInCode, verifySignInCode } from '../../auth/sign-in.ts';
import { startSession, workspacesOf } from '../../auth/start-session.ts';
import { clearedSessionCookie, sessionCookie, sessionTokenFrom } from '../../auth/session-cookie.ts';
import { revokeSessionByToken, revokeSessionStatement, revokeUserSessionsStatement } from '../../auth/sessions.ts';
import { AuthRefusal } from '../../auth/refusal.ts';
import type { Principal } from '../../auth/principal.ts';

function userOf(principal: Principal | undefined): Principal & { kind: 'user' } {
  if (principal?.kind !== 'user') throw new AuthRefusal('NOT_A_SESSION', 'This needs a signed-in person (a session), not an API token.');
  return principal;
}

export const signInRoutes = new Hono<AppEnv>()
  /** Sends a code to the address when it may sign in; the same answer either way. */
  .post('/auth/code', can('public'), jsonBody(SignInCodeSchema), async (c) => {
    const { email } = c.req.valid('json');
    const config = authConfig(c.env);
    await limitCodeRequests(c.env, email, clientIp(c.req.raw), config.codesPerAddressPerHour, config.codesPerIpPerHour);
    await sendSignInCode(c.env, email);
    return c.json({ sent: true, expiresInSeconds: Math.round(config.codeTtlMs / 1000) }, 202);
  })
  /** The code from the email: a new session cookie (the browser's previous session is revoked). */
  .post('/auth/verify', can('public'), jsonBody(VerifyCodeSchema), async (c) => {
    const { email, code, workspaceId } = c.req.valid('json');
    await limitCodeChecks(c.env, clientIp(c.req.raw), authConfig(c.env).verifiesPerIpPerHour);
    await verifySignInCode(c.env, email, code);
    const previous = sessionTokenFrom(c.req.header('cookie'));
    if (previous) await revokeSessionByToken(c.env, previous);
    const now = Date.now();
    const signedIn = await startSession(c.env, email, { workspaceId }, now);
    const maxAge = (Date.parse(signedIn.session.expiresAt) - now) / 1000;
    c.header('Set-Cookie', sessionCookie(signedIn.session.token, maxAge));
    return c.json({ user: signedIn.user, workspace: signedIn.workspace, workspaces: signedIn.workspaces });
  })
  /** Who asks, and where: a person with their workspaces, or a token. */
  .get('/me', can('self'), async (c) => {
    const p = c.get('principal')!;
    const workspace = await c.env.DB.prepare('SELECT id, name FROM workspaces WHERE id = ?1').bind(c.get('workspaceId')).first<{ id: string; name: string }>();
    if (p.kind === 'user') {
      return c.json({
        kind: 'user' as const,
        user: { id: p.userId, email: p.email, name: p.name },
        workspace: { id: workspace!.id, name: workspace!.name, role: p.role },
        workspaces: await workspacesOf(c.env, p.userId),
      });
    }
    const t = p as Principal & { kind: 'token' };
    return c.json({ kind: 'token' as const, token: { id: t.tokenId, name: t.name }, workspace: { id: workspace!.id, name: workspace!.name, role: t.role }, workspaces: [] });
  })
  /** Opens another workspace of the person's in this session. */
  .post('/auth/workspace', can('self'), jsonBody(SwitchWorkspaceSchema), async (c) => {
    const user = userOf(c.get('principal'));
    const { workspaceId } = c.req.valid('json');
    const workspaces = await workspacesOf(c.env, user.userId);
    const target = workspaces.find((w) => w.id === workspaceId);
    if (!target) throw new AuthRefusal('NOT_FOUND', 'Workspace not found among yours.');
    await c.env.DB.prepare('UPDATE sessions SET workspace_id = ?2 WHERE id = ?1').bind(user.sessionId, target.id).run();
    return c.json({ workspace: target, workspaces });
  })
  .post('/auth/signout', can('self'), async (c) => {
    const user = userOf(c.get('principal'));
    await revokeSessionStatement(c.env, user.sessionId).run();
    c.header('Set-Cookie', clearedSessionCookie());
    return c.body(null, 204);
  })
  /** Ends every session of the person, in every browser. */
  .post('/auth/signout-all', can('self'), async (c) => {
    const user = userOf(c.get('principal'));
    await revokeUserSessionsStatement(c.env, user.userId).run();
    c.header('Set-Cookie', clearedSessionCookie());
    return c.body(null, 204);
  });
