/**
 * The API contract document: served by the app, valid OpenAPI (checked by a real validator, which
 * needs Node: ajv compiles schemas with `new Function`, which workerd refuses), and in step with
 * the routes the app mounts, both ways.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../workers/api/app.ts';

const BASE = '/api/v1';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { description?: string; $ref?: string }>;
}
type Doc = { openapi: string; paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

/** Hono's `/campaigns/:id/uploads/:uploadId/parts/:n{[0-9]+}` as an OpenAPI path template. */
const toTemplate = (honoPath: string) => honoPath.slice(BASE.length).replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

/** Every method + path the app answers (middleware registered for ALL is not an operation). */
function mountedOperations(): string[] {
  const ops = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith(`${BASE}/`)).map((r) => `${r.method.toLowerCase()} ${toTemplate(r.path)}`);
  return [...new Set(ops)].sort();
}

function documentedOperations(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m} ${path}`))
    .sort();
}

let doc: Doc;
beforeAll(async () => {
  const res = await app.request(`http://api.example.com${BASE}/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
});

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as unknown as Parameters<typeof SwaggerParser.validate>[0])).resolves.toBeTruthy();
  });

  it('documents every route the app mounts, and no route it does not', () => {
    const mounted = mountedOperations();
    expect(mounted.length).toBeGreaterThan(15);
    expect(mounted).toContain('put /campaigns/{id}/uploads/{uploadId}/parts/{n}');
    expect(documentedOperations(doc)).toEqual(mounted);
  });

  it('declares each path template parameter, and every response has a description', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const m of METHODS) {
        const op = item[m];
        if (!op) continue;
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
        expect(declared, `${m} ${path}`).toEqual(names);
        expect(Object.keys(op.responses).length, `${m} ${path}`).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(response.$ref ?? response.description, `${m} ${path} ${status}`).toBeTruthy();
        }
      }
    }
  });

  it('names the server it was fetched from', async () => {
    const res = await app.request(`https://leads.example.org${BASE}/openapi.json`);
    expect(((await res.json()) as { servers: { url: string }[] }).servers[0]!.url).toBe(`https://leads.example.org${BASE}`);
  });
});
