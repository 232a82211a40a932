/**
 * The one permission table, shared by the Worker (which decides: workers/auth/permissions.ts) and
 * the app (which hides what a role may not do). Roles are ordered: viewer < member < admin < owner.
 * People and API tokens need `role`; the other principals only reach permissions made for them.
 */
export const ROLES = ['viewer', 'member', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const roleRank = (role: Role): number => ROLES.indexOf(role);

/** Whether `role` is `needed` or above. */
export const atLeast = (role: Role, needed: Role): boolean => roleRank(role) >= roleRank(needed);

export type PrincipalKind = 'anonymous' | 'user' | 'token' | 'link' | 'admin' | 'system';

export interface Rule {
  /** The least role a person or a token needs. */
  role?: Role;
  /** Principals other than people and tokens that hold it. */
  also?: readonly PrincipalKind[];
  /** What the permission allows, for refusals ("… needs the admin role to change campaigns"). */
  what: string;
}

export const PERMISSIONS = {
  /** Anyone, signed in or not: health, the OpenAPI document, asking for and entering a sign-in code. */
  public: { also: ['anonymous', 'user', 'token', 'link', 'admin'], what: 'use public routes' },
  /** Any person or token about itself: who am I, sign out, switch workspace, leave. */
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

/** The least role a person or token needs for `permission`, or null when people and tokens never hold it. */
export function roleNeeded(permission: Permission): Role | null {
  const rule: Rule = PERMISSIONS[permission];
  return rule.role ?? null;
}

/** Whether a person or token with `role` holds `permission`. */
export const roleMay = (role: Role, permission: Permission): boolean => {
  const needed = roleNeeded(permission);
  return needed !== null && atLeast(role, needed);
};
