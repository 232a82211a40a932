/**
 * Members of a workspace: listing, changing a role, removing (or leaving). The last owner can be
 * neither demoted nor removed: the guard is inside the UPDATE/DELETE itself, so two owners demoting
 * each other at once cannot both succeed. A removed member's sessions in the workspace and the
 * tokens they answer for go in the same batch, with the audit entry.
 */
import type { Env } from '../env.ts';
import type { Actor } from './principal.ts';
import type { Role } from './roles.ts';
import { AuthRefusal } from './refusal.ts';
import { auditStatement } from '../audit/record-audit.ts';

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

export async function listMembers(env: Env, workspaceId: string): Promise<Member[]> {
  const { results } = await env.DB.prepare(
    'SELECT m.user_id AS userId, u.email, u.name, m.role, m.created_at AS joinedAt FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ?1 ORDER BY u.email',
  )
    .bind(workspaceId)
    .all<Member>();
  return results;
}

async function memberOf(env: Env, workspaceId: string, userId: string): Promise<Member> {
  const row = await env.DB.prepare(
    'SELECT m.user_id AS userId, u.email, u.name, m.role, m.created_at AS joinedAt FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ?1 AND m.user_id = ?2',
  )
    .bind(workspaceId, userId)
    .first<Member>();
  if (!row) throw new AuthRefusal('NOT_FOUND', 'Member not found.');
  return row;
}

/** "…unless another owner remains": true for a non-owner row, or while the workspace has two owners or more. */
const OTHER_OWNER_REMAINS = `(role != 'owner' OR (SELECT count(*) FROM memberships WHERE workspace_id = ?1 AND role = 'owner') > 1)`;

const LAST_OWNER = (doing: string) =>
  new AuthRefusal('LAST_OWNER', `${doing} would leave the workspace without an owner. Make someone else an owner first.`);

export async function changeRole(env: Env, workspaceId: string, userId: string, role: Role, actor: Actor): Promise<Member> {
  const before = await memberOf(env, workspaceId, userId);
  if (before.role === role) return before;
  const guard = role === 'owner' ? '1' : OTHER_OWNER_REMAINS;
  const [update] = await env.DB.batch([
    env.DB.prepare(`UPDATE memberships SET role = ?3 WHERE workspace_id = ?1 AND user_id = ?2 AND ${guard}`).bind(workspaceId, userId, role),
    auditStatement(
      env.DB,
      { workspaceId, actor, action: 'member.role_changed', target: { type: 'user', id: userId }, details: { email: before.email, from: before.role, to: role } },
      { ifChanged: true },
    ),
  ]);
  if (!update!.meta.changes) throw LAST_OWNER('Changing the role of the last owner');
  return { ...before, role };
}

export async function removeMember(env: Env, workspaceId: string, userId: string, actor: Actor): Promise<void> {
  const before = await memberOf(env, workspaceId, userId);
  const leaving = actor.type === 'user' && actor.id === userId;
  const [remove] = await env.DB.batch([
    env.DB.prepare(`DELETE FROM memberships WHERE workspace_id = ?1 AND user_id = ?2 AND ${OTHER_OWNER_REMAINS}`).bind(workspaceId, userId),
    auditStatement(
      env.DB,
      { workspaceId, actor, action: 'member.removed', target: { type: 'user', id: userId }, details: { email: before.email, role: before.role, ...(leaving ? { left: true } : {}) } },
      { ifChanged: true },
    ),
    // Only once the membership is gone: its sessions here, and the tokens it answers for.
    env.DB.prepare('DELETE FROM sessions WHERE user_id = ?2 AND workspace_id = ?1 AND NOT EXISTS (SELECT 1 FROM memberships WHERE workspace_id = ?1 AND user_id = ?2)').bind(workspaceId, userId),
    env.DB.prepare('DELETE FROM api_tokens WHERE owner_user_id = ?2 AND workspace_id = ?1 AND NOT EXISTS (SELECT 1 FROM memberships WHERE workspace_id = ?1 AND user_id = ?2)').bind(workspaceId, userId),
  ]);
  if (!remove!.meta.changes) throw LAST_OWNER(leaving ? 'Leaving' : 'Removing the last owner');
}
