/** Starts `wrangler dev` on its own port and state folder, with migrations applied and demo data seeded. */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface DevServer {
  url: string;
  token: string;
  stop(): Promise<void>;
}

export async function startDevServer(port: number, persistTo: string): Promise<DevServer> {
  rmSync(persistTo, { recursive: true, force: true });
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_PERSIST_TO: persistTo };
  execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { env, stdio: 'ignore' });
  const seeded = execFileSync('node', ['scripts/seed.ts'], { env, encoding: 'utf8' });
  const token = /API token: (\S+)/.exec(seeded)![1]!;
  const child: ChildProcess = spawn(
    'npx',
    ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--var', `APP_URL:http://127.0.0.1:${port}`],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    token,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}
