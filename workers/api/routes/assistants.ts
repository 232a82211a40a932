/** Assistants: the call-script variables a campaign's leads must supply (workers/assistants). */
import { Hono } from 'hono';
import { CreateAssistantSchema } from '../../../src/lib/schemas/api.ts';
import { UpdateAssistantSchema } from '../../../src/lib/schemas/update.ts';
import { createAssistant, listAssistants, requireAssistant, toAssistant, updateAssistant } from '../../assistants/assistants.ts';
import { jsonBody } from '../validate.ts';
import { actor, can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const assistantRoutes = new Hono<AppEnv>()
  .post('/', can('assistants.write'), jsonBody(CreateAssistantSchema), async (c) => c.json(await createAssistant(c.env, c.get('workspaceId'), c.req.valid('json'), actor(c)), 201))
  .get('/', can('assistants.read'), async (c) => c.json({ items: await listAssistants(c.env, c.get('workspaceId')) }))
  .get('/:id', can('assistants.read'), async (c) => c.json(toAssistant(await requireAssistant(c.env, c.get('workspaceId'), c.req.param('id')))))
  /** Changes the name or the variables; imports already created keep the variables they started with. */
  .patch('/:id', can('assistants.write'), jsonBody(UpdateAssistantSchema), async (c) => c.json(await updateAssistant(c.env, c.get('workspaceId'), c.req.param('id'), c.req.valid('json'), actor(c))));
