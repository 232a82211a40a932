/** API tokens of the workspace: created with a role (the secret shown once), listed, revoked. */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { can } from '../middleware/can.ts';
import { jsonBody } from '../validate.ts';
import { CreateTokenSchema } from '../../../src/lib/schemas/people.ts';
import { createToken, listTokens, revokeToken } from '../../auth/api-tokens.ts';
import type { Principal } from '../../auth/principal.ts';

const creator = (p: Principal | undefined) => p as Principal & { kind: 'user' | 'token' };

export const tokenRoutes = new Hono<AppEnv>()
  .post('/', can('tokens.write'), jsonBody(CreateTokenSchema), async (c) => {
    const { name, role } = c.req.valid('json');
    const { lastUsedAt: _unused, ...created } = await createToken(c.env, creator(c.get('principal')), name, role);
    return c.json(created, 201);
  })
  .get('/', can('tokens.read'), async (c) => c.json({ items: await listTokens(c.env, c.get('workspaceId')) }))
  .delete('/:id', can('tokens.write'), async (c) => {
    await revokeToken(c.env, creator(c.get('principal')), c.req.param('id'));
    return c.body(null, 204);
  });
