import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from './server.ts';
import { demoStatements, type DemoIds } from '../../scripts/demo-sql.ts';
import { workspaceStatements } from '../../scripts/workspace-sql.ts';
import { generateToken } from '../../workers/auth/tokens.ts';
import { leadShardBindings } from '../../scripts/shards.ts';

let server: DevServer | undefined;

/** One demo workspace per browser test file (its own campaigns, imports and list), so files run in parallel. */
export type FileWorkspace = DemoIds & { token: string };

export async function setup(project: TestProject) {
  const files = readdirSync('test/browser').filter((f) => f.endsWith('.test.ts')).map((f) => f.slice(0, -'.test.ts'.length));
  const shards = leadShardBindings().length;
  const workspaces: Record<string, FileWorkspace> = {};
  const statements: string[] = [];
  for (const [i, file] of files.entries()) {
    const slug = file.replace(/[^a-z0-9]+/g, '_');
    const ws: FileWorkspace = {
      workspaceId: `ws_${slug}`,
      assistantId: `ast_${slug}`,
      campaignId: `cmp_${slug}`,
      // Each file signs in as its workspace's own owner (test/browser/sign-in.ts).
      ownerId: `usr_${slug}`,
      ownerEmail: `owner.${slug}@example.com`,
      token: generateToken(),
    };
    workspaces[file] = ws;
    statements.push(...(await demoStatements(ws, ws.token, i % shards)));
  }
  // A workspace with no people and no data, for a person who belongs to two (people.test.ts).
  const spare = { workspaceId: 'ws_spare_second', name: 'Second Workspace', token: generateToken() };
  statements.push(...(await workspaceStatements(spare.workspaceId, spare.name, spare.token, 'browser tests', 1 % shards)));
  // Many tests sign in within the hour: lift the sign-in limits (their own tests are Worker tests).
  // List imports in 500-row chunks: a 6,000-row list runs in 12 chunks, still running at its 202.
  const lifted = { LIST_CHUNK_ROWS: '500', SIGNIN_CODES_PER_ADDRESS_PER_HOUR: '1000', SIGNIN_CODES_PER_IP_PER_HOUR: '1000', SIGNIN_VERIFIES_PER_IP_PER_HOUR: '1000' };
  mkdirSync('test-results', { recursive: true });
  server = await startDevServer(Number(process.env.TEST_PORT ?? 8799), '.wrangler/test-state', { statements, vars: lifted });
  project.provide('baseUrl', server.url);
  project.provide('token', server.token);
  project.provide('workspaces', workspaces);
  project.provide('spareWorkspace', spare);
}

export async function teardown() {
  // The server's log, for a failure's cause (a 500 or 503 names it there, not in the answer).
  if (server) writeFileSync('test-results/wrangler-dev.log', server.log());
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The demo workspace's token (DEV_API_TOKEN), as `npm run dev` seeds it. */
    token: string;
    workspaces: Record<string, FileWorkspace>;
    /** "Second Workspace": no members and no data; its owner token. */
    spareWorkspace: { workspaceId: string; name: string; token: string };
  }
}
