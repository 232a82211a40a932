/**
 * Moves a workspace's leads to another shard: npm run workspace:move -- <workspaceId> <toShard>
 * [--url http://127.0.0.1:8787]. The running Worker holds the D1 bindings, so this calls its admin
 * route (POST /api/v1/admin/workspaces/{id}/move, ADMIN_TOKEN from .dev.vars or the environment)
 * again and again; each call advances the move for up to 20 s and the state lives in DB, so the
 * command can be stopped and re-run at any point. Against the deployed Worker:
 * ADMIN_TOKEN=… npm run workspace:move -- <id> <shard> --url https://<your worker>.
 */
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const base = (urlAt >= 0 ? args[urlAt + 1] : process.env.LEAD_IMPORT_URL) ?? 'http://127.0.0.1:8787';
const [workspaceId, shardArg] = args.filter((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
const toShard = Number(shardArg);
if (!workspaceId || !Number.isInteger(toShard)) {
  console.error('Usage: npm run workspace:move -- <workspaceId> <toShard> [--url http://127.0.0.1:8787]');
  process.exit(2);
}
const token = process.env.ADMIN_TOKEN ?? (existsSync('.dev.vars') ? /^ADMIN_TOKEN=(.+)$/m.exec(readFileSync('.dev.vars', 'utf8'))?.[1]?.trim() : undefined);
if (!token) {
  console.error('No ADMIN_TOKEN: set it in .dev.vars (see .dev.vars.example) or in the environment.');
  process.exit(2);
}

for (;;) {
  const res = await fetch(`${base}/api/v1/admin/workspaces/${encodeURIComponent(workspaceId)}/move`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ toShard }),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) {
    console.error(`Move refused (${res.status}): ${JSON.stringify(body)}`);
    process.exit(1);
  }
  const waiting = body.runningImports ? `, waiting for ${body.runningImports} running import(s)` : '';
  console.log(`${workspaceId}: shard ${body.fromShard} → ${body.toShard}, ${body.phase}, ${body.copiedRows} rows copied${waiting}`);
  if (body.phase === 'done') break;
  if (body.phase === 'draining') await new Promise((r) => setTimeout(r, 2_000));
}
