/**
 * Who is asking: a person (a session cookie), an API token, a signed link, the operator (ADMIN_TOKEN),
 * the Worker itself (retention, the queue), or nobody yet. The permission table decides what each may do.
 */
import type { Role } from './roles.ts';
import type { LinkKind } from '../links/sign.ts';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; workspaceId: string; role: Role; userId: string; email: string; name: string | null; sessionId: string }
  | { kind: 'token'; workspaceId: string; role: Role; tokenId: string; name: string; ownerUserId: string | null }
  | { kind: 'link'; importId: string; linkKind: LinkKind; exp: number }
  | { kind: 'admin' }
  | { kind: 'system' };

export type PrincipalKind = Principal['kind'];

/** Who the audit log names: `{type, id, name}` (DESIGN.md, audit log). */
export interface Actor {
  type: 'user' | 'token' | 'link' | 'system';
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { type: 'user', id: principal.userId, name: principal.name ?? principal.email };
    case 'token':
      return { type: 'token', id: principal.tokenId, name: principal.name };
    case 'link':
      return { type: 'link', id: principal.importId, name: 'signed link' };
    default:
      return SYSTEM_ACTOR;
  }
}

/** The workspace a principal acts in, if any. */
export const workspaceOf = (p: Principal): string | null => ('workspaceId' in p ? p.workspaceId : null);

/** The role a principal holds in its workspace, if it has one. */
export const roleOf = (p: Principal): Role | null => (p.kind === 'user' || p.kind === 'token' ? p.role : null);
