/**
 * An API token's principal: its workspace and role, read on every request (no cache, so a revoked
 * token answers 401 on the next one). A token acts at most with the current role of the person
 * answerable for it, and stops when that person leaves the workspace. `last_used_at` is written at
 * most once a minute, after the answer (`touch`).
 */
import type { Env } from '../env.ts';
import { hashToken } from './tokens.ts';
import { AuthRefusal } from './refusal.ts';
import { TOUCH_AFTER_MS } from './auth-config.ts';
import { lowerRole, type Role } from './roles.ts';
import type { Principal } from './principal.ts';

interface TokenRow {
  id: string;
  workspace_id: string;
  name: string;
  role: Role;
  owner_user_id: string | null;
  last_used_at: string | null;
  owner_role: Role | null;
}

export async function tokenPrincipal(env: Env, token: string, touch: (write: Promise<unknown>) => void, now = Date.now()): Promise<Principal & { kind: 'token' }> {
  const row = await env.DB.prepare(
    `SELECT t.id, t.workspace_id, t.name, t.role, t.owner_user_id, t.last_used_at, m.role AS owner_role
     FROM api_tokens t LEFT JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.owner_user_id
     WHERE t.token_hash = ?1`,
  )
    .bind(await hashToken(token))
    .first<TokenRow>();
  if (!row) throw new AuthRefusal('UNAUTHORIZED', 'The API token is not valid (it may have been revoked).');
  if (row.owner_user_id && !row.owner_role) {
    throw new AuthRefusal('UNAUTHORIZED', 'The API token is not valid: the person who created it is no longer a member of the workspace.');
  }
  if (!row.last_used_at || now - Date.parse(row.last_used_at) >= TOUCH_AFTER_MS) {
    touch(env.DB.prepare('UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1').bind(row.id, new Date(now).toISOString()).run());
  }
  return {
    kind: 'token',
    workspaceId: row.workspace_id,
    role: row.owner_role ? lowerRole(row.role, row.owner_role) : row.role,
    tokenId: row.id,
    name: row.name,
    ownerUserId: row.owner_user_id,
  };
}
