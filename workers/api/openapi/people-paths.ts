/**
 * The OpenAPI paths of people: sign-in (the app's path: a code by email, then a session cookie),
 * who is signed in, members and invitations, API tokens, and the audit log. Every route of the API
 * needs a role (403 FORBIDDEN names the missing one): the table is in the README and in
 * workers/auth/permissions.ts.
 */
import { AuditQuerySchema, ChangeRoleSchema, CreateTokenSchema, InviteSchema, SignInCodeSchema, SwitchWorkspaceSchema, VerifyCodeSchema } from '../../../src/lib/schemas/people.ts';
import { authed, error, idParam, queryParams, schema } from './shared-parts.ts';

const jsonBody = (s: Parameters<typeof schema>[0]) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const session = { security: [{ session: [] }, { bearer: [] }] };
const ok = (description: string) => ({ description });

export const peoplePaths = {
  '/auth/code': {
    post: {
      summary: 'Send a one-time sign-in code to an address (the same answer whether or not it may sign in; rate-limited per address and per IP)',
      requestBody: jsonBody(SignInCodeSchema),
      responses: { 202: ok('{sent: true, expiresInSeconds}'), 400: error, 403: error, 429: error },
    },
  },
  '/auth/verify': {
    post: {
      summary: 'Enter the code: sets the session cookie (HttpOnly, Secure, SameSite=Lax). 5 wrong tries spend the code (CODE_EXHAUSTED); expired CODE_EXPIRED',
      requestBody: jsonBody(VerifyCodeSchema),
      responses: { 200: ok('{user, workspace, workspaces}'), 400: error, 401: error, 403: error, 429: error },
    },
  },
  '/auth/workspace': { post: { ...session, summary: 'Switch the session to another of your workspaces', requestBody: jsonBody(SwitchWorkspaceSchema), responses: { 200: ok('{workspace, workspaces}'), 400: error, 401: error, 404: error } } },
  '/auth/signout': { post: { ...session, summary: 'Sign out (this session)', responses: { 204: ok('Signed out'), 400: error, 401: error } } },
  '/auth/signout-all': { post: { ...session, summary: 'Sign out everywhere (every session of this person)', responses: { 204: ok('Signed out everywhere'), 400: error, 401: error } } },
  '/me': { get: { ...session, summary: 'Who is asking, in which workspace and role (and, for a person, their workspaces)', responses: { 200: ok('{kind, user?, token?, workspace, workspaces}'), 401: error } } },
  '/members': { get: { ...session, summary: 'Members of the workspace with their roles', responses: { 200: ok('{items: [{userId, email, name, role, joinedAt}]}'), 401: error } } },
  '/members/me': { delete: { ...session, summary: 'Leave the workspace (not as its last owner: 409 LAST_OWNER)', responses: { 204: ok('Left'), 400: error, 401: error, 409: error } } },
  '/members/{userId}': {
    patch: { ...session, summary: "Change a member's role (owner; the last owner cannot be demoted: 409 LAST_OWNER)", parameters: [idParam('userId')], requestBody: jsonBody(ChangeRoleSchema), responses: { 200: ok('The member'), 400: error, 403: error, 404: error, 409: error } },
    delete: { ...session, summary: 'Remove a member (owner): their sessions and tokens stop at once', parameters: [idParam('userId')], responses: { 204: ok('Removed'), 403: error, 404: error, 409: error } },
  },
  '/invitations': {
    get: { ...session, summary: 'Pending invitations (expired ones flagged)', responses: { 200: ok('{items: [{id, email, role, createdAt, expiresAt, expired}]}'), 401: error } },
    post: { ...session, summary: 'Invite an address with a role (owner); the person joins by signing in before it expires', requestBody: jsonBody(InviteSchema), responses: { 201: ok('The invitation'), 400: error, 403: error, 409: error } },
  },
  '/invitations/{id}': { delete: { ...session, summary: 'Withdraw an invitation (owner)', parameters: [idParam('id')], responses: { 204: ok('Withdrawn'), 403: error, 404: error } } },
  '/tokens': {
    get: { ...authed, summary: 'API tokens of the workspace (admin), never their secrets', responses: { 200: ok('{items: [{id, name, role, createdAt, lastUsedAt}]}'), 401: error, 403: error } },
    post: { ...authed, summary: 'Create an API token (admin) with a role no higher than yours; the token is in this answer only', requestBody: jsonBody(CreateTokenSchema), responses: { 201: ok('{id, name, role, token, createdAt}'), 400: error, 403: error } },
  },
  '/tokens/{id}': { delete: { ...authed, summary: 'Revoke an API token (admin): the next request with it answers 401', parameters: [idParam('id')], responses: { 204: ok('Revoked'), 403: error, 404: error } } },
  '/audit': {
    get: {
      ...authed,
      summary: 'The audit log, newest first: {items: [{id, at, actor: {type, id, name}, action, target: {type, id}, details}], nextCursor}',
      parameters: queryParams(AuditQuerySchema),
      responses: { 200: ok('A page of entries'), 400: error, 401: error },
    },
  },
  '/audit.csv': { get: { ...authed, summary: 'The audit log as CSV (same filters)', parameters: queryParams(AuditQuerySchema), responses: { 200: ok('CSV'), 400: error, 401: error } } },
};
