/**
 * Webhook delivery on one dev server: N small imports (headless, inline, 2 at a time; 1,000 in the
 * full run) into the demo campaign with two endpoints on a receiver on the loopback address, which
 * verifies every signature (standardwebhooks) and notes when each event arrives. Reported: the
 * span in which the imports ended, deliveries/s from the first end to the last arrival, latency
 * from an import's end (its finishedAt) to its event's arrival (median, p95, max), and whether each
 * event reached each endpoint exactly once. Target: every event within 5 s of its import's end,
 * each exactly once, every signature valid. Then a burst: as many test events (POST
 * /webhooks/{id}/test, 8 at a time) as there were deliveries, and the rate at which they arrive
 * (deliveries/s from the first request to the last arrival; reported, no target).
 *
 *   node bench/webhooks.ts [imports]
 */
import http from 'node:http';
import { Webhook } from 'standardwebhooks';
import { fmt, resultLine, secs, type PartOutput } from './report.ts';
import { apiClient, withBenchServer } from './server.ts';

interface Arrival {
  endpoint: string;
  id: string;
  importId: string;
  at: number;
  valid: boolean;
}

const TARGET_LATENCY_MS = 5_000;
/** Imports sent at once (wrangler dev runs everything on one thread: more only queue up behind each other). */
const CONCURRENCY = 2;

/** The number of imports for a run of `rows` (1,000 in the full 1M-row run). */
export const webhookImports = (rows: number) => Math.max(50, Math.min(1_000, Math.round(rows / 1_000)));

function startReceiver(secrets: Map<string, string>, arrivals: Arrival[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const endpoint = (req.url ?? '').split('/')[1] ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      let valid = false;
      let importId = '';
      try {
        const event = new Webhook(secrets.get(endpoint) ?? '').verify(body, req.headers as Record<string, string>) as { data: { importId: string } };
        valid = true;
        importId = event.data.importId;
      } catch {
        /* counted invalid */
      }
      arrivals.push({ endpoint, id: String(req.headers['webhook-id']), importId, at: Date.now(), valid });
      res.writeHead(200);
      res.end('ok');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise<void>((r) => server.close(() => r())) }),
    ),
  );
}

/** Sends `count` test events over the endpoints, 8 requests at a time; counts the arrivals. */
async function testEventBurst(api: ReturnType<typeof apiClient>, endpoints: string[], arrivals: Arrival[], count: number) {
  const { body } = await api('GET', '/webhooks');
  const ids = (body.items as { id: string; url: string }[]).filter((e) => endpoints.some((name) => e.url.endsWith(`/${name}`))).map((e) => e.id);
  const before = arrivals.length;
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < count; i = next++) {
        const { status } = await api('POST', `/webhooks/${ids[i % ids.length]}/test`);
        if (status !== 202) throw new Error(`POST /webhooks/{id}/test answered ${status}`);
      }
    }),
  );
  const deadline = Date.now() + 120_000;
  while (arrivals.length - before < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const last = Math.max(...arrivals.slice(before).map((a) => a.at));
  return { sent: count, arrived: arrivals.length - before, ms: last - t0 };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export async function runWebhooks(imports: number): Promise<PartOutput> {
  const secrets = new Map<string, string>();
  const arrivals: Arrival[] = [];
  const receiver = await startReceiver(secrets, arrivals);
  try {
    return await withBenchServer(
      `webhooks ${imports}`,
      async (server) => {
        const api = apiClient(server);
        for (const name of ['a', 'b']) {
          const { status, body } = await api('POST', '/webhooks', JSON.stringify({ url: `${receiver.url}/${name}` }), { 'Content-Type': 'application/json' });
          if (status !== 201) throw new Error(`POST /webhooks answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
          secrets.set(name, body.secret);
        }
        const ended = new Map<string, number>();
        let next = 0;
        const worker = async () => {
          for (let i = next++; i < imports; i = next++) {
            const phone = `+1415${String(2_000_000 + i).padStart(7, '0')}`;
            const { status, body } = await api('POST', `/campaigns/cmp_demo/imports?ignoreErrors=true&fileName=hook-${i}.csv`, `phone_number,customer_name\r\n${phone},Bench\r\n`, { 'Content-Type': 'text/csv' });
            if (status !== 201 || body.status !== 'completed') throw new Error(`import ${i} answered ${status} ${body.status ?? JSON.stringify(body).slice(0, 300)}`);
            ended.set(body.id, Date.parse(body.finishedAt));
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        const want = imports * 2;
        const deadline = Date.now() + 120_000;
        while (arrivals.length < want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        // A little longer: a duplicate would arrive now.
        await new Promise((r) => setTimeout(r, 2_000));
        const ends = [...ended.values()];
        const first = Math.min(...ends);
        const last = Math.max(...ends);
        const latencies = arrivals.map((a) => a.at - (ended.get(a.importId) ?? NaN)).filter(Number.isFinite).sort((x, y) => x - y);
        const perEndpoint = ['a', 'b'].map((e) => {
          const mine = arrivals.filter((a) => a.endpoint === e);
          return { n: mine.length, distinct: new Set(mine.map((a) => a.id)).size };
        });
        const exactlyOnce = perEndpoint.every((p) => p.n === imports && p.distinct === imports);
        const valid = arrivals.every((a) => a.valid);
        const delivered = arrivals.length;
        const lastArrival = Math.max(...arrivals.map((a) => a.at));
        const rate = delivered / ((lastArrival - first) / 1000);
        const max = latencies.at(-1) ?? Infinity;
        const burst = await testEventBurst(api, [...secrets.keys()], arrivals, imports * 2);
        return {
          results: [
            resultLine(
              `webhooks ${imports}`,
              `${fmt(imports)} imports ended within ${secs(last - first)}; ${fmt(delivered)} deliveries to 2 endpoints at ${fmt(rate)}/s | latency from the import's end: median ${fmt(quantile(latencies, 0.5))} ms, p95 ${fmt(quantile(latencies, 0.95))} ms, max ${fmt(max)} ms | ${exactlyOnce ? 'each exactly once' : `NOT exactly once (${JSON.stringify(perEndpoint)})`}, ${valid ? 'every signature valid' : 'INVALID SIGNATURES'}`,
              'every event within 5 s of its import\'s end, each exactly once, signatures valid',
              max <= TARGET_LATENCY_MS && exactlyOnce && valid,
            ),
          ],
          details: [`webhooks ${imports}: burst of ${fmt(burst.sent)} test events: ${fmt(burst.arrived)} arrived in ${secs(burst.ms)}, ${fmt(burst.arrived / (burst.ms / 1000))} deliveries/s`],
        };
      },
      { vars: { IMPORT_RATE_LIMIT_PER_MINUTE: '100000', LINK_SIGNING_KEY: 'bench_link_signing_key_0123456789abcdef0123' } },
    );
  } finally {
    await receiver.close();
  }
}

if (import.meta.main) {
  const out = await runWebhooks(Number(process.argv[2] ?? 1_000));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
