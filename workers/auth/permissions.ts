/**
 * THE permission table and THE decision: every route names one permission (workers/api/middleware/
 * can.ts); what a principal may do is decided here and nowhere else. People and API tokens need the
 * role in the table (viewer < member < admin < owner); signed links, the operator and the anonymous
 * public only reach the permissions made for them.
 */
import type { Principal, PrincipalKind } from './principal.ts';
import { atLeast, type Role } from './roles.ts';
import { AuthRefusal } from './refusal.ts';

interface Rule {
  /** The least role a person or a token needs. */
  role?: Role;
  /** Principals other than people and tokens that hold it (people and tokens hold it when `role` is set). */
  also?: PrincipalKind[];
  /** What the permission allows, for the refusal's message ("… needs the admin role to change campaigns"). */
  what: string;
}

export const PERMISSIONS = {
  /** Anyone, signed in or not: health, the OpenAPI document, asking for and entering a sign-in code. */
  public: { also: ['anonymous', 'user', 'token', 'link', 'admin'], what: 'use public routes' },
  /** Any person or token about itself: who am I, sign out, switch workspace. */
  self: { role: 'viewer', what: 'see who is signed in' },
  'campaigns.read': { role: 'viewer', what: 'read campaigns and their leads' },
  'campaigns.write': { role: 'admin', what: 'create or change campaigns' },
  'assistants.read': { role: 'viewer', what: 'read assistants' },
  'assistants.write': { role: 'admin', what: 'create or change assistants' },
  'imports.read': { role: 'viewer', what: 'read imports, their reports and progress' },
  'imports.write': { role: 'member', what: 'import leads, cancel or undo imports' },
  'mappings.read': { role: 'viewer', what: 'read remembered column mappings' },
  'mappings.write': { role: 'member', what: 'forget remembered column mappings' },
  'suppressions.read': { role: 'viewer', what: 'read the suppression list' },
  'suppressions.write': { role: 'admin', what: 'change the suppression list' },
  'notify_emails.read': { role: 'admin', what: 'read the notify allow-list' },
  'notify_emails.write': { role: 'admin', what: 'change the notify allow-list' },
  'tokens.read': { role: 'admin', what: 'list API tokens' },
  'tokens.write': { role: 'admin', what: 'create or revoke API tokens' },
  'webhooks.read': { role: 'admin', what: 'read webhooks and their deliveries' },
  'webhooks.write': { role: 'admin', what: 'create, delete or retry webhooks' },
  'members.read': { role: 'viewer', what: 'read members and invitations' },
  'members.write': { role: 'owner', what: 'invite people, change roles or remove members' },
  'audit.read': { role: 'viewer', what: 'read the audit log' },
  'calling_rules.read': { role: 'viewer', what: 'read the calling rules' },
  /** A signed link from a completion email: that one import's page, error report and leads. */
  'links.import': { also: ['link'], what: 'open a signed link' },
  /** The operator (ADMIN_TOKEN): moving workspaces between shards. */
  'admin.operate': { also: ['admin'], what: 'run operator commands' },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export const isPermission = (value: string): value is Permission => Object.hasOwn(PERMISSIONS, value);

/** The least role a person or token needs for `permission`, or null when people and tokens never hold it. */
export function roleNeeded(permission: Permission): Role | null {
  const rule: Rule = PERMISSIONS[permission];
  return rule.role ?? null;
}

/** Whether `principal` holds `permission`. */
export function allows(principal: Principal, permission: Permission): boolean {
  const rule: Rule = PERMISSIONS[permission];
  if (rule.also?.includes(principal.kind)) return true;
  if ((principal.kind === 'user' || principal.kind === 'token') && rule.role) return atLeast(principal.role, rule.role);
  return principal.kind === 'system';
}

/** Throws 401 UNAUTHORIZED for nobody, 403 FORBIDDEN naming the missing role (or principal) otherwise. */
export function assertAllowed(principal: Principal, permission: Permission): void {
  if (allows(principal, permission)) return;
  const rule: Rule = PERMISSIONS[permission];
  if (principal.kind === 'anonymous') {
    throw new AuthRefusal('UNAUTHORIZED', 'Sign in, or send an API token as "Authorization: Bearer <token>".');
  }
  if ((principal.kind === 'user' || principal.kind === 'token') && rule.role) {
    const who = principal.kind === 'user' ? 'you are' : 'this API token is';
    throw new AuthRefusal('FORBIDDEN', `This needs the ${rule.role} role (to ${rule.what}); ${who} ${principal.role}.`, {
      missing: rule.role,
      permission,
      role: principal.role,
    });
  }
  throw new AuthRefusal('FORBIDDEN', `A ${principal.kind === 'link' ? 'signed link' : principal.kind} may not ${rule.what}.`, { permission });
}
