/**
 * Update and undo on one dev server: the generated file imported into an empty campaign, then the
 * same file with every budget_range changed, with onExisting=update, into that campaign, which now
 * has every one of those leads (target: at most 1.5x the first; the same file again would change
 * nothing, every row unchanged, and write nothing); then the update import undone (every updated lead restored)
 * and the first import undone (every created lead deleted); target for the undo of a 1M-row import
 * 60 s locally, scaled by size for smaller files (6 s at 100k).
 *
 *   node bench/update-undo.ts [rows]
 */
import { generateLeadsCsv } from './generate.ts';
import { label, resultLine, secs, type PartOutput } from './report.ts';
import { apiClient, countsAddUp, importCsv, waitForImport, warmUp, withBenchServer, type Api } from './server.ts';

async function undoImport(api: Api, id: string, what: string) {
  const t0 = performance.now();
  const { status, body } = await api('POST', `/imports/${id}/undo`);
  if (status !== 200 && status !== 202) throw new Error(`${what}: POST undo answered ${status} ${JSON.stringify(body).slice(0, 500)}`);
  const r = await waitForImport(api, id, (v) => v.status === 'undone', what);
  return { ms: performance.now() - t0, r };
}

export async function runUpdateUndo(rows: number, parts: { update: boolean; undo: boolean }): Promise<{ update?: PartOutput; undo?: PartOutput }> {
  const n = label(rows);
  const body = new TextEncoder().encode(generateLeadsCsv(rows).text);
  return withBenchServer(`update-undo ${n}`, async (server) => {
    const api = apiClient(server);
    const { body: demo } = await api('GET', '/campaigns/cmp_demo');
    const { status, body: campaign } = await api('POST', '/campaigns', JSON.stringify({ name: 'Bench update', assistantId: demo.assistantId, defaultCountry: demo.defaultCountry ?? 'US' }), { 'Content-Type': 'application/json' });
    if (status !== 201 && status !== 200) throw new Error(`POST /campaigns answered ${status}: ${JSON.stringify(campaign).slice(0, 500)}`);
    await warmUp(api, new TextEncoder().encode(generateLeadsCsv(5_000).text));
    const create = await importCsv(api, campaign.id, body, `create ${n}`, '&onExisting=skip');
    const out: { update?: PartOutput; undo?: PartOutput } = {};
    let updateId: string | undefined;
    if (parts.update || parts.undo) {
      const changed = new TextEncoder().encode(generateLeadsCsv(rows, 42, { budgetSuffix: ' (new)' }).text);
    const update = await importCsv(api, campaign.id, changed, `update ${n}`, '&onExisting=update');
      updateId = update.r.id;
      const ratio = update.ms / create.ms;
      // Every lead the first import created is there now: the update finds each, creates none.
      const ok = countsAddUp(create.r, rows) && countsAddUp(update.r, rows) && Number(update.r.updatedRows) === Number(create.r.createdRows) && Number(update.r.createdRows) === 0;
      if (parts.update) out.update = {
        results: [
          resultLine(
            `update ${n}`,
            `update import of the file with every budget changed into the campaign holding its leads ${secs(update.ms)} vs into an empty campaign ${secs(create.ms)} | ratio ${ratio.toFixed(2)} | counts ${ok ? 'add up' : 'DO NOT ADD UP'}`,
            'ratio <= 1.5, counts add up',
            ratio <= 1.5 && ok,
          ),
        ],
        details: [
          `update ${n}: create: created ${create.r.createdRows}, failed ${create.r.failedRows} | update: updated ${update.r.updatedRows}, created ${update.r.createdRows}, failed ${update.r.failedRows}`,
        ],
      };
    }
    if (parts.undo) {
      const undoUpdate = await undoImport(api, updateId!, `undo update ${n}`);
      const undoCreate = await undoImport(api, create.r.id, `undo create ${n}`);
      const { body: after } = await api('GET', `/campaigns/${campaign.id}`);
      const left = Number(after.leadCount);
      const targetMs = (60_000 * rows) / 1_000_000;
      const worst = Math.max(undoUpdate.ms, undoCreate.ms);
      const ok = Number(undoUpdate.r.undoneRows) + Number(undoUpdate.r.undoSkippedRows ?? 0) === Number(undoUpdate.r.updatedRows) &&
        Number(undoCreate.r.undoneRows) + Number(undoCreate.r.undoSkippedRows ?? 0) === Number(undoCreate.r.createdRows) && left === 0;
      out.undo = {
        results: [
          resultLine(
            `undo ${n}`,
            `undo of the create import ${secs(undoCreate.ms)} (deleted ${undoCreate.r.undoneRows}, skipped ${undoCreate.r.undoSkippedRows}) | undo of the update import ${secs(undoUpdate.ms)} (restored ${undoUpdate.r.undoneRows}, skipped ${undoUpdate.r.undoSkippedRows}) | leads left ${left}`,
            `each <= 60 s per 1M rows (${secs(targetMs)} at ${n}), every lead restored or deleted`,
            worst <= targetMs && ok,
          ),
        ],
        details: [],
      };
    }
    return out;
  });
}

if (import.meta.main) {
  const out = await runUpdateUndo(Number(process.argv[2] ?? 1_000_000), { update: true, undo: true });
  for (const p of [out.update, out.undo]) for (const line of [...(p?.results ?? []), ...(p?.details ?? [])]) console.log(line);
}
