/** Building blocks shared by the OpenAPI document's path modules: parameters, bodies, responses, security. */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { LIMITS } from '../../../src/lib/limits.ts';

/** A request body's JSON Schema (what the client may send). */
export const schema = (s: v.GenericSchema) => toJsonSchema(s, { typeMode: 'input', errorMode: 'ignore' });
/** A resource's JSON Schema (what the API answers), from the same valibot schema its mapper returns (src/lib/schemas/resources.ts). */
export const resource = (s: v.GenericSchema) => toJsonSchema(s, { typeMode: 'output', errorMode: 'ignore' });
/** A list answer `{items: [...]}` of a component. */
export const itemsOf = (ref: string) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } } } });

export function queryParams(s: v.GenericSchema) {
  const json = schema(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: prop,
  }));
}

export const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
export const indexParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'integer', minimum: 0 } });
export const error = { $ref: '#/components/responses/Error' };
export const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
/** A JSON request body of a component schema. */
export const body = (ref: string) => ({ required: true, ...json(ref) });
/** A response (OpenAPI requires its description) whose JSON body is a component schema. */
export const returns = (description: string, ref: string) => ({ description, ...json(ref) });
export const finished = returns(`The import, finished inline (${LIMITS.inlineMaxRows} rows or fewer)`, 'Import');
export const accepted = returns('The import, queued to run in the background', 'Import');
export const authed = { security: [{ bearer: [] }] };
/** Operator routes take ADMIN_TOKEN (a secret), never a workspace token; they answer 404 where none is set. */
export const admin = { security: [{ admin: [] }] };
/** A signed link's query: HMAC-SHA-256 over the link's kind, import and expiry (valid 7 days; 403 LINK_INVALID or LINK_EXPIRED). */
export const signedParams = [
  { name: 'exp', in: 'query', required: true, description: 'Expiry, unix seconds', schema: { type: 'integer' } },
  { name: 'sig', in: 'query', required: true, description: 'Signature, hex', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
];
export const notifyHeader = { name: 'X-Notify-Email', in: 'header', required: false, description: 'Where to send the completion email (preferred over the notifyEmail query parameter, which URL logs keep). Must be on the workspace allow-list (PUT /workspace/notify-emails).', schema: { type: 'string', format: 'email' } };
