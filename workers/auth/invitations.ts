/**
 * Invitations by email: an owner names an address and a role; the person joins by signing in with
 * that address before the invitation expires (workers/auth/start-session.ts). Inviting the same
 * address again replaces the pending invitation (new role, new expiry).
 */
import type { Env } from '../env.ts';
import type { Actor } from './principal.ts';
import type { Role } from './roles.ts';
import { newId } from '../db/ids.ts';
import { authConfig } from './auth-config.ts';
import { AuthRefusal } from './refusal.ts';
import { auditStatement } from '../audit/record-audit.ts';
import { invitationMail, sendAuthMail } from './auth-emails.ts';

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

const toInvitation = (r: { id: string; email: string; role: Role; created_at: string; expires_at: string }, now: number): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  expired: Date.parse(r.expires_at) <= now,
});

export async function listInvitations(env: Env, workspaceId: string, now = Date.now()): Promise<Invitation[]> {
  const { results } = await env.DB.prepare('SELECT id, email, role, created_at, expires_at FROM invitations WHERE workspace_id = ?1 AND accepted_at IS NULL ORDER BY created_at DESC')
    .bind(workspaceId)
    .all<{ id: string; email: string; role: Role; created_at: string; expires_at: string }>();
  return results.map((r) => toInvitation(r, now));
}

export async function invite(env: Env, workspaceId: string, email: string, role: Role, actor: Actor, now = Date.now()): Promise<Invitation> {
  const member = await env.DB.prepare('SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ?1 AND u.email = ?2').bind(workspaceId, email).first();
  if (member) throw new AuthRefusal('ALREADY_MEMBER', `${email} is already a member of this workspace. Change their role on the members page instead.`);
  const workspace = await env.DB.prepare('SELECT name FROM workspaces WHERE id = ?1').bind(workspaceId).first<{ name: string }>();
  const id = newId('inv');
  const createdAt = new Date(now).toISOString();
  const expiresAt = new Date(now + authConfig(env).invitationTtlMs).toISOString();
  await env.DB.batch([
    env.DB.prepare('DELETE FROM invitations WHERE workspace_id = ?1 AND email = ?2 AND accepted_at IS NULL').bind(workspaceId, email),
    env.DB.prepare('INSERT INTO invitations (id, workspace_id, email, role, invited_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)').bind(
      id,
      workspaceId,
      email,
      role,
      `${actor.type}:${actor.id}`,
      createdAt,
      expiresAt,
    ),
    auditStatement(env.DB, { workspaceId, actor, action: 'member.invited', target: { type: 'invitation', id }, details: { email, role, expiresAt } }, { at: createdAt }),
  ]);
  await sendAuthMail(env, email, invitationMail(env, workspace?.name ?? 'a workspace', role, email, expiresAt));
  return { id, email, role, createdAt, expiresAt, expired: false };
}

export async function revokeInvitation(env: Env, workspaceId: string, id: string, actor: Actor): Promise<void> {
  const [removed] = await env.DB.batch([
    env.DB.prepare('DELETE FROM invitations WHERE id = ?1 AND workspace_id = ?2 AND accepted_at IS NULL').bind(id, workspaceId),
    auditStatement(env.DB, { workspaceId, actor, action: 'invitation.revoked', target: { type: 'invitation', id } }, { ifChanged: true }),
  ]);
  if (!removed!.meta.changes) throw new AuthRefusal('NOT_FOUND', 'Invitation not found.');
}
