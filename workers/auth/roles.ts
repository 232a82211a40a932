/** The roles of a workspace (the table lives in src/lib/auth/permission-table.ts, shared with the app). */
import { ROLES, roleRank, type Role } from '../../src/lib/auth/permission-table.ts';

export { ROLES, atLeast, roleRank, type Role } from '../../src/lib/auth/permission-table.ts';

/** The lower of two roles. */
export const lowerRole = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
