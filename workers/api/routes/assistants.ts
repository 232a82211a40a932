/** Assistants: the call-script variables a campaign's leads must supply. */
import { Hono } from 'hono';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../../db/client.ts';
import { assistants } from '../../db/schema.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { CreateAssistantSchema } from '../../../src/lib/schemas/api.ts';
import { UpdateAssistantSchema } from '../../../src/lib/schemas/update.ts';
import { jsonBody } from '../validate.ts';
import { notFound } from '../errors.ts';
import { actor, can } from '../middleware/can.ts';
import { auditQuery } from '../../audit/record-audit.ts';
import type { AppEnv } from '../app-env.ts';

type AssistantRow = typeof assistants.$inferSelect;

export const toAssistant = (a: AssistantRow) => ({
  id: a.id,
  name: a.name,
  variables: a.variables,
  secondaryVariables: a.secondaryVariables,
  createdAt: a.createdAt,
});

export async function findAssistant(d1: D1Database, workspaceId: string, id: string) {
  return db(d1)
    .select()
    .from(assistants)
    .where(and(eq(assistants.id, id), eq(assistants.workspaceId, workspaceId)))
    .get();
}

export const assistantRoutes = new Hono<AppEnv>()
  .post('/', can('assistants.write'), jsonBody(CreateAssistantSchema), async (c) => {
    const body = c.req.valid('json');
    const row: AssistantRow = {
      id: newId('ast'),
      workspaceId: c.get('workspaceId'),
      name: body.name,
      variables: body.variables,
      secondaryVariables: body.secondaryVariables,
      createdAt: nowIso(),
    };
    const d = db(c.env.DB);
    await d.batch([d.insert(assistants).values(row), auditQuery(d, { workspaceId: row.workspaceId, actor: actor(c), action: 'assistant.created', target: { type: 'assistant', id: row.id }, details: { name: row.name } })]);
    return c.json(toAssistant(row), 201);
  })
  .get('/', can('assistants.read'), async (c) => {
    const rows = await db(c.env.DB)
      .select()
      .from(assistants)
      .where(eq(assistants.workspaceId, c.get('workspaceId')))
      .orderBy(desc(assistants.createdAt))
      .all();
    return c.json({ items: rows.map(toAssistant) });
  })
  .get('/:id', can('assistants.read'), async (c) => {
    const row = await findAssistant(c.env.DB, c.get('workspaceId'), c.req.param('id'));
    if (!row) throw notFound('Assistant');
    return c.json(toAssistant(row));
  })
  /** Changes the name or the variables; imports already created keep the variables they started with. */
  .patch('/:id', can('assistants.write'), jsonBody(UpdateAssistantSchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findAssistant(c.env.DB, workspaceId, c.req.param('id'));
    if (!row) throw notFound('Assistant');
    const body = c.req.valid('json');
    const changes: Partial<AssistantRow> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.variables !== undefined) changes.variables = body.variables;
    if (body.secondaryVariables !== undefined) changes.secondaryVariables = body.secondaryVariables;
    const d = db(c.env.DB);
    await d.batch([
      d.update(assistants).set(changes).where(and(eq(assistants.id, row.id), eq(assistants.workspaceId, workspaceId))),
      auditQuery(d, { workspaceId, actor: actor(c), action: 'assistant.updated', target: { type: 'assistant', id: row.id }, details: { fields: Object.keys(changes) } }),
    ]);
    return c.json(toAssistant({ ...row, ...changes }));
  });
