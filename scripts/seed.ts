/**
 * Seeds local development data, idempotently: the demo workspace whose token is DEV_API_TOKEN
 * from .dev.vars (an owner token, for scripts), its owner demo@example.com (people sign in with a
 * code the dev server writes where it writes completion emails), a demo assistant with the product page's example variables, a demo campaign,
 * and example.com on the list of addresses that may receive its import emails.
 */
import { readFileSync, existsSync, copyFileSync, appendFileSync } from 'node:fs';
import { runSql, sqlString } from './d1.ts';
import { workspaceSql } from './workspace-sql.ts';
import { shardFor } from './place-workspace.ts';

if (!existsSync('.dev.vars')) copyFileSync('.dev.vars.example', '.dev.vars');
// .dev.vars made before the admin routes existed lacks their token (npm run workspace:move needs it).
if (!/^ADMIN_TOKEN=/m.test(readFileSync('.dev.vars', 'utf8'))) {
  appendFileSync('.dev.vars', `\n${/^ADMIN_TOKEN=.*$/m.exec(readFileSync('.dev.vars.example', 'utf8'))![0]}\n`);
}
const token = /^DEV_API_TOKEN=(.+)$/m.exec(readFileSync('.dev.vars', 'utf8'))?.[1]?.trim();
if (!token) throw new Error('.dev.vars has no DEV_API_TOKEN line');

const now = new Date().toISOString();
const variables = JSON.stringify([
  { name: 'customer_name', type: 'text', required: true, maxLength: 100, description: 'Who the assistant asks for' },
  { name: 'company', type: 'text', maxLength: 100 },
  { name: 'budget_range', type: 'text', default: 'unknown', maxLength: 40 },
]);
const secondary = JSON.stringify([
  { name: 'name', type: 'text', maxLength: 100 },
  { name: 'role', type: 'text', maxLength: 100 },
]);
runSql(
  [
    await workspaceSql('ws_demo', 'Demo workspace', token, 'development token', shardFor('ws_demo')),
    `INSERT OR IGNORE INTO assistants (id, workspace_id, name, variables, secondary_variables, created_at) VALUES ('ast_demo', 'ws_demo', 'Demo sales assistant', ${sqlString(variables)}, ${sqlString(secondary)}, ${sqlString(now)});`,
    `INSERT OR IGNORE INTO users (id, email, name, created_at) VALUES ('usr_demo', 'demo@example.com', 'Demo owner', ${sqlString(now)});`,
    `INSERT OR IGNORE INTO memberships (workspace_id, user_id, role, created_at) VALUES ('ws_demo', 'usr_demo', 'owner', ${sqlString(now)});`,
    `INSERT OR IGNORE INTO notify_email_allow_list (workspace_id, entry, created_at) VALUES ('ws_demo', '@example.com', ${sqlString(now)});`,
    `INSERT OR IGNORE INTO campaigns (id, workspace_id, name, assistant_id, default_country, created_at) VALUES ('cmp_demo', 'ws_demo', 'Demo campaign', 'ast_demo', 'US', ${sqlString(now)});`,
  ].join('\n'),
);
console.log('Demo data ready: workspace ws_demo, assistant ast_demo, campaign cmp_demo.');
console.log('Open http://127.0.0.1:8787 and sign in as demo@example.com: the code is in the email wrangler writes under .wrangler/tmp/email (and lists at /cdn-cgi/local/explorer/api/local/email/sending).');
console.log(`API token (owner, for scripts): ${token}`);
