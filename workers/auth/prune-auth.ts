/** Retention of sign-in state: ended sessions, expired codes, invitations a month past their expiry (accepted ones stay as the record of who invited whom). */
import type { Env } from '../env.ts';
import { authConfig, DAY_MS } from './auth-config.ts';

export async function pruneAuth(env: Env, now = Date.now()): Promise<number> {
  const at = new Date(now).toISOString();
  const idleSince = new Date(now - authConfig(env).sessionIdleMs).toISOString();
  const results = await env.DB.batch([
    env.DB.prepare('DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2').bind(at, idleSince),
    env.DB.prepare('DELETE FROM sign_in_codes WHERE expires_at <= ?1').bind(at),
    env.DB.prepare('DELETE FROM invitations WHERE accepted_at IS NULL AND expires_at <= ?1').bind(new Date(now - 30 * DAY_MS).toISOString()),
  ]);
  return results.reduce((n, r) => n + r.meta.changes, 0);
}
