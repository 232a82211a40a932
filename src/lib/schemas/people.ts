/** valibot schemas of the people, tokens and audit routes (sign-in, members, invitations, API tokens, the audit log). */
import * as v from 'valibot';

import { ROLES as ROLE_NAMES } from '../auth/permission-table.ts';

const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254, 'email is longer than 254 characters.'), v.email('email is not an email address.'));
const Role = v.picklist(ROLE_NAMES, 'role must be one of viewer, member, admin, owner.');
const Id = v.pipe(v.string(), v.regex(/^[a-z]{2,4}_[0-9a-z]{1,40}$/, 'is not an id.'));

/** POST /auth/code: send a one-time code to this address. */
export const SignInCodeSchema = v.object({ email: Email });

/** POST /auth/verify: the code from the email; optionally the workspace to open. */
export const VerifyCodeSchema = v.object({
  email: Email,
  code: v.pipe(v.string(), v.maxLength(32, 'code is too long.'), v.regex(/^[0-9\s-]+$/, 'code is the 8 digits from the email.')),
  workspaceId: v.optional(Id),
});

/** POST /auth/workspace: switch the session to another workspace of the person's. */
export const SwitchWorkspaceSchema = v.object({ workspaceId: Id });

/** POST /invitations */
export const InviteSchema = v.object({ email: Email, role: Role });

/** PATCH /members/{userId} */
export const ChangeRoleSchema = v.object({ role: Role });

/** POST /tokens: a name to recognise it by, and its role (at most the creator's). */
export const CreateTokenSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'name is required.'), v.maxLength(100, 'name is longer than 100 characters.')),
  role: Role,
});

const IsoInstant = v.pipe(v.string(), v.maxLength(40), v.check((s) => !Number.isNaN(Date.parse(s)), 'is not a date or date-time (ISO 8601).'));

/** GET /audit and /audit.csv: newest first, filtered by action, actor, and a time range [from, to). */
export const AuditQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'limit must be a whole number.'), v.transform(Number), v.minValue(1), v.maxValue(200)), '50'),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'cursor is not one this API gave.'))),
  action: v.optional(v.pipe(v.string(), v.maxLength(64), v.regex(/^[a-z_]+(\.[a-z_]+)?$/, 'action is an action name such as import.created.'))),
  actorId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  from: v.optional(IsoInstant),
  to: v.optional(IsoInstant),
});
