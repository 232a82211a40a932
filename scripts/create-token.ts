/**
 * Creates a workspace and prints a new API token for it. The token is shown once and stored only
 * as its SHA-256 hash. Usage: npm run token:create -- "Acme Inc" [--remote]
 */
import { generateToken } from '../workers/auth/tokens.ts';
import { newId } from '../workers/db/ids.ts';
import { openD1 } from './d1.ts';
import { workspaceStatements } from './workspace-sql.ts';
import { shardFor } from './place-workspace.ts';

const args = process.argv.slice(2);
const remote = args.includes('--remote');
const name = args.find((a) => !a.startsWith('--')) ?? 'Workspace';
const workspaceId = newId('ws');
const token = generateToken();
const d1 = await openD1(remote);
let shard: number;
try {
  shard = await shardFor(d1, workspaceId);
  await d1.run(await workspaceStatements(workspaceId, name, token, 'created by token:create', shard));
} finally {
  await d1.close();
}
console.log(`Workspace ${name} (${workspaceId}) created${remote ? ' in the deployed database' : ' locally'}, its leads on shard ${shard}.`);
console.log(`API token (shown once, store it now): ${token}`);
console.log("It is an owner token: it may do everything in the workspace, including creating tokens of any role (POST /api/v1/tokens).");
