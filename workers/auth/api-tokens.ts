/**
 * API tokens managed by people and by tokens: created with a role no higher than the creator's
 * (shown once, stored as a hash), listed without secrets, revoked at once (no cache anywhere: the
 * next request with it answers 401). Each change is one batch with its audit entry.
 */
import type { Env } from '../env.ts';
import type { Principal } from './principal.ts';
import { actorOf } from './principal.ts';
import { atLeast, type Role } from './roles.ts';
import { AuthRefusal } from './refusal.ts';
import { generateToken, hashToken } from './tokens.ts';
import { newId } from '../db/ids.ts';
import { auditStatement } from '../audit/record-audit.ts';

type Creator = Principal & { kind: 'user' | 'token' };

export interface TokenItem {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function listTokens(env: Env, workspaceId: string): Promise<TokenItem[]> {
  const { results } = await env.DB.prepare(
    'SELECT id, name, role, created_at AS createdAt, last_used_at AS lastUsedAt FROM api_tokens WHERE workspace_id = ?1 ORDER BY created_at DESC, id',
  )
    .bind(workspaceId)
    .all<TokenItem>();
  return results;
}

const outranks = (creator: Creator, role: Role) =>
  new AuthRefusal('FORBIDDEN', `A token may not outrank its creator: ${creator.kind === 'user' ? 'you are' : 'this token is'} ${creator.role}, and the token would be ${role}.`, {
    missing: role,
    role: creator.role,
  });

export async function createToken(env: Env, creator: Creator, name: string, role: Role): Promise<TokenItem & { token: string }> {
  if (!atLeast(creator.role, role)) throw outranks(creator, role);
  const token = generateToken();
  const id = newId('tok');
  const createdAt = new Date().toISOString();
  const ownerUserId = creator.kind === 'user' ? creator.userId : creator.ownerUserId;
  const createdBy = creator.kind === 'user' ? `user:${creator.userId}` : `token:${creator.tokenId}`;
  await env.DB.batch([
    env.DB.prepare(
      'INSERT INTO api_tokens (id, workspace_id, token_hash, name, role, owner_user_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)',
    ).bind(id, creator.workspaceId, await hashToken(token), name, role, ownerUserId, createdBy, createdAt),
    auditStatement(env.DB, { workspaceId: creator.workspaceId, actor: actorOf(creator), action: 'token.created', target: { type: 'token', id }, details: { name, role } }, { at: createdAt }),
  ]);
  return { id, name, role, token, createdAt, lastUsedAt: null };
}

export async function revokeToken(env: Env, revoker: Creator, id: string): Promise<void> {
  const row = await env.DB.prepare('SELECT name, role FROM api_tokens WHERE id = ?1 AND workspace_id = ?2').bind(id, revoker.workspaceId).first<{ name: string; role: Role }>();
  if (!row) throw new AuthRefusal('NOT_FOUND', 'Token not found.');
  if (!atLeast(revoker.role, row.role)) {
    throw new AuthRefusal('FORBIDDEN', `Revoking a ${row.role} token needs the ${row.role} role; ${revoker.kind === 'user' ? 'you are' : 'this token is'} ${revoker.role}.`, {
      missing: row.role,
      role: revoker.role,
    });
  }
  await env.DB.batch([
    env.DB.prepare('DELETE FROM api_tokens WHERE id = ?1 AND workspace_id = ?2').bind(id, revoker.workspaceId),
    auditStatement(env.DB, { workspaceId: revoker.workspaceId, actor: actorOf(revoker), action: 'token.revoked', target: { type: 'token', id }, details: { name: row.name, role: row.role } }, { ifChanged: true }),
  ]);
}
