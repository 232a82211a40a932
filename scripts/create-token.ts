/**
 * Creates a workspace and prints a new API token for it. The token is shown once and stored only
 * as its SHA-256 hash. Usage: npm run token:create -- "Acme Inc" [--remote]
 */
import { generateToken } from '../workers/auth/tokens.ts';
import { newId } from '../workers/db/ids.ts';
import { runSql } from './d1.ts';
import { workspaceSql } from './workspace-sql.ts';

const args = process.argv.slice(2);
const remote = args.includes('--remote');
const name = args.find((a) => !a.startsWith('--')) ?? 'Workspace';
const workspaceId = newId('ws');
const token = generateToken();
runSql(await workspaceSql(workspaceId, name, token, 'created by token:create'), remote);
console.log(`Workspace ${name} (${workspaceId}) created${remote ? ' in the deployed database' : ' locally'}.`);
console.log(`API token (shown once, store it now): ${token}`);
