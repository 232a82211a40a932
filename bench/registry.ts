/**
 * Registry files on one dev server, each import into a workspace of its own:
 *  - registry N: a registry download of N numbers (one 10-digit number a line, sorted by area code
 *    as the FTC's files are) POSTed to /suppressions/import?source=us-national-dnc&asOf=… and
 *    listed in the request: numbers/s, request → answer, target ≥ 100k numbers/s; the same file in
 *    the background (Prefer: respond-async), request → completed; workerd's peak RSS meanwhile;
 *  - registry N replace: a second file of N numbers (half of them new) with mode=replace into the
 *    first workspace: request → answer (the flip) against the first import's time, target ≤ 2×;
 *    then how long the queue's sweep took to delete the replaced numbers.
 * Peak heap of the Worker's own work is measured by the suppression-memory part (bounded V8 heap).
 *
 *   node bench/registry.ts [numbers]
 */
import { fmt, label, mb, resultLine, secs, type PartOutput } from './report.ts';
import { apiClient, withBenchServer, type Api } from './server.ts';
import { sampleWorkerd } from './pipeline.ts';
import { secondWorkspace } from './suppressions.ts';

const AREA_CODES = [201, 212, 213, 305, 312, 415, 503, 602, 617, 646, 702, 713, 206, 404, 512, 619];

/**
 * N distinct valid US numbers as a registry file (10 digits and a newline each), area code by area
 * code, each in ascending order; `offset` shifts which numbers (a second file overlapping the first).
 */
export function registryFile(n: number, offset = 0): Uint8Array<ArrayBuffer> {
  const perArea = Math.ceil((n + offset) / AREA_CODES.length);
  const out = new Uint8Array(n * 11);
  let at = 0;
  for (let i = offset; i < n + offset; i++) {
    const area = AREA_CODES[Math.floor(i / perArea)]!;
    const j = i % perArea;
    const digits = `${area}${200 + Math.floor(j / 10_000)}${String(j % 10_000).padStart(4, '0')}`;
    for (let k = 0; k < 10; k++) out[at++] = digits.charCodeAt(k);
    out[at++] = 10;
  }
  return out;
}

const today = () => new Date().toISOString().slice(0, 10);

async function post(api: Api, query: string, body: Uint8Array<ArrayBuffer>, prefer?: string) {
  const t0 = performance.now();
  const res = await api('POST', `/suppressions/import?${query}`, body, { 'Content-Type': 'text/plain', ...(prefer ? { Prefer: prefer } : {}) });
  return { ...res, ms: performance.now() - t0, t0 };
}

async function until<T>(what: string, poll: () => Promise<T | null>, timeoutMs = 1_800_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await poll();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still waiting after ${secs(timeoutMs)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function runRegistry(numbers: number): Promise<PartOutput> {
  const n = label(numbers);
  const first = registryFile(numbers);
  const second = registryFile(numbers, Math.floor(numbers / 2));
  return withBenchServer(`registry ${n}`, async (server, state) => {
    const inlineWs = await secondWorkspace(apiClient(server), state.persistTo, 'ws_bench_registry', 'Bench (registry in the request)');
    const queuedWs = await secondWorkspace(apiClient(server), state.persistTo, 'ws_bench_registry_bg', 'Bench (registry in the background)');
    const api = apiClient(server, inlineWs.token);
    const queuedApi = apiClient(server, queuedWs.token);
    const query = `source=us-national-dnc&asOf=${today()}`;
    const sampler = sampleWorkerd(server.pid);

    const inline = await post(api, query, first);
    if (inline.status !== 200) throw new Error(`registry import answered ${inline.status}: ${JSON.stringify(inline.body).slice(0, 500)}`);
    const rate = (numbers / inline.ms) * 1000;
    const counted = inline.body.added === numbers && inline.body.invalidCount === 0;

    // The packed list the import builds after answering is awaited (GET /packed), so the replace runs alone.
    await api('GET', '/suppressions/packed');
    const replace = await post(api, `${query}&mode=replace`, second);
    if (replace.status !== 200) throw new Error(`replace answered ${replace.status}: ${JSON.stringify(replace.body).slice(0, 500)}`);
    const sweepStart = performance.now();
    const swept = await until('sweep', async () => {
      const { body } = await api('GET', '/_bench/suppression-rows?source=us-national-dnc');
      return body.sweepPending ? null : body;
    });
    const sweepMs = performance.now() - sweepStart;
    await api('GET', '/suppressions/packed');

    const started = await post(queuedApi, query, first, 'respond-async');
    if (started.status !== 202) throw new Error(`background registry import answered ${started.status}: ${JSON.stringify(started.body).slice(0, 500)}`);
    const done = await until('background registry import', async () => {
      const { body } = await queuedApi('GET', `/suppressions/imports/${started.body.id}`);
      return body.status === 'running' ? null : body;
    });
    const queuedMs = performance.now() - started.t0;
    const queuedRate = (numbers / queuedMs) * 1000;

    const workerd = sampler.stop();
    const { body: sources } = await api('GET', '/suppressions/sources');
    const source = (sources.items as { source: string; count: number }[]).find((s) => s.source === 'us-national-dnc');
    const ratio = replace.ms / inline.ms;
    const replaced = replace.body.added === numbers && source?.count === numbers && swept.rows === numbers;

    return {
      results: [
        resultLine(
          `registry ${n}`,
          `${fmt(numbers)}-number registry file listed in the request ${fmt(rate)} numbers/s (${secs(inline.ms)}; added ${fmt(inline.body.added)}, counts ${counted ? 'add up' : 'DO NOT ADD UP'}) | in the background ${fmt(queuedRate)} numbers/s (${secs(queuedMs)} to completed, ${done.status})`,
          '>= 100,000 numbers/s in the request',
          rate >= 100_000 && counted && done.status === 'completed',
        ),
        resultLine(
          `registry ${n} replace`,
          `mode=replace of ${fmt(numbers)} by ${fmt(numbers)} (half new) ${secs(replace.ms)} to the flip vs the import ${secs(inline.ms)} | ratio ${ratio.toFixed(2)} | replaced ${replaced ? 'exactly' : 'NOT exactly'} (count ${source?.count}, rows left ${swept.rows})`,
          'ratio <= 2',
          ratio <= 2 && replaced,
        ),
      ],
      details: [
        `registry ${n}: file ${mb(first.byteLength)}; workerd peak rss ${mb(workerd.peak)} (idle ${mb(workerd.first)}, ${workerd.samples} samples; the whole runtime: Worker isolate, local D1's SQLite, R2, queue)`,
        `registry ${n} replace: the sweep deleted the ${fmt(numbers / 2)} replaced numbers in the ${secs(sweepMs)} after the answer (the queue, while nothing else ran)`,
      ],
    };
  });
}

if (import.meta.main) {
  const out = await runRegistry(Number(process.argv[2] ?? 1_000_000));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
