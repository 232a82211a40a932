/** Members of the workspace and invitations (owners manage; everyone reads). */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { actor, can } from '../middleware/can.ts';
import { jsonBody } from '../validate.ts';
import { ChangeRoleSchema, InviteSchema } from '../../../src/lib/schemas/people.ts';
import { changeRole, listMembers, removeMember } from '../../auth/members.ts';
import { AuthRefusal } from '../../auth/refusal.ts';
import { invite, listInvitations, revokeInvitation } from '../../auth/invitations.ts';

export const memberRoutes = new Hono<AppEnv>()
  .get('/members', can('members.read'), async (c) => c.json({ items: await listMembers(c.env, c.get('workspaceId')) }))
  .patch('/members/:userId', can('members.write'), jsonBody(ChangeRoleSchema), async (c) =>
    c.json(await changeRole(c.env, c.get('workspaceId'), c.req.param('userId'), c.req.valid('json').role, actor(c))),
  )
  /** Leaves the workspace (any signed-in person; not the last owner). */
  .delete('/members/me', can('self'), async (c) => {
    const principal = c.get('principal');
    if (principal?.kind !== 'user') throw new AuthRefusal('NOT_A_SESSION', 'Only a signed-in person can leave a workspace; revoke a token with DELETE /tokens/{id}.');
    await removeMember(c.env, c.get('workspaceId'), principal.userId, actor(c));
    return c.body(null, 204);
  })
  .delete('/members/:userId', can('members.write'), async (c) => {
    await removeMember(c.env, c.get('workspaceId'), c.req.param('userId'), actor(c));
    return c.body(null, 204);
  })
  .get('/invitations', can('members.read'), async (c) => c.json({ items: await listInvitations(c.env, c.get('workspaceId')) }))
  .post('/invitations', can('members.write'), jsonBody(InviteSchema), async (c) => {
    const { email, role } = c.req.valid('json');
    return c.json(await invite(c.env, c.get('workspaceId'), email, role, actor(c)), 201);
  })
  .delete('/invitations/:id', can('members.write'), async (c) => {
    await revokeInvitation(c.env, c.get('workspaceId'), c.req.param('id'), actor(c));
    return c.body(null, 204);
  });
