/**
 * Seeds local development data, idempotently: the demo workspace whose token is DEV_API_TOKEN
 * from .dev.vars (an owner token, for scripts), its owner demo@example.com (people sign in with a
 * code the dev server writes where it writes completion emails), and what scripts/demo-sql.ts adds:
 * a demo assistant, a demo campaign and the email allow-list.
 */
import { openD1 } from './d1.ts';
import { DEMO_IDS, demoStatements } from './demo-sql.ts';
import { ensureDevVars } from './dev-vars.ts';
import { shardFor } from './place-workspace.ts';

const token = ensureDevVars();
const d1 = await openD1(false);
try {
  await d1.run(await demoStatements(DEMO_IDS, token, await shardFor(d1, DEMO_IDS.workspaceId)));
} finally {
  await d1.close();
}
console.log('Demo data ready: workspace ws_demo, assistant ast_demo, campaign cmp_demo.');
console.log('Open http://127.0.0.1:8787 and sign in as demo@example.com: the code is in the email wrangler writes under .wrangler/tmp/email (and lists at /cdn-cgi/local/explorer/api/local/email/sending).');
console.log(`API token (owner, for scripts): ${token}`);
