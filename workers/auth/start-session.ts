/**
 * After a right code: the person (created on their first sign-in from an invitation), their pending
 * invitations accepted, the workspace to open, and a new session, written in one batch with the
 * audit entries (`member.joined`, `signin`). The session the browser had before is revoked (rotation).
 */
import type { Env } from '../env.ts';
import { newId } from '../db/ids.ts';
import { AuthRefusal } from './refusal.ts';
import { createSession, type NewSession } from './sessions.ts';
import { auditStatement } from '../audit/record-audit.ts';
import type { Role } from './roles.ts';

export interface WorkspaceChoice {
  id: string;
  name: string;
  role: Role;
}

export interface SignedIn {
  session: NewSession;
  user: { id: string; email: string; name: string | null };
  workspace: WorkspaceChoice;
  workspaces: WorkspaceChoice[];
}

interface Invitation {
  id: string;
  workspace_id: string;
  role: Role;
  expires_at: string;
}

/** The person's workspaces with their role, by name. */
export async function workspacesOf(env: Env, userId: string): Promise<WorkspaceChoice[]> {
  const { results } = await env.DB.prepare(
    'SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ?1 ORDER BY w.name, w.id',
  )
    .bind(userId)
    .all<WorkspaceChoice>();
  return results;
}

export async function startSession(env: Env, email: string, opts: { workspaceId?: string }, now = Date.now()): Promise<SignedIn> {
  const at = new Date(now).toISOString();
  let user = await env.DB.prepare('SELECT id, email, name FROM users WHERE email = ?1').bind(email).first<{ id: string; email: string; name: string | null }>();
  const { results: invites } = await env.DB.prepare('SELECT id, workspace_id, role, expires_at FROM invitations WHERE email = ?1 AND accepted_at IS NULL')
    .bind(email)
    .all<Invitation>();
  const live = invites.filter((i) => Date.parse(i.expires_at) > now);
  const writes: D1PreparedStatement[] = [];
  if (!user) {
    user = { id: newId('usr'), email, name: null };
    writes.push(env.DB.prepare('INSERT INTO users (id, email, name, created_at) VALUES (?1, ?2, NULL, ?3) ON CONFLICT (email) DO NOTHING').bind(user.id, email, at));
  }
  const actor = { type: 'user' as const, id: user.id, name: user.name ?? email };
  for (const invite of live) {
    writes.push(
      env.DB.prepare('INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING').bind(invite.workspace_id, user.id, invite.role, at),
      auditStatement(env.DB, { workspaceId: invite.workspace_id, actor, action: 'member.joined', target: { type: 'user', id: user.id }, details: { email, role: invite.role, invitationId: invite.id } }, { ifChanged: true, at }),
      env.DB.prepare('UPDATE invitations SET accepted_at = ?2 WHERE id = ?1').bind(invite.id, at),
    );
  }
  if (writes.length) await env.DB.batch(writes);

  const workspaces = await workspacesOf(env, user.id);
  if (!workspaces.length) {
    if (invites.length) throw new AuthRefusal('INVITATION_EXPIRED', 'Your invitation has expired. Ask an owner of the workspace to invite you again.');
    throw new AuthRefusal('NO_WORKSPACE', 'This address is not a member of any workspace. Ask an owner of a workspace to invite you.');
  }
  const joined = live.length ? workspaces.find((w) => w.id === live.at(-1)!.workspace_id) : undefined;
  const workspace = workspaces.find((w) => w.id === opts.workspaceId) ?? joined ?? workspaces[0]!;
  const { session, statement } = await createSession(env, user.id, workspace.id, now);
  await env.DB.batch([
    statement,
    auditStatement(env.DB, { workspaceId: workspace.id, actor, action: 'signin', target: { type: 'user', id: user.id }, details: { sessionId: session.id } }, { at }),
  ]);
  return { session, user, workspace, workspaces };
}
