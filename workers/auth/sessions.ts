/**
 * Sessions of people signed in: a random token in the cookie, its SHA-256 in `sessions`. Every
 * request reads the session with the person's membership of its workspace (one query, no cache):
 * a deleted session, a removed member or an ended lifetime answers 401 on the very next request.
 */
import type { Env } from '../env.ts';
import { newId } from '../db/ids.ts';
import { randomSecret, sha256Hex } from './hash.ts';
import { authConfig, TOUCH_AFTER_MS } from './auth-config.ts';
import { AuthRefusal } from './refusal.ts';
import type { Principal } from './principal.ts';
import type { Role } from './roles.ts';

export interface NewSession {
  id: string;
  token: string;
  expiresAt: string;
}

/** A new session for `userId` in `workspaceId`, valid for the absolute lifetime unless idle longer. */
export async function createSession(env: Env, userId: string, workspaceId: string, now = Date.now()): Promise<{ session: NewSession; statement: D1PreparedStatement }> {
  const token = randomSecret('ses_');
  const id = newId('ses');
  const at = new Date(now).toISOString();
  const expiresAt = new Date(now + authConfig(env).sessionMaxMs).toISOString();
  const statement = env.DB.prepare(
    'INSERT INTO sessions (id, token_hash, user_id, workspace_id, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)',
  ).bind(id, await sha256Hex(token), userId, workspaceId, at, expiresAt);
  return { session: { id, token, expiresAt }, statement };
}

interface SessionRow {
  id: string;
  user_id: string;
  workspace_id: string;
  last_seen_at: string;
  expires_at: string;
  email: string;
  name: string | null;
  role: Role | null;
}

/**
 * The person a session token belongs to, acting in the session's workspace with their role there
 * now; 401 when the session is unknown, ended or its person no longer a member. `touch` is given
 * the write that keeps an active session from idling out (at most once a minute).
 */
export async function sessionPrincipal(env: Env, token: string, touch: (write: Promise<unknown>) => void, now = Date.now()): Promise<Principal & { kind: 'user' }> {
  const row = await env.DB.prepare(
    `SELECT s.id, s.user_id, s.workspace_id, s.last_seen_at, s.expires_at, u.email, u.name, m.role
     FROM sessions s JOIN users u ON u.id = s.user_id
     LEFT JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
     WHERE s.token_hash = ?1`,
  )
    .bind(await sha256Hex(token))
    .first<SessionRow>();
  if (!row) throw new AuthRefusal('UNAUTHORIZED', 'You are signed out (the session ended or was revoked). Sign in again.');
  const config = authConfig(env);
  const lastSeen = Date.parse(row.last_seen_at);
  if (now >= Date.parse(row.expires_at) || now - lastSeen >= config.sessionIdleMs) {
    touch(env.DB.prepare('DELETE FROM sessions WHERE id = ?1').bind(row.id).run());
    throw new AuthRefusal('UNAUTHORIZED', 'Your session has ended. Sign in again.');
  }
  if (!row.role) throw new AuthRefusal('UNAUTHORIZED', 'You are no longer a member of this workspace. Sign in again.');
  if (now - lastSeen >= TOUCH_AFTER_MS) {
    touch(env.DB.prepare('UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1').bind(row.id, new Date(now).toISOString()).run());
  }
  return { kind: 'user', workspaceId: row.workspace_id, role: row.role, userId: row.user_id, email: row.email, name: row.name, sessionId: row.id };
}

export const revokeSessionStatement = (env: Env, sessionId: string) => env.DB.prepare('DELETE FROM sessions WHERE id = ?1').bind(sessionId);

export const revokeUserSessionsStatement = (env: Env, userId: string) => env.DB.prepare('DELETE FROM sessions WHERE user_id = ?1').bind(userId);

/** The session of a cookie token, if it exists (to revoke it when the same browser signs in again). */
export async function revokeSessionByToken(env: Env, token: string): Promise<void> {
  await env.DB.prepare('DELETE FROM sessions WHERE token_hash = ?1').bind(await sha256Hex(token)).run();
}
