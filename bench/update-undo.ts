/**
 * Update and undo on `wrangler dev` (port 8819): the generated file imported into an empty
 * campaign, then the same file again with onExisting=update into that campaign, which now has
 * every one of those leads (target: at most 1.5x the first); then the update import undone
 * (every updated lead restored) and the first import undone (every created lead deleted); target
 * for an undo of a 1M-row import: 60 s locally.
 *
 *   node bench/update-undo.ts 1000000
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLeadsCsv } from './generate.ts';
import { snapshot, startBenchServer } from './pipeline.ts';
import { label } from './core.ts';

const PORT = 8819;

type Resource = Record<string, any>;

async function main(rows: number) {
  const g = generateLeadsCsv(rows);
  const body = new TextEncoder().encode(g.text);
  const persistTo = mkdtempSync(join(tmpdir(), 'lead-bench-undo-state-'));
  const cwd = snapshot();
  // Only the API is measured: an unbuilt UI needs no more than an empty assets folder.
  if (!existsSync(join(cwd, 'build'))) mkdirSync(join(cwd, 'build'));
  const server = await startBenchServer(PORT, persistTo, cwd);
  const auth = { Authorization: `Bearer ${server.token}` };
  const api = async (method: string, path: string, payload?: BodyInit, headers: Record<string, string> = {}): Promise<{ status: number; body: Resource }> => {
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: { ...auth, ...headers }, body: payload });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  };
  const until = async (id: string, done: (r: Resource) => boolean, what: string) => {
    let last = Date.now();
    for (;;) {
      const { body: r } = await api('GET', `/imports/${id}`);
      if (done(r)) return r;
      if (['failed', 'cancelled'].includes(r.status)) throw new Error(`${what} ended ${r.status}: ${JSON.stringify(r.failure)}`);
      if (Date.now() - last > 5000) {
        last = Date.now();
        process.stderr.write(`  [${what}] ${r.status} processed ${r.processedRows}/${r.totalRows} undone ${r.undoneRows}\n`);
      }
      await new Promise((res) => setTimeout(res, 250));
    }
  };
  const importFile = async (campaignId: string, onExisting: string, what: string) => {
    const t0 = performance.now();
    const { status, body: created } = await api('POST', `/campaigns/${campaignId}/imports?ignoreErrors=true&fileName=bench.csv&onExisting=${onExisting}`, body, { 'Content-Type': 'text/csv' });
    if (status !== 201 && status !== 202) throw new Error(`${what}: POST answered ${status} ${JSON.stringify(created).slice(0, 500)}`);
    const r = await until(created.id, (v) => v.status === 'completed', what);
    return { ms: performance.now() - t0, r };
  };
  const undoImport = async (id: string, what: string) => {
    const t0 = performance.now();
    const { status, body: r } = await api('POST', `/imports/${id}/undo`);
    if (status !== 200 && status !== 202) throw new Error(`${what}: POST undo answered ${status} ${JSON.stringify(r).slice(0, 500)}`);
    const done = await until(id, (v) => v.status === 'undone', what);
    return { ms: performance.now() - t0, r: done };
  };
  try {
    const { body: demo } = await api('GET', '/campaigns/cmp_demo');
    const { body: campaign } = await api('POST', '/campaigns', JSON.stringify({ name: 'Bench update', assistantId: demo.assistantId, defaultCountry: demo.defaultCountry ?? 'US' }), { 'Content-Type': 'application/json' });
    const create = await importFile(campaign.id, 'skip', 'create');
    const update = await importFile(campaign.id, 'update', 'update');
    const undoUpdate = await undoImport(update.r.id, 'undo update');
    const undoCreate = await undoImport(create.r.id, 'undo create');
    const { body: list } = await api('GET', '/campaigns');
    const left = list.items.find((c: Resource) => c.id === campaign.id)?.leadCount;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const n = label(rows);
    console.log(`update-undo ${n}: create into an empty campaign ${s(create.ms)} (created ${create.r.createdRows}, failed ${create.r.failedRows}) | update of the same file into it ${s(update.ms)} (updated ${update.r.updatedRows}, created ${update.r.createdRows}, failed ${update.r.failedRows}) | ratio ${(update.ms / create.ms).toFixed(2)} (target <= 1.5)`);
    console.log(`update-undo ${n}: undo of the update import ${s(undoUpdate.ms)} (restored ${undoUpdate.r.undoneRows}, skipped ${undoUpdate.r.undoSkippedRows}) | undo of the create import ${s(undoCreate.ms)} (deleted ${undoCreate.r.undoneRows}, skipped ${undoCreate.r.undoSkippedRows}) | target <= 60 s each | leads left ${left}`);
  } finally {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
}

if (import.meta.main) await main(Number(process.argv[2] ?? 1_000_000));
