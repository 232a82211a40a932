/** Adds a variable to the campaign's assistant (PATCH /assistants/{id} with its variables plus the new one). */
import * as v from 'valibot';
import { api, errorMessage } from '#lib/ui/api.ts';
import { VariableDefSchema } from '#lib/schemas/assistant.ts';
import type { VariableDef } from '#lib/types.ts';
import type { Assistant } from '#lib/ui/wire-types.ts';

export type AddVariableResult = { ok: true; assistant: Assistant } | { ok: false; message: string };

export async function addVariable(assistant: Assistant, def: VariableDef): Promise<AddVariableResult> {
  const checked = v.safeParse(VariableDefSchema, def);
  if (!checked.success) return { ok: false, message: checked.issues[0].message };
  if (assistant.variables.some((x) => x.name.toLowerCase() === def.name.toLowerCase())) {
    return { ok: false, message: `The assistant already has a variable named ${def.name}: choose it in the list instead.` };
  }
  const res = await api().assistants[':id'].$patch({ param: { id: assistant.id }, json: { variables: [...assistant.variables, checked.output] } });
  if (!res.ok) {
    if (res.status === 403) return { ok: false, message: 'Only an admin of the workspace may add variables to an assistant.' };
    return { ok: false, message: await errorMessage(res, 'The variable could not be added') };
  }
  return { ok: true, assistant: (await res.json()) as Assistant };
}
