/** The OpenAPI paths outside campaigns and imports: this document, health, the workspace's email allow-list and the signed links of completion emails. */
import { authed, error, idParam, returns, signedParams } from './shared-parts.ts';

export const workspacePaths = {
  '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': {} } } } } },
  '/health': { get: { summary: 'Health of the Worker and its bindings', responses: { 200: { description: 'ok' }, 503: { description: 'a binding does not answer' } } } },
  '/workspace/notify-emails': {
    get: { ...authed, summary: 'Who may receive import emails: addresses and @domains', responses: { 200: { description: '{items: string[]}' }, 401: error } },
    put: {
      ...authed,
      summary: 'Replace the list of who may receive import emails (at most 100 entries, each a@b.c or @domain)',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', maxItems: 100, items: { type: 'string' } } } } } } },
      responses: { 200: { description: '{items: string[]}' }, 400: error, 413: error },
    },
  },
  '/links/imports/{id}': {
    get: { summary: 'Signed link (from the completion email, no token): the import resource with its campaign name and signed report and leads links', parameters: [idParam('id'), ...signedParams], responses: { 200: returns('The import', 'Import'), 403: error, 404: error } },
  },
  '/links/imports/{id}/errors.csv': { get: { summary: 'Signed link (no token): the error report', parameters: [idParam('id'), ...signedParams], responses: { 200: { description: 'CSV' }, 403: error, 404: error, 410: error } } },
  '/links/imports/{id}/leads.csv': { get: { summary: 'Signed link (no token): the leads this import wrote', parameters: [idParam('id'), ...signedParams], responses: { 200: { description: 'CSV' }, 403: error, 404: error } } },
};
