/**
 * THE decision: every route names one permission (workers/api/middleware/can.ts); what a principal
 * may do is decided here and nowhere else, from THE permission table (src/lib/auth/permission-table.ts,
 * which the app reads too). People and API tokens need the role in the table (viewer < member <
 * admin < owner); signed links, the operator and the anonymous public only reach the permissions
 * made for them.
 */
import type { Principal } from './principal.ts';
import { atLeast } from './roles.ts';
import { AuthRefusal } from './refusal.ts';
import { PERMISSIONS, type Permission, type Rule } from '../../src/lib/auth/permission-table.ts';

export { PERMISSIONS, roleNeeded, type Permission } from '../../src/lib/auth/permission-table.ts';

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
