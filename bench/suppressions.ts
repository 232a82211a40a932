/**
 * The suppression list on one dev server, two parts:
 *  - suppressions: an N-number list (fixed seed; 80% E.164, 20% US national format, ~0.5% invalid,
 *    ~1% repeats, and 5% of the lead file's rows' primary numbers) POSTed to
 *    /api/v1/suppressions/import: numbers/s, request start → answer; target ≥ 50k numbers/s;
 *    then the same list imported in the background (Prefer: respond-async) into a workspace of its
 *    own: numbers/s from request start until GET /suppressions/imports/{id} says completed;
 *  - suppressed-import: the N-row lead file imported headless into the demo workspace (empty list),
 *    then the same file into a second workspace that holds the list, each on its own (fresh) leads
 *    shard; end-to-end times compared, target: with the list at most 1.2x without. The rows the
 *    list takes out must show as SUPPRESSED and the counts add up.
 *
 *   node bench/suppressions.ts [rows]
 */
import { generateLeadsCsv, mulberry32, type GeneratedFile } from './generate.ts';
import { fmt, label, resultLine, secs, type PartOutput } from './report.ts';
import { apiClient, countsAddUp, importCsv, warmUp, withBenchServer, type Api, type Resource } from './server.ts';
import { createPhoneNormalizer } from '../src/lib/validate/phone.ts';
import { generateToken } from '../workers/auth/tokens.ts';
import { querySql, runSql } from '../scripts/d1.ts';
import { workspaceSql } from '../scripts/workspace-sql.ts';
import { registryFile } from './registry.ts';

const AREA_CODES = [212, 213, 305, 312, 415, 503, 602, 617, 646, 702, 713, 206];
/** Every LISTED_EVERY-th row with a fresh valid primary number has that number on the list (5%). */
const LISTED_EVERY = 20;

/** A generated list as cells, and how many of its numbers are meant to be invalid or repeated. */
export function generateSuppressionCells(n: number, seed = 15): { cells: string[]; invalid: number; repeats: number } {
  const rand = mulberry32(seed);
  const cells: string[] = [];
  let invalid = 0;
  let repeats = 0;
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.005) {
      cells.push(`555-${String(Math.floor(rand() * 1000)).padStart(3, '0')}`);
      invalid++;
      continue;
    }
    if (r < 0.015 && cells.length) {
      cells.push(cells[Math.floor(rand() * cells.length)]!);
      repeats++;
      continue;
    }
    const area = AREA_CODES[Math.floor(rand() * AREA_CODES.length)]!;
    const exchange = 200 + Math.floor(rand() * 800);
    const line = String(Math.floor(rand() * 10_000)).padStart(4, '0');
    cells.push(rand() < 0.8 ? `+1${area}${exchange}${line}` : `(${area}) ${exchange}-${line}`);
  }
  return { cells, invalid, repeats };
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * An n-number list for the lead file `g`: the primary numbers of every 20th row whose primary is a
 * fresh valid number (distinct by construction), spread through generated numbers.
 */
export function suppressionListFor(g: GeneratedFile, n: number): { text: string; fromFile: number } {
  const fromFileCells: string[] = [];
  let fresh = 0;
  for (let i = 0; i < g.rows && fromFileCells.length < n; i++) {
    if (g.freshPrimary[i] && fresh++ % LISTED_EVERY === 0) fromFileCells.push(g.primaries[i]!);
  }
  const filler = generateSuppressionCells(n - fromFileCells.length).cells;
  const every = Math.max(1, Math.floor(n / Math.max(1, fromFileCells.length)));
  const out: string[] = ['phone_number'];
  for (let i = 0, f = 0, k = 0; i < n; i++) out.push(csvCell(i % every === 0 && k < fromFileCells.length ? fromFileCells[k++]! : (filler[f++] ?? fromFileCells[k++]!)));
  return { text: out.join('\n') + '\n', fromFile: fromFileCells.length };
}

/**
 * A registry file (one number a line) of `n` numbers for the lead file `g`, for lists larger than a
 * spreadsheet holds: the E.164 form of every 20th fresh valid primary number of the file, then
 * registry numbers (bench/registry.ts) up to n. Listed as us-national-dnc.
 */
export function registryListFor(g: GeneratedFile, n: number): { bytes: Uint8Array<ArrayBuffer>; fromFile: number } {
  const phones = createPhoneNormalizer('US');
  const lines: string[] = [];
  let fresh = 0;
  for (let i = 0; i < g.rows && lines.length < n; i++) {
    if (!g.freshPrimary[i] || fresh++ % LISTED_EVERY !== 0) continue;
    const r = phones.normalize(g.primaries[i]!);
    if (r.ok) lines.push(r.phone.e164);
  }
  const head = new TextEncoder().encode(lines.length ? lines.join('\n') + '\n' : '');
  const filler = registryFile(Math.max(0, n - lines.length));
  const bytes = new Uint8Array(head.byteLength + filler.byteLength);
  bytes.set(head);
  bytes.set(filler, head.byteLength);
  return { bytes, fromFile: lines.length };
}

/** The list for a lead file: a CSV as large as the file, or past it a registry file (the big list). */
export function listFor(g: GeneratedFile, n: number): { body: Uint8Array<ArrayBuffer>; query: string; fromFile: number } {
  if (n <= g.rows) {
    const list = suppressionListFor(g, n);
    return { body: new TextEncoder().encode(list.text), query: '', fromFile: list.fromFile };
  }
  const list = registryListFor(g, n);
  return { body: list.bytes, query: `?source=us-national-dnc&asOf=${new Date().toISOString().slice(0, 10)}`, fromFile: list.fromFile };
}

/** POSTs a list; numbers/s from request start to the answer. */
export async function importList(api: Api, text: string | Uint8Array<ArrayBuffer>, query = ''): Promise<{ ms: number; result: Resource }> {
  const body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const t0 = performance.now();
  const { status, body: result } = await api('POST', `/suppressions/import${query}`, body, { 'Content-Type': 'text/csv' });
  const ms = performance.now() - t0;
  if (status !== 200) throw new Error(`suppression import answered ${status}: ${JSON.stringify(result).slice(0, 1000)}`);
  return { ms, result };
}

/** POSTs a list to be imported in the background and polls it; numbers/s from request start to completed. */
export async function importListInBackground(api: Api, text: string): Promise<{ ms: number; acceptedMs: number; result: Resource }> {
  const body = new TextEncoder().encode(text);
  const t0 = performance.now();
  const started = await api('POST', '/suppressions/import', body, { 'Content-Type': 'text/csv', Prefer: 'respond-async' });
  const acceptedMs = performance.now() - t0;
  if (started.status !== 202) throw new Error(`background suppression import answered ${started.status}: ${JSON.stringify(started.body).slice(0, 1000)}`);
  for (;;) {
    const { body: view } = await api('GET', `/suppressions/imports/${started.body.id}`);
    if (view.status === 'completed') return { ms: performance.now() - t0, acceptedMs, result: view };
    if (view.status !== 'running') throw new Error(`background suppression import ended ${view.status}: ${JSON.stringify(view.error)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A second workspace with the demo's assistant and a campaign, on the leads shard the demo is not on. */
export async function secondWorkspace(_api: Api, persistTo: string, id = 'ws_bench_list', name = 'Bench (with a suppression list)'): Promise<{ token: string; shard: number }> {
  const saved = process.env.WRANGLER_PERSIST_TO;
  process.env.WRANGLER_PERSIST_TO = persistTo;
  try {
    const [demo] = querySql<{ shard: number }>(`SELECT shard FROM workspace_shards WHERE workspace_id = 'ws_demo'`);
    const shard = demo?.shard === 0 ? 1 : 0;
    const token = generateToken();
    runSql(await workspaceSql(id, name, token, 'bench', shard));
    return { token, shard };
  } finally {
    if (saved === undefined) delete process.env.WRANGLER_PERSIST_TO;
    else process.env.WRANGLER_PERSIST_TO = saved;
  }
}

async function campaignLike(from: Api, to: Api): Promise<string> {
  const { body: demo } = await from('GET', '/campaigns/cmp_demo');
  const { body: assistant } = await from('GET', `/assistants/${demo.assistantId}`);
  const a = await to('POST', '/assistants', JSON.stringify({ name: assistant.name, variables: assistant.variables, secondaryVariables: assistant.secondaryVariables }), { 'Content-Type': 'application/json' });
  if (a.status !== 201) throw new Error(`POST /assistants answered ${a.status}: ${JSON.stringify(a.body).slice(0, 500)}`);
  const c = await to('POST', '/campaigns', JSON.stringify({ name: 'Bench with list', assistantId: a.body.id, defaultCountry: demo.defaultCountry ?? 'US' }), { 'Content-Type': 'application/json' });
  if (c.status !== 201) throw new Error(`POST /campaigns answered ${c.status}: ${JSON.stringify(c.body).slice(0, 500)}`);
  return c.body.id;
}

export async function runSuppressionParts(rows: number, parts: { list: boolean; leadImport: boolean; listed?: number }): Promise<{ list?: PartOutput; leadImport?: PartOutput }> {
  const n = label(rows);
  const g = generateLeadsCsv(rows);
  const list = suppressionListFor(g, rows);
  const listed = parts.listed ?? rows;
  return withBenchServer(`suppressions ${n}`, async (server, state) => {
    const demoApi = apiClient(server);
    const out: { list?: PartOutput; leadImport?: PartOutput } = {};
    // The list goes into a second workspace when the lead import is compared, so the demo's stays empty.
    let listApi = demoApi;
    let shard: number | undefined;
    if (parts.leadImport) {
      const second = await secondWorkspace(demoApi, state.persistTo);
      listApi = apiClient(server, second.token);
      shard = second.shard;
    }
    // Written with `wrangler d1 execute` beside the dev server: before any request, when its database is idle.
    const third = parts.list ? await secondWorkspace(demoApi, state.persistTo, 'ws_bench_list_bg', 'Bench (background list import)') : null;
    const { ms, result } = await importList(listApi, list.text);
    const rate = (rows / ms) * 1000;
    const listAddsUp = Number(result.added) + Number(result.alreadyPresent) + Number(result.invalidCount) === rows;
    if (parts.list) {
      // The phone normaliser alone on the same cells (one Node thread): the phone library's share of the work.
      const phones = createPhoneNormalizer('US');
      const cells = list.text.split('\n').slice(1, -1);
      const t = performance.now();
      for (const cell of cells) phones.normalize(cell);
      const normaliseRate = (cells.length / (performance.now() - t)) * 1000;
      out.list = {
        results: [
          resultLine(
            `suppressions ${n}`,
            `list import ${fmt(rate)} numbers/s (${secs(ms)} for ${fmt(rows)} numbers; added ${result.added}, already present ${result.alreadyPresent}, invalid ${result.invalidCount}: counts ${listAddsUp ? 'add up' : 'DO NOT ADD UP'})`,
            '>= 50,000 numbers/s, counts add up',
            rate >= 50_000 && listAddsUp,
          ),
        ],
        details: [`suppressions ${n}: phone normaliser alone (Node, same cells) ${fmt(normaliseRate)} numbers/s`],
      };
      const bg = await importListInBackground(apiClient(server, third!.token), list.text);
      const bgRate = (rows / bg.ms) * 1000;
      const bgAddsUp = Number(bg.result.added) + Number(bg.result.alreadyPresent) + Number(bg.result.invalidCount) === rows && bg.result.rows === rows;
      const same = bg.result.added === result.added && bg.result.invalidCount === result.invalidCount;
      out.list.results.push(
        resultLine(
          `suppressions ${n} background`,
          `list import in the background ${fmt(bgRate)} numbers/s (${secs(bg.ms)} from upload to completed; added ${bg.result.added}, already present ${bg.result.alreadyPresent}, invalid ${bg.result.invalidCount}: counts ${bgAddsUp ? 'add up' : 'DO NOT ADD UP'}${same ? ', same as the inline import' : ', DIFFERENT from the inline import'})`,
          '>= 50,000 numbers/s, counts add up',
          bgRate >= 50_000 && bgAddsUp && same,
        ),
      );
      out.list.details.push(`suppressions ${n} background: 202 answered after ${secs(bg.acceptedMs)} (file read and stored in chunks), listed by the queue in the ${secs(bg.ms - bg.acceptedMs)} after`);
    }
    if (!parts.leadImport) return out;

    // Past the file's size the list is a registry file as well (the big list), on top of the CSV's.
    let bigListNote = '';
    if (listed > rows) {
      const big = listFor(g, listed);
      const t = performance.now();
      const { result } = await importList(listApi, big.body, big.query);
      bigListNote = `; a ${label(listed)}-number registry file listed on top in ${secs(performance.now() - t)} (added ${fmt(Number(result.added))})`;
    }
    const { body: sourcesBody } = await listApi('GET', '/suppressions/sources');
    const listSize = (sourcesBody.items as { count: number }[]).reduce((sum, item) => sum + item.count, 0);
    const campaignId = await campaignLike(demoApi, listApi);
    const body = new TextEncoder().encode(g.text);
    await warmUp(demoApi, new TextEncoder().encode(generateLeadsCsv(5_000).text));
    const without = await importCsv(demoApi, 'cmp_demo', body, `import without list ${n}`);
    const withList = await importCsv(listApi, campaignId, body, `import with list ${n}`);
    const ratio = withList.ms / without.ms;
    const codes = (withList.r.errorCounts ?? {}) as Record<string, number>;
    const suppressedCodes = (codes.SUPPRESSED ?? 0) + (codes.SECONDARY_SUPPRESSED ?? 0);
    // Rows the list took out: imported without it, not with it; each must carry a suppression code.
    const takenOut = Number(without.r.importedRows) - Number(withList.r.importedRows);
    const ok = countsAddUp(without.r, rows) && countsAddUp(withList.r, rows) && takenOut > 0 && takenOut <= suppressedCodes && !(without.r.errorCounts ?? {}).SUPPRESSED;
    out.leadImport = {
      results: [
        resultLine(
          `suppressed-import ${n}`,
          `${n}-row import against a ${fmt(listSize)}-number list ${secs(withList.ms)} vs against an empty list ${secs(without.ms)} | ratio ${ratio.toFixed(2)} | ${fmt(codes.SUPPRESSED ?? 0)} rows SUPPRESSED (${list.fromFile} of the file's numbers listed), counts ${ok ? 'add up' : 'DO NOT ADD UP'}`,
          'ratio <= 1.2, counts add up',
          ratio <= 1.2 && ok,
        ),
      ],
      details: [
        `suppressed-import ${n}: without list (shard of ws_demo): imported ${without.r.importedRows}, failed ${without.r.failedRows} | with list (shard ${shard}): imported ${withList.r.importedRows}, failed ${withList.r.failedRows}, SUPPRESSED ${codes.SUPPRESSED ?? 0}, SECONDARY_SUPPRESSED ${codes.SECONDARY_SUPPRESSED ?? 0}; imported without − with = ${takenOut}${bigListNote}`,
      ],
    };
    return out;
  });
}

if (import.meta.main) {
  const out = await runSuppressionParts(Number(process.argv[2] ?? 1_000_000), { list: true, leadImport: true });
  for (const p of [out.list, out.leadImport]) for (const line of [...(p?.results ?? []), ...(p?.details ?? [])]) console.log(line);
}
