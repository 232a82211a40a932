/** The OpenAPI paths of the operator routes (Bearer ADMIN_TOKEN, not a workspace token; 404 when no ADMIN_TOKEN is set): leads shards and workspace moves. */
import { admin, error, idParam } from './shared-parts.ts';

export const adminPaths = {
  '/admin/shards': { get: { ...admin, summary: 'Operator: the leads shards with their workspaces and lead counts', responses: { 200: { description: '{items: [{shard, workspaces, leads}]}' }, 401: error, 404: error } } },
  '/admin/workspaces/{id}/shard': { get: { ...admin, parameters: [idParam('id')], summary: "Operator: a workspace's shard and its move, if any", responses: { 200: { description: '{workspaceId, shard, move}' }, 401: error, 404: error } } },
  '/admin/workspaces/{id}/move': {
    post: {
      ...admin,
      parameters: [idParam('id')],
      summary: 'Operator: move a workspace to another shard, one bounded step per call (drain, copy, verify, flip, delete); call again until done; safe to repeat after a crash',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['toShard'], properties: { toShard: { type: 'integer', minimum: 0 }, drainSeconds: { type: 'integer' }, budgetSeconds: { type: 'integer' }, batchRows: { type: 'integer' } } } } } },
      responses: { 200: { description: 'The move is done' }, 202: { description: 'The move made progress; call again' }, 400: error, 401: error, 404: error, 409: error },
    },
  },
};
