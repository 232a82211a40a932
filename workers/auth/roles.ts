/** The roles of a workspace, each allowed what the one below it is and more: viewer < member < admin < owner. */
export const ROLES = ['viewer', 'member', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const roleRank = (role: Role): number => ROLES.indexOf(role);

/** Whether `role` is `needed` or above. */
export const atLeast = (role: Role, needed: Role): boolean => roleRank(role) >= roleRank(needed);

/** The lower of two roles. */
export const lowerRole = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
