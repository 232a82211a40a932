/**
 * `npm run bench`: every performance figure the product asks for, each with its target, on
 * generated files (fixed seeds), in one run. Parts, in order (each API part starts its own
 * `wrangler dev` on a free port and stops it; a part that fails prints FAILED and the run goes on):
 *
 *   core              validation core rows/s vs the phone library alone (Node), peak memory
 *   timezones         the time-zone lookup's share of the core's time
 *   consent           the core on a file with the six consent columns, checked vs ignored
 *   pipeline          headless import end-to-end vs the local one-thread ceiling
 *   suppressions      suppression list import, numbers/s        } one server
 *   suppressed-import lead import against the list vs an empty one }  (--list=N: a registry list of N on top)
 *   registry          an N-number registry file (--list=N, default the rows) listed, and replaced by another
 *   suppression-memory the list's own work replayed in Node with V8 bounded at 128 MB: peak heap
 *   campaigns-list    GET /campaigns with N leads vs none          } one server, N leads seeded once
 *   callable          ?callableAt= page of 100 from N leads        }
 *   update            update import vs the same file into an empty campaign } one server
 *   undo              undo of the update and of the create import           }
 *   webhooks          N/1000 small imports (1,000 in the full run) delivered to two endpoints: rate, latency from the import's end
 *   browser           the wizard's preview in Chromium, with an N-number suppression list (--list=N), bytes of it fetched
 *   auth              what authentication + the permission check add to a request; the audit write's share of an import
 *   browser-legacy    the same preview (no list) of the file in UTF-8 and in windows-1252: what a legacy file adds
 *   encoding          encoding detection on the seeded corpus of every code page (accuracy, ms per 64 KB), decoding speed
 *
 *   node bench/run.ts            # 1M rows (core and pipeline also at 100k); ~20 minutes on 2 cores
 *   node bench/run.ts --quick    # 100k rows, no browser
 *   node bench/run.ts --only=core,pipeline   # just these parts (--rows=N to pick another size)
 *   node bench/run.ts --only=registry,suppression-memory,suppressed-import,browser --list=10000000   # the issue's 10M list
 *
 * Every result line starts with `<part> <size>:` (`timezones:` alone) and ends with
 * `target … → met` or `→ NOT MET`; the summary at the end repeats them.
 */
import { cpus } from 'node:os';
import { formatCore, phoneLibMsPerRow, runCore } from './core.ts';
import { runTimezones } from './timezones.ts';
import { runRules } from './rules.ts';
import { formatPipeline, runPipeline } from './pipeline.ts';
import { runSuppressionParts } from './suppressions.ts';
import { runSeeded } from './callable.ts';
import { runUpdateUndo } from './update-undo.ts';
import { browserBench, formatBrowserBench, legacyPreviewBench } from './browser.ts';
import { runEncoding } from './encoding.ts';
import { runWebhooks, webhookImports } from './webhooks.ts';
import { label, secs, type PartOutput } from './report.ts';
import { runRegistry } from './registry.ts';
import { runSuppressionMemory } from './suppression-memory.ts';
import { runConsent } from './consent.ts';
import { formatAuth, runAuth } from './auth.ts';

const PARTS = ['core', 'timezones', 'rules', 'consent', 'pipeline', 'suppressions', 'suppressed-import', 'registry', 'suppression-memory', 'campaigns-list', 'callable', 'update', 'undo', 'webhooks', 'browser', 'browser-legacy', 'encoding', 'auth'] as const;
type Part = (typeof PARTS)[number];

const argv = process.argv.slice(2);
const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = argv.includes('--quick');
const unknown = argv.filter((a) => !/^--(quick|only=.*|rows=\d+|list=\d+)$/.test(a));
const only = flag('only')?.split(',').map((s) => s.trim()).filter(Boolean);
const badParts = (only ?? []).filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length || badParts.length) {
  console.error(`usage: node bench/run.ts [--quick] [--only=${PARTS.join(',')}] [--rows=N] [--list=N]\nunknown: ${[...unknown, ...badParts].join(' ')}`);
  process.exit(2);
}
const selected = new Set<Part>((only as Part[] | undefined) ?? PARTS.filter((p) => !(quick && p.startsWith('browser'))));
const want = (p: Part) => selected.has(p);
const rowsFlag = flag('rows');
/** The size of every part; core and pipeline also run at 100k in the full run. */
const size = rowsFlag ? Number(rowsFlag) : quick ? 100_000 : 1_000_000;
const coreSizes = rowsFlag || quick ? [size] : [100_000, size];
/** Numbers on the suppression list in suppressed-import, browser and registry (default: as many as the file's rows; the issue's scale is 10M). */
const listFlag = flag('list');
const listSize = listFlag ? Number(listFlag) : size;

const lines: string[] = [];
let failures = 0;
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};
const print = (out: PartOutput | undefined) => {
  for (const line of out?.results ?? []) say(line);
  for (const line of out?.details ?? []) console.log(`    ${line}`);
};
/** Runs one part (or one server shared by several); on failure each of `prefixes` prints FAILED. */
async function attempt(prefixes: string[], fn: () => Promise<void>): Promise<void> {
  const t0 = performance.now();
  try {
    await fn();
  } catch (e) {
    failures++;
    for (const p of prefixes) say(`${p}: FAILED ${(e as Error).message.split('\n')[0]}`);
    console.error(e);
  }
  console.log(`    (${prefixes.join(', ')}: ${secs(performance.now() - t0)})`);
}

const started = performance.now();
say(`bench: node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? '?'}), seeded files, ${new Date().toISOString()}, ${quick ? '--quick' : rowsFlag ? `--rows=${rowsFlag}` : 'full'} run, parts: ${[...selected].join(', ')}`);
console.log('bench: peak rss = process.resourceUsage().maxRSS of a fresh child process per measurement (whole process, Node itself included; "node floor" = a child that only loads the modules); workerd rss = sum of `ps` RSS of the workerd processes under wrangler dev, sampled every 200 ms');

for (const rows of coreSizes) {
  const n = label(rows);
  let phoneLib: number | undefined;
  if (want('core')) {
    await attempt([`core ${n}`], async () => {
      const core = await runCore(rows);
      phoneLib = core.phoneLibMsPerRow;
      print(formatCore(core));
    });
  }
  if (want('pipeline')) {
    await attempt([`pipeline ${n}`], async () => {
      print(formatPipeline(await runPipeline(rows, { phoneLibMsPerRow: phoneLib ?? phoneLibMsPerRow(rows) })));
    });
  }
}
const n = label(size);
if (want('timezones')) await attempt(['timezones'], async () => print(await runTimezones(size)));
if (want('rules')) await attempt(['rules'], async () => print(await runRules(size)));
if (want('consent')) await attempt([`consent ${n}`], async () => print(await runConsent(size)));
if (want('suppressions') || want('suppressed-import')) {
  const prefixes = [...(want('suppressions') ? [`suppressions ${n}`] : []), ...(want('suppressed-import') ? [`suppressed-import ${n}`] : [])];
  await attempt(prefixes, async () => {
    const out = await runSuppressionParts(size, { list: want('suppressions'), leadImport: want('suppressed-import'), listed: listSize });
    print(out.list);
    print(out.leadImport);
  });
}
if (want('registry')) await attempt([`registry ${label(listSize)}`], async () => print(await runRegistry(listSize)));
if (want('suppression-memory')) await attempt([`suppression-memory ${label(listSize)}`], async () => print(runSuppressionMemory(listSize)));
if (want('campaigns-list') || want('callable')) {
  const prefixes = [...(want('campaigns-list') ? [`campaigns-list ${n}`] : []), ...(want('callable') ? [`callable ${n}`] : [])];
  await attempt(prefixes, async () => {
    const out = await runSeeded(size, { campaignsList: want('campaigns-list'), callable: want('callable') });
    print(out.campaignsList);
    print(out.callable);
  });
}
if (want('update') || want('undo')) {
  const prefixes = [...(want('update') ? [`update ${n}`] : []), ...(want('undo') ? [`undo ${n}`] : [])];
  await attempt(prefixes, async () => {
    const out = await runUpdateUndo(size, { update: want('update'), undo: want('undo') });
    print(out.update);
    print(out.undo);
  });
}
if (want('webhooks')) await attempt([`webhooks ${webhookImports(size)}`], async () => print(await runWebhooks(webhookImports(size))));
if (want('browser')) await attempt([`browser ${n}`], async () => print(formatBrowserBench(await browserBench(size, { listed: listSize }))));
if (want('browser-legacy')) await attempt([`browser-legacy ${n}`], async () => print(await legacyPreviewBench(size)));
if (want('encoding')) await attempt(['encoding'], async () => print(runEncoding()));
if (want('auth')) await attempt(['auth', `auth ${n} audit`], async () => print(formatAuth(await runAuth(size))));

const results = lines.filter((l) => !l.startsWith('bench:'));
const notMet = results.filter((l) => l.endsWith('NOT MET')).length;
const failedLines = results.filter((l) => /^[^:]+: FAILED /.test(l)).length;
console.log(`\n--- summary (${secs(performance.now() - started)}) ---`);
console.log(lines[0]);
for (const line of results) console.log(line);
console.log(`${results.length - notMet - failedLines} met, ${notMet} NOT MET, ${failedLines} FAILED`);
process.exitCode = failures ? 1 : 0;
