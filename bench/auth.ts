/**
 * What authentication costs: the median of the same tiny request without any check, with an API
 * token and with a session cookie (each resolved from D1 and checked against the permission table,
 * no cache), interleaved so drift hits all three alike; target: at most 2 ms added to the median.
 * And the audit write an import makes (one entry, `import.created`, timed in the Worker) as a share
 * of a headless import of the run's size; target: at most 3% of the pipeline.
 *
 *   node bench/auth.ts 100000
 */
import { generateLeadsCsv, toBytes } from './generate.ts';
import { label, resultLine, secs, type PartOutput } from './report.ts';
import { apiClient, importCsv, withBenchServer, type DevServer } from './server.ts';
import { codeFromEmail, DEMO_EMAIL } from '../test/browser/sign-in.ts';

const REQUESTS = 300;

async function sessionCookie(server: DevServer): Promise<string> {
  const headers = { 'Content-Type': 'application/json', Origin: server.url };
  const since = Date.now();
  const asked = await fetch(`${server.url}/api/v1/auth/code`, { method: 'POST', headers, body: JSON.stringify({ email: DEMO_EMAIL }) });
  if (asked.status !== 202) throw new Error(`asking for a sign-in code answered ${asked.status}: ${(await asked.text()).slice(0, 300)}`);
  const code = await codeFromEmail(server.url, DEMO_EMAIL, since);
  const res = await fetch(`${server.url}/api/v1/auth/verify`, { method: 'POST', headers, body: JSON.stringify({ email: DEMO_EMAIL, code }) });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t0;
}

export interface AuthResult {
  rows: number;
  openMs: number;
  tokenMs: number;
  sessionMs: number;
  auditMsPerWrite: number;
  importMs: number;
}

export async function runAuth(rows: number): Promise<AuthResult> {
  return withBenchServer('auth', async (server) => {
    const cookie = await sessionCookie(server);
    const kinds = {
      open: [`${server.url}/api/v1/_bench/ping-open`, {}],
      token: [`${server.url}/api/v1/_bench/ping`, { Authorization: `Bearer ${server.token}` }],
      session: [`${server.url}/api/v1/_bench/ping`, { Cookie: cookie }],
    } as const;
    const times: Record<keyof typeof kinds, number[]> = { open: [], token: [], session: [] };
    for (let i = 0; i < 30; i++) for (const [url, h] of Object.values(kinds)) await timed(url, h);
    for (let i = 0; i < REQUESTS; i++) {
      for (const [kind, [url, h]] of Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)[keyof typeof kinds]][]) times[kind].push(await timed(url, h));
    }
    const api = apiClient(server);
    const audit = await api('POST', '/_bench/audit-write?n=300');
    if (audit.status !== 200) throw new Error(`audit-write answered ${audit.status}`);
    const file = generateLeadsCsv(rows);
    const { ms } = await importCsv(api, 'cmp_demo', toBytes(file.text) as Uint8Array<ArrayBuffer>, `auth ${label(rows)} import`);
    return { rows, openMs: median(times.open), tokenMs: median(times.token), sessionMs: median(times.session), auditMsPerWrite: audit.body.msPerWrite as number, importMs: ms };
  });
}

export function formatAuth(r: AuthResult): PartOutput {
  const tokenAdds = r.tokenMs - r.openMs;
  const sessionAdds = r.sessionMs - r.openMs;
  const share = r.auditMsPerWrite / r.importMs;
  return {
    results: [
      resultLine(
        'auth',
        `median of ${REQUESTS} requests: no check ${r.openMs.toFixed(2)} ms, API token ${r.tokenMs.toFixed(2)} ms (+${tokenAdds.toFixed(2)}), session ${r.sessionMs.toFixed(2)} ms (+${sessionAdds.toFixed(2)})`,
        'authentication + permission check add <= 2 ms to the median',
        tokenAdds <= 2 && sessionAdds <= 2,
      ),
      resultLine(
        `auth ${label(r.rows)} audit`,
        `audit entry of an import ${r.auditMsPerWrite.toFixed(2)} ms vs the ${label(r.rows)}-row import ${secs(r.importMs)}: ${(share * 100).toFixed(3)}%`,
        'audit write <= 3% of the pipeline',
        share <= 0.03,
      ),
    ],
    details: [],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = formatAuth(await runAuth(Number(process.argv[2] ?? 100_000)));
  for (const line of out.results) console.log(line);
}
