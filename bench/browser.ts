/**
 * Browser benchmark of the import wizard's preview: a generated N-row leads CSV (bench/generate.ts)
 * picked in Debian's Chromium (playwright-core) against its own `wrangler dev`.
 *
 * Every time is measured in the page (performance.now()), from the file input's `change` event:
 *  - firstRowsMs: the main thread receives the worker's first 'rows' message (the first 200 parsed
 *    and validated rows are in the page's RowStore). The grid lives on step 3, behind "Match columns",
 *    so this is "first rows available"; gridRowMs is when the first grid row is in the DOM after the
 *    bench clicks "Next: match columns" and "Next: preview" as soon as they are enabled (it includes
 *    two Playwright clicks).
 *  - fullyValidatedMs: the first animation frame in which step 3 shows the summary line
 *    ("N rows: … ready, … with errors") with the do-not-call check finished (its `data-dnc` is not
 *    'checking'): every row validated and checked against the suppression list. The preview shows
 *    the line earlier when the list arrives after the rows are validated (countsShownMs);
 *    doneMessageMs is when the worker's 'done' message is received.
 *  - The page asks for the suppression list when it opens, before the file is chosen (as a user
 *    opens the page, then picks a file); the bench picks the file as soon as the page shows step 1,
 *    so a list the server takes seconds to pack is still on its way when the timer starts.
 *  - longestTaskMs / longTasksOver100: 'longtask' PerformanceObserver entries (tasks of 50 ms or more)
 *    of the page's main thread starting after the file was chosen and up to full validation;
 *    0 means no task reached 50 ms.
 *  - workerPeakMB: highest V8 heap used by the preview Web Worker (CDP Runtime.getHeapUsage on the
 *    auto-attached worker target, sampled every 250 ms); null if the worker could not be attached.
 *  - heapMB: highest page (main thread) JS heap used (CDP Performance.getMetrics JSHeapUsedSize,
 *    sampled every 250 ms).
 *
 *   node bench/browser.ts [rows]      # default 1,000,000
 */
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launch } from '../test/browser/browser.ts';
import { signInContext } from '../test/browser/sign-in.ts';
import { generateLeadsCsv } from './generate.ts';
import { label, resultLine, type PartOutput } from './report.ts';
import { apiClient, withBenchServer } from './server.ts';
import { importList, listFor } from './suppressions.ts';
import { toWindows1252 } from './encoding.ts';

export interface BrowserBenchResult {
  rows: number;
  fileMB: number;
  firstRowsMs: number;
  gridRowMs: number | null;
  fullyValidatedMs: number;
  /** When the counts line first showed, possibly while the do-not-call list was still being checked. */
  countsShownMs: number | null;
  doneMessageMs: number | null;
  longestTaskMs: number;
  longTasksOver100: number;
  longTasksOver50: number;
  /** CPU seconds of every browser process from the file chosen to the counts shown (browserCpuSeconds). */
  browserCpuS: number | null;
  /** Tasks of 50 ms or more: start (ms after the file was chosen) and duration. */
  longTasks: { at: number; ms: number }[];
  /** When the bench clicked "Next: match columns" and "Next: preview" (ms after the file was chosen). */
  clicksAt: number[];
  workerPeakMB: number | null;
  heapMB: number | null;
  /** Numbers on the workspace's suppression list while the preview ran (5% of the file's among them). */
  listed: number;
  /** Bytes of the packed list the browser fetched (GET /suppressions/packed answers with a body), and its form. */
  packedBytes: number;
  packedForm: string | null;
  note?: string;
}

const MB = 1024 * 1024;

/**
 * CPU seconds (user + system) spent so far by every Chromium process on this machine (/proc; the
 * bench's browser is the only one): the work a preview costs, which the shared machine's noise
 * moves far less than its wall time. Null where /proc cannot tell.
 */
function browserCpuSeconds(): number | null {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (!/chrom/i.test(comm)) continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    }
    return ticks / 100; // USER_HZ
  } catch {
    return null;
  }
}

/** Installed before any page script: long tasks, worker message times, the file-chosen time, DOM milestones. */
const INIT = `(() => {
  const COUNTS = 'section[aria-labelledby="s3"] p.sr-only';
  const b = (window.__bench = { longTasks: [], chosenAt: null, firstRowsAt: null, doneAt: null, gridRowAt: null, countsShownAt: null, countsAt: null, lastRowsAt: null, rowsSeen: 0 });
  window.__longTasks = b.longTasks;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { b.longTaskError = String(e); }
  b.clicks = [];
  document.addEventListener('click', (e) => { if (b.chosenAt !== null) b.clicks.push(Math.round(performance.now() - b.chosenAt)); }, true);
  document.addEventListener('change', (e) => {
    if (e.target && e.target.id === 'file') b.chosenAt = performance.now();
  }, true);
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const t = e.data && e.data.type;
        if (t === 'rows') { b.rowsSeen += e.data.verdicts.length; b.lastRowsAt = performance.now(); if (b.firstRowsAt === null) b.firstRowsAt = b.lastRowsAt; }
        else if (t === 'done' && b.doneAt === null) b.doneAt = performance.now();
      });
    }
  };
  const poll = () => {
    if (b.chosenAt !== null) {
      if (b.gridRowAt === null && document.querySelector('[role="region"][aria-label^="Preview of the file"] [aria-label^="Row "]')) b.gridRowAt = performance.now();
      const shown = [...document.querySelectorAll(COUNTS)].filter((p) => / rows: [0-9,]+ ready, /.test(p.textContent || ''));
      if (b.countsShownAt === null && shown.length) b.countsShownAt = performance.now();
      if (b.countsAt === null && shown.some((p) => p.getAttribute('data-dnc') !== 'checking')) b.countsAt = performance.now();
    }
    if (b.countsAt === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

interface BenchState {
  longTasks: { start: number; duration: number }[];
  longTaskError?: string;
  chosenAt: number | null;
  firstRowsAt: number | null;
  doneAt: number | null;
  gridRowAt: number | null;
  countsShownAt: number | null;
  countsAt: number | null;
  rowsSeen: number;
  clicks: number[];
}

/** Samples the page's and the preview worker's JS heap every 250 ms over CDP. */
async function startMemorySampler(cdp: CDPSession) {
  let pagePeak: number | null = null;
  let workerPeak: number | null = null;
  let workerError: string | null = null;
  const workers = new Set<string>();
  let nextId = 1;
  const pending = new Map<number, (r: { usedSize?: number } | null) => void>();

  // BENCH_PROFILE=dir: a CPU profile of the page and of every worker, written there at the end.
  const profileDir = process.env.BENCH_PROFILE;
  const workerUrls = new Map<string, string>();
  const call = (sessionId: string, method: string, params: object = {}) =>
    new Promise<Record<string, unknown> | null>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (r: { usedSize?: number } | null) => void);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => {
        pending.delete(id);
        resolve(null);
      });
    });
  cdp.on('Target.attachedToTarget', (ev: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (ev.targetInfo.type === 'worker') {
      workers.add(ev.sessionId);
      workerUrls.set(ev.sessionId, ev.targetInfo.url);
      if (profileDir) void call(ev.sessionId, 'Profiler.enable').then(() => call(ev.sessionId, 'Profiler.start'));
    } else void cdp.send('Target.detachFromTarget', { sessionId: ev.sessionId }).catch(() => {});
  });
  if (profileDir) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  cdp.on('Target.detachedFromTarget', (ev: { sessionId: string }) => workers.delete(ev.sessionId));
  // Non-flat auto-attach: the worker's CDP traffic is wrapped in Target messages on this session.
  cdp.on('Target.receivedMessageFromTarget', (ev: { message: string }) => {
    const m = JSON.parse(ev.message) as { id?: number; result?: { usedSize?: number }; error?: { message: string } };
    if (m.id === undefined) return;
    const done = pending.get(m.id);
    if (!done) return;
    pending.delete(m.id);
    if (m.error) workerError = m.error.message;
    done(m.result ?? null);
  });
  await cdp.send('Performance.enable');
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const workerHeap = (sessionId: string) =>
    new Promise<{ usedSize?: number } | null>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch((e: Error) => {
        workerError = e.message;
        pending.delete(id);
        resolve(null);
      });
      setTimeout(() => {
        if (pending.delete(id)) resolve(null);
      }, 5_000);
    });

  let stopped = false;
  const sample = async () => {
    const metrics = (await cdp.send('Performance.getMetrics').catch(() => null)) as { metrics: { name: string; value: number }[] } | null;
    const used = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used !== undefined) pagePeak = Math.max(pagePeak ?? 0, used);
    const results = await Promise.all([...workers].map(workerHeap));
    for (const r of results) if (r?.usedSize !== undefined) workerPeak = Math.max(workerPeak ?? 0, r.usedSize);
  };
  const loop = (async () => {
    while (!stopped) {
      const t = Date.now();
      await sample();
      await new Promise((r) => setTimeout(r, Math.max(0, 250 - (Date.now() - t))));
    }
  })();
  return {
    async stop() {
      await sample(); // one last sample at the end, before the worker can be torn down
      if (profileDir) {
        mkdirSync(profileDir, { recursive: true });
        const page = (await cdp.send('Profiler.stop')) as { profile: unknown };
        writeFileSync(join(profileDir, 'page.cpuprofile'), JSON.stringify(page.profile));
        let k = 0;
        for (const id of workers) {
          const r = (await call(id, 'Profiler.stop')) as { profile?: unknown } | null;
          const name = (workerUrls.get(id) ?? 'worker').split('/').pop()!.replace(/[^A-Za-z0-9.-]/g, '_');
          if (r?.profile) writeFileSync(join(profileDir, `${k++}-${name}.cpuprofile`), JSON.stringify(r.profile));
        }
      }
      stopped = true;
      await loop;
      return { pagePeak, workerPeak, workerError, sawWorker: workers.size > 0 };
    },
  };
}

/** The preview with an N-number suppression list in the workspace (issue: still under 8 s with 1M listed). */
export async function browserBench(rows: number, opts: { listed?: number; encodings?: ('utf-8' | 'windows-1252')[] } = {}): Promise<BrowserBenchResult> {
  return (await browserBenches(rows, opts))[0]!;
}

/** The preview of the same file written in each of `encodings` (default UTF-8), one after the other on one server. */
export async function browserBenches(rows: number, opts: { listed?: number; encodings?: ('utf-8' | 'windows-1252')[] } = {}): Promise<BrowserBenchResult[]> {
  if (!existsSync('build/index.html')) throw new Error('no UI build: run `npx svelte-kit sync && npx vite build` first');
  const dir = mkdtempSync(join(tmpdir(), 'bench-browser-'));
  const generated = generateLeadsCsv(rows);
  const files = (opts.encodings ?? ['utf-8']).map((encoding) => {
    const path = join(dir, `leads-${rows}-${encoding}.csv`);
    const bytes = encoding === 'utf-8' ? Buffer.from(generated.text) : toWindows1252(generated.text);
    writeFileSync(path, bytes);
    return { path, fileMB: bytes.length / MB };
  });
  const listed = opts.listed ?? rows;
  try {
    return await withBenchServer(`browser ${label(rows)}`, async (server) => {
      if (listed > 0) {
        const list = listFor(generated, listed);
        const { result } = await importList(apiClient(server), list.body, list.query);
        process.stderr.write(`  [browser] suppression list: ${result.added} numbers added\n`);
      }
      const out: BrowserBenchResult[] = [];
      for (const f of files) out.push(await preview(server, rows, f.path, f.fileMB, listed));
      return out;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The preview (no suppression list) of the file in UTF-8 and in windows-1252, in the order UTF-8,
 * windows-1252, windows-1252, UTF-8 (so warm-up and drift fall on both alike): the time a legacy
 * file adds, as the difference of the means.
 */
export async function legacyPreviewBench(rows: number): Promise<PartOutput> {
  const [u1, l1, l2, u2] = await browserBenches(rows, { listed: 0, encodings: ['utf-8', 'windows-1252', 'windows-1252', 'utf-8'] });
  const utf8 = (u1!.fullyValidatedMs + u2!.fullyValidatedMs) / 2;
  const legacy = (l1!.fullyValidatedMs + l2!.fullyValidatedMs) / 2;
  const added = legacy - utf8;
  return {
    results: [
      resultLine(
        `browser-legacy ${label(rows)}`,
        `fully validated preview of a ${l1!.fileMB.toFixed(0)} MB windows-1252 file ${n(legacy)} ms vs ${n(utf8)} ms for it in UTF-8 (${added >= 0 ? '+' : ''}${n(added)} ms, means of 2 runs each); first rows ${n(l1!.firstRowsMs)} ms`,
        'adds < 1 s',
        added < 1000,
      ),
    ],
    details: [`browser-legacy ${label(rows)}: runs in order ${[u1, l1, l2, u2].map((r) => n(r!.fullyValidatedMs)).join(', ')} ms; ${l1!.note ?? ''}`],
  };
}

async function preview(server: { url: string; token: string }, rows: number, path: string, fileMB: number, listed: number): Promise<BrowserBenchResult> {
  let context: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    context = await launch();
    // The demo workspace's owner signs in through the emailed code, as a person does.
    await signInContext(context, server.url);
    const page = await context.newPage();
    await page.addInitScript(INIT);
    // What the page fetches of the list: every body of GET /suppressions/packed (a 304 has none).
    let packedBytes = 0;
    let packedForm: string | null = null;
    page.on('response', (res) => {
      if (!res.url().includes('/api/v1/suppressions/packed') || res.status() !== 200) return;
      packedForm = res.headers()['x-suppression-form'] ?? null;
      const length = Number(res.headers()['content-length']);
      if (Number.isFinite(length) && length > 0) packedBytes += length;
      else void res.body().then((b) => (packedBytes += b.byteLength)).catch(() => {});
    });

    await page.goto(`${server.url}/import?campaign=cmp_demo`);
    await page.getByText('Columns the assistant').waitFor({ timeout: 60_000 });

    const cdp = await context.newCDPSession(page);
    const sampler = await startMemorySampler(cdp);
    const timeout = Math.max(120_000, rows * 0.3); // 300 s for 1M rows

    const cpuBefore = browserCpuSeconds();
    await page.locator('#file').setInputFiles(path);
    // Go to the preview as a user would, as soon as each step allows it.
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Next: match columns');
      return b && !b.disabled;
    }, null, { timeout, polling: 10 });
    // Clicks through the DOM, not Playwright's role selectors: those compute the page's
    // accessibility tree on the main thread and would show up as the page's own long tasks.
    const clickButton = (label: string) =>
      page.evaluate((text) => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === text);
        if (!b) throw new Error(`no button ${text}`);
        b.click();
      }, label);
    await clickButton('Next: match columns');
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((x) => x.textContent?.trim() === 'Next: preview'), null, { timeout, polling: 10 });
    await clickButton('Next: preview');
    await page.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.countsAt !== null, null, { timeout, polling: 100 }).catch(async (e: Error) => {
      const text = await page.evaluate(() => document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').slice(0, 600) ?? '').catch(() => '');
      throw new Error(`${e.message.split('\n')[0]} waiting for the preview's counts; the page shows: ${text}`);
    });
    const cpuAfter = browserCpuSeconds();
    // The preview's counts line ("N rows: … ready, … with errors."), shown once the worker is done.
    const counts = ((await page.locator('section[aria-labelledby="s3"] p.sr-only:not([data-dnc="checking"])').filter({ hasText: ' ready, ' }).first().textContent()) ?? '').replace(/\s+/g, ' ');
    const mem = await sampler.stop();
    const b = await page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);
    if (b.chosenAt === null || b.firstRowsAt === null || b.countsAt === null) throw new Error(`missing timestamps: ${JSON.stringify({ ...b, longTasks: b.longTasks.length })}`);
    const expected = rows.toLocaleString('en-US');
    if (!counts.startsWith(`${expected} rows`)) throw new Error(`the preview counted "${counts}", expected ${expected} rows`);

    const during = b.longTasks.filter((t) => t.start + t.duration >= b.chosenAt! && t.start <= b.countsAt!);
    const notes: string[] = [];
    if (b.longTaskError) notes.push(`longtask observer: ${b.longTaskError}`);
    if (mem.workerPeak === null) notes.push(`worker heap not readable (${mem.sawWorker ? (mem.workerError ?? 'no answer') : 'no worker target attached'})`);
    return {
      rows,
      fileMB,
      firstRowsMs: b.firstRowsAt - b.chosenAt,
      gridRowMs: b.gridRowAt === null ? null : b.gridRowAt - b.chosenAt,
      fullyValidatedMs: b.countsAt - b.chosenAt,
      countsShownMs: b.countsShownAt === null ? null : b.countsShownAt - b.chosenAt,
      doneMessageMs: b.doneAt === null ? null : b.doneAt - b.chosenAt,
      longestTaskMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasksOver100: during.filter((t) => t.duration > 100).length,
      longTasksOver50: during.length,
      browserCpuS: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
      clicksAt: b.clicks,
      longTasks: during.map((t) => ({ at: Math.round(t.start - b.chosenAt!), ms: Math.round(t.duration) })),
      workerPeakMB: mem.workerPeak === null ? null : mem.workerPeak / MB,
      heapMB: mem.pagePeak === null ? null : mem.pagePeak / MB,
      listed,
      packedBytes,
      packedForm,
      note: [`preview: ${counts}`, ...notes].join('; '),
    };
  } finally {
    await context?.close().catch(() => {});
  }
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** The most the browser may fetch of the suppression list, at any list size. */
const PACKED_BUDGET = 24 * 1024 * 1024;

export function formatBrowserBench(r: BrowserBenchResult): PartOutput {
  const met = r.firstRowsMs < 1000 && r.fullyValidatedMs < 8000 && r.longTasksOver100 === 0 && r.packedBytes <= PACKED_BUDGET;
  return {
    results: [
      resultLine(
        `browser ${label(r.rows)}`,
        `preview with ${n(r.listed)} numbers on the suppression list: first rows ${n(r.firstRowsMs)} ms | fully validated ${n(r.fullyValidatedMs)} ms | longest main-thread task ${n(r.longestTaskMs)} ms (${r.longTasksOver100} over 100 ms) | list fetched ${(r.packedBytes / 1e6).toFixed(1)} MB (${r.packedForm ?? 'none'})`,
        'first rows < 1 s, fully validated < 8 s, no main-thread task > 100 ms, list fetched <= 24 MiB',
        met,
      ),
    ],
    details: [
      `browser ${label(r.rows)}: browser CPU ${r.browserCpuS === null ? 'n/a' : `${r.browserCpuS.toFixed(1)} s`} (all its processes, file chosen to counts shown) | page JS heap ${r.heapMB === null ? 'n/a' : `${n(r.heapMB)} MB`} | worker peak ${r.workerPeakMB === null ? 'n/a' : `${n(r.workerPeakMB)} MB`} | ${r.fileMB.toFixed(0)} MB file; first grid row in the DOM after two clicks ${r.gridRowMs === null ? 'n/a' : `${n(r.gridRowMs)} ms`}; ` +
        `'done' message ${r.doneMessageMs === null ? 'n/a' : `${n(r.doneMessageMs)} ms`}; counts first shown ${r.countsShownMs === null ? 'n/a' : `${n(r.countsShownMs)} ms`}; clicks at ${r.clicksAt.map((c) => `+${c}`).join(', ')} ms; ${r.longTasksOver50} tasks of 50 ms or more${r.longTasks.length ? ` [${r.longTasks.slice(0, 20).map((t) => `+${t.at}: ${t.ms} ms`).join(', ')}]` : ''}; ${r.note}`,
    ],
  };
}

if (import.meta.main) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const out = formatBrowserBench(await browserBench(rows));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
