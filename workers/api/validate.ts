/** Hono validators backed by valibot: a bad body or query answers 400 VALIDATION_FAILED naming each field. */
import { validator } from 'hono/validator';
import * as v from 'valibot';
import { ApiError } from './errors.ts';

function check<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message }));
  const first = issues[0]!;
  throw new ApiError(400, 'VALIDATION_FAILED', first.path ? `${first.path}: ${first.message}` : first.message, issues);
}

export const jsonBody = <S extends v.GenericSchema>(schema: S) =>
  validator('json', (value) => check(schema, value));

export const query = <S extends v.GenericSchema>(schema: S) =>
  validator('query', (value) => check(schema, value));
