/**
 * Seeds local development data, idempotently: the demo workspace whose token is DEV_API_TOKEN
 * from .dev.vars (an owner token, for scripts), its owner demo@example.com (people sign in with a
 * code the dev server writes where it writes completion emails), and what scripts/demo-sql.ts adds:
 * a demo assistant, a demo campaign and the email allow-list.
 */
import { readFileSync, existsSync, copyFileSync, appendFileSync } from 'node:fs';
import { runSql } from './d1.ts';
import { demoSql } from './demo-sql.ts';
import { shardFor } from './place-workspace.ts';

if (!existsSync('.dev.vars')) copyFileSync('.dev.vars.example', '.dev.vars');
// .dev.vars made before the admin routes existed lacks their token (npm run workspace:move needs it).
if (!/^ADMIN_TOKEN=/m.test(readFileSync('.dev.vars', 'utf8'))) {
  appendFileSync('.dev.vars', `\n${/^ADMIN_TOKEN=.*$/m.exec(readFileSync('.dev.vars.example', 'utf8'))![0]}\n`);
}
const token = /^DEV_API_TOKEN=(.+)$/m.exec(readFileSync('.dev.vars', 'utf8'))?.[1]?.trim();
if (!token) throw new Error('.dev.vars has no DEV_API_TOKEN line');

runSql(await demoSql({ workspaceId: 'ws_demo', assistantId: 'ast_demo', campaignId: 'cmp_demo', ownerId: 'usr_demo', ownerEmail: 'demo@example.com' }, token, shardFor('ws_demo')));
console.log('Demo data ready: workspace ws_demo, assistant ast_demo, campaign cmp_demo.');
console.log('Open http://127.0.0.1:8787 and sign in as demo@example.com: the code is in the email wrangler writes under .wrangler/tmp/email (and lists at /cdn-cgi/local/explorer/api/local/email/sending).');
console.log(`API token (owner, for scripts): ${token}`);
