/**
 * The assistant aggregate: an assistant's call-script variables, created, listed, found and changed
 * within a workspace. Routes parse and answer; this module is the only one that reads or writes
 * the `assistants` table.
 */
import { auditQuery } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';
import { and, desc, eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { db } from '../db/client.ts';
import { assistants } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { notFoundRefusal } from '../refusal.ts';
import type { AssistantConfig } from '../../src/lib/types.ts';
import type { CreateAssistantInput } from '../../src/lib/schemas/assistant.ts';
import type { Assistant } from '../../src/lib/schemas/resources.ts';
import type { UpdateAssistantInput } from '../../src/lib/schemas/update.ts';

export type AssistantRow = typeof assistants.$inferSelect;

/** The assistant resource (its schema: AssistantSchema, src/lib/schemas/resources.ts). */
export const toAssistant = (a: AssistantRow): Assistant => ({
  id: a.id,
  name: a.name,
  variables: a.variables,
  secondaryVariables: a.secondaryVariables,
  createdAt: a.createdAt,
});

/** What an import validates against: the assistant's variables and its secondary contacts'. */
export const assistantConfig = (a: Pick<AssistantRow, 'variables' | 'secondaryVariables'>): AssistantConfig => ({
  variables: a.variables,
  secondaryVariables: a.secondaryVariables,
});

export async function findAssistant(d1: D1Database, workspaceId: string, id: string): Promise<AssistantRow | undefined> {
  return db(d1)
    .select()
    .from(assistants)
    .where(and(eq(assistants.id, id), eq(assistants.workspaceId, workspaceId)))
    .get();
}

/** The assistant, or a NOT_FOUND refusal. */
export async function requireAssistant(env: Env, workspaceId: string, id: string): Promise<AssistantRow> {
  const row = await findAssistant(env.DB, workspaceId, id);
  if (!row) throw notFoundRefusal('Assistant');
  return row;
}

export async function createAssistant(env: Env, workspaceId: string, input: CreateAssistantInput, actor: Actor = SYSTEM_ACTOR): Promise<Assistant> {
  const row: AssistantRow = {
    id: newId('ast'),
    workspaceId,
    name: input.name,
    variables: input.variables,
    secondaryVariables: input.secondaryVariables,
    createdAt: nowIso(),
  };
  const d = db(env.DB);
  await d.batch([d.insert(assistants).values(row), auditQuery(d, { workspaceId, actor, action: 'assistant.created', target: { type: 'assistant', id: row.id }, details: { name: row.name } })]);
  return toAssistant(row);
}

export async function listAssistants(env: Env, workspaceId: string): Promise<Assistant[]> {
  const rows = await db(env.DB).select().from(assistants).where(eq(assistants.workspaceId, workspaceId)).orderBy(desc(assistants.createdAt)).all();
  return rows.map(toAssistant);
}

/** Changes the name or the variables; imports already created keep the variables they started with. */
export async function updateAssistant(env: Env, workspaceId: string, id: string, input: UpdateAssistantInput, actor: Actor = SYSTEM_ACTOR): Promise<Assistant> {
  const row = await requireAssistant(env, workspaceId, id);
  const changes: Partial<AssistantRow> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.variables !== undefined) changes.variables = input.variables;
  if (input.secondaryVariables !== undefined) changes.secondaryVariables = input.secondaryVariables;
  const d = db(env.DB);
  await d.batch([
    d.update(assistants).set(changes).where(and(eq(assistants.id, row.id), eq(assistants.workspaceId, workspaceId))),
    auditQuery(d, { workspaceId, actor, action: 'assistant.updated', target: { type: 'assistant', id: row.id }, details: { fields: Object.keys(changes) } }),
  ]);
  return toAssistant({ ...row, ...changes });
}
