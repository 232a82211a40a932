/**
 * SQL of a demo workspace (idempotent): the workspace with one API token (an owner token, for
 * scripts), its owner (a person who signs in with a code by email), a demo assistant with the
 * product page's example variables, a demo campaign, and example.com on the list of addresses that
 * may receive its import emails. `npm run dev` seeds one (scripts/seed.ts); the browser tests seed
 * one per test file (test/browser/global-setup.ts), so files run in parallel on their own data.
 */
import { sqlString } from './d1.ts';
import { workspaceStatements } from './workspace-sql.ts';

export interface DemoIds {
  workspaceId: string;
  assistantId: string;
  campaignId: string;
  /** The workspace's owner: a user id and the address they sign in with. */
  ownerId: string;
  ownerEmail: string;
}

/** The demo workspace `npm run dev` seeds (scripts/seed.ts) and the dev servers of the tests and the bench. */
export const DEMO_IDS: DemoIds = { workspaceId: 'ws_demo', assistantId: 'ast_demo', campaignId: 'cmp_demo', ownerId: 'usr_demo', ownerEmail: 'demo@example.com' };

const VARIABLES = JSON.stringify([
  { name: 'customer_name', type: 'text', required: true, maxLength: 100, description: 'Who the assistant asks for' },
  { name: 'company', type: 'text', maxLength: 100 },
  { name: 'budget_range', type: 'text', default: 'unknown', maxLength: 40 },
]);
const SECONDARY = JSON.stringify([
  { name: 'name', type: 'text', maxLength: 100 },
  { name: 'role', type: 'text', maxLength: 100 },
]);

/** The demo workspace's SQL statements, one an element (for a D1 batch). */
export async function demoStatements(ids: DemoIds, token: string, shard: number): Promise<string[]> {
  const now = sqlString(new Date().toISOString());
  const [ws, ast, cmp, usr] = [sqlString(ids.workspaceId), sqlString(ids.assistantId), sqlString(ids.campaignId), sqlString(ids.ownerId)];
  return [
    ...(await workspaceStatements(ids.workspaceId, 'Demo workspace', token, 'development token', shard)),
    `INSERT OR IGNORE INTO assistants (id, workspace_id, name, variables, secondary_variables, created_at) VALUES (${ast}, ${ws}, 'Demo sales assistant', ${sqlString(VARIABLES)}, ${sqlString(SECONDARY)}, ${now});`,
    `INSERT OR IGNORE INTO users (id, email, name, created_at) VALUES (${usr}, ${sqlString(ids.ownerEmail)}, 'Demo owner', ${now});`,
    `INSERT OR IGNORE INTO memberships (workspace_id, user_id, role, created_at) VALUES (${ws}, ${usr}, 'owner', ${now});`,
    `INSERT OR IGNORE INTO notify_email_allow_list (workspace_id, entry, created_at) VALUES (${ws}, '@example.com', ${now});`,
    `INSERT OR IGNORE INTO campaigns (id, workspace_id, name, assistant_id, default_country, created_at) VALUES (${cmp}, ${ws}, 'Demo campaign', ${ast}, 'US', ${now});`,
  ];
}
