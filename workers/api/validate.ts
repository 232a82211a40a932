/**
 * Hono validators backed by valibot: a bad body or query answers 400 VALIDATION_FAILED naming each
 * field. Every body is size-limited before it is buffered: the limit counts bytes as they stream in
 * (or trusts Content-Length, which the runtime enforces), never characters after the fact.
 */
import { validator } from 'hono/validator';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { ApiError } from './errors.ts';
import { LIMITS } from '../../src/lib/limits.ts';

function check<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message }));
  const first = issues[0]!;
  throw new ApiError(400, 'VALIDATION_FAILED', first.path ? `${first.path}: ${first.message}` : first.message, issues);
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;

/**
 * Refuses a body past `maxBytes` with 413 and the API's error shape, before it is read whole.
 * `FILE_TOO_LARGE` for uploads of file data, `BODY_TOO_LARGE` for JSON requests.
 */
export function limitBody(maxBytes: number, code: 'BODY_TOO_LARGE' | 'FILE_TOO_LARGE' = 'BODY_TOO_LARGE', what = 'The request body'): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, code, `${what} is larger than ${megabytes(maxBytes)}, the most this route accepts.`);
    },
  });
}

/** A JSON body checked against `schema`, refused past `maxBytes` before it is parsed. */
export const jsonBody = <S extends v.GenericSchema>(schema: S, maxBytes: number = LIMITS.maxJsonBodyBytes) => {
  const limit = limitBody(maxBytes);
  const validate = validator('json', (value) => check(schema, value));
  const limited: MiddlewareHandler = async (c, next) => {
    let answer: unknown;
    await limit(c, async () => {
      answer = await validate(c, next);
    });
    return answer as Response | void;
  };
  // The validator's type carries the parsed body's type to `c.req.valid('json')`.
  return limited as unknown as typeof validate;
};

export const query = <S extends v.GenericSchema>(schema: S) =>
  validator('query', (value) => check(schema, value));
