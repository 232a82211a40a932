/**
 * SQL that creates a workspace with one API token (stored as its hash) and places it on a leads
 * shard (scripts/place-workspace.ts picks the least-loaded); INSERT OR IGNORE keeps it idempotent.
 */
import { hashToken } from '../workers/auth/tokens.ts';
import { sqlString } from './d1.ts';

/** The statements, one an element (for a D1 batch). */
export async function workspaceStatements(workspaceId: string, name: string, token: string, tokenName: string, shard: number): Promise<string[]> {
  const now = new Date().toISOString();
  const hash = await hashToken(token);
  return [
    `INSERT OR IGNORE INTO workspaces (id, name, created_at) VALUES (${sqlString(workspaceId)}, ${sqlString(name)}, ${sqlString(now)});`,
    `INSERT OR IGNORE INTO api_tokens (id, workspace_id, token_hash, name, role, created_at) VALUES (${sqlString('tok_' + hash.slice(0, 20))}, ${sqlString(workspaceId)}, ${sqlString(hash)}, ${sqlString(tokenName)}, 'owner', ${sqlString(now)});`,
    `INSERT OR IGNORE INTO workspace_shards (workspace_id, shard, placed_at) VALUES (${sqlString(workspaceId)}, ${Math.floor(shard)}, ${sqlString(now)});`,
  ];
}

/** The same as one SQL text (for `wrangler d1 execute --file`). */
export async function workspaceSql(workspaceId: string, name: string, token: string, tokenName: string, shard: number): Promise<string> {
  return (await workspaceStatements(workspaceId, name, token, tokenName, shard)).join('\n');
}
