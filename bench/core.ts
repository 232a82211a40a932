/**
 * Core throughput in Node, each measurement in a fresh child process that reads the generated file
 * from disk (so its peak RSS is its own): (a) papaparse alone, (b) libphonenumber-js alone over the
 * file's non-empty phone cells, (c) the validation core streaming the file in 1 MiB pieces.
 *
 *   node bench/core.ts 100000          # parent: generate, write to a temp dir, run the children
 *   node bench/core.ts --child <kind> <file>   # one measurement, prints one JSON line
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readSync, closeSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLeadsCsv, DEMO_ASSISTANT } from './generate.ts';

const PIECE = 1024 * 1024;

export interface ChildResult {
  kind: string;
  ms: number;
  rows: number;
  /** Peak resident set size of the child process (process.resourceUsage().maxRSS), bytes. */
  maxRss: number;
  extra?: Record<string, unknown>;
}

export interface CoreResult {
  rows: number;
  fileBytes: number;
  phones: number;
  papaparse: ChildResult;
  phoneLib: ChildResult;
  core: ChildResult;
  /** A child that only loads the same modules: Node's own floor. */
  baseline: ChildResult;
  /** The same core run with V8's heap bounded by BOUNDED_HEAP_FLAGS; null when it did not fit. */
  bounded: ChildResult | null;
  coreRowsPerSec: number;
  phoneLibRowsPerSec: number;
  papaRowsPerSec: number;
  ratio: number;
  /** Phone-library cost per row of this file, ms (used by the pipeline ceiling). */
  phoneLibMsPerRow: number;
}

const here = fileURLToPath(import.meta.url);

/**
 * V8 heap limits of the "bounded" core run, about what a Workers isolate allows (128 MB in all):
 * 64 MB of old generation and 2 MB semi-spaces. Unbounded, V8 grows its young generation with the
 * allocation rate (a 1M-row run then peaks near 420 MB RSS with a live set under 90 MB); bounded,
 * the peak shows what the streaming core itself needs.
 */
export const BOUNDED_HEAP_FLAGS = ['--max-old-space-size=64', '--max-semi-space-size=2'];
const BOUNDED_LABEL = '64 MB old + 2 MB semi-space';

function runChild(kind: string, file: string, v8Flags: string[] = ['--max-old-space-size=4096']): ChildResult {
  const r = spawnSync(process.execPath, [...v8Flags, here, '--child', kind, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    throw new Error(`core child "${kind}" failed (exit ${r.status}):\n${r.stderr.slice(-4000)}${r.stdout.slice(-2000)}`);
  }
  return JSON.parse(line) as ChildResult;
}

export function prepareFiles(rows: number, dir: string): { csv: string; phonesFile: string; fileBytes: number; phones: number; planted: unknown } {
  const g = generateLeadsCsv(rows);
  const csv = join(dir, `leads-${rows}.csv`);
  const phonesFile = join(dir, `phones-${rows}.txt`);
  writeFileSync(csv, g.text);
  writeFileSync(phonesFile, g.phones.join('\n'));
  return { csv, phonesFile, fileBytes: statSync(csv).size, phones: g.phones.length, planted: g.planted };
}

export async function runCore(rows: number, opts: { dir?: string; keep?: boolean } = {}): Promise<CoreResult & { csv: string; dir: string }> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'lead-bench-'));
  const files = prepareFiles(rows, dir);
  const baseline = runChild('baseline', files.csv);
  const papaparse = runChild('papaparse', files.csv);
  const phoneLib = runChild('phonelib', files.phonesFile);
  const core = runChild('core', files.csv);
  let bounded: ChildResult | null = null;
  try {
    bounded = runChild('core', files.csv, BOUNDED_HEAP_FLAGS);
  } catch {
    bounded = null;
  }
  if (core.rows !== rows) throw new Error(`core read ${core.rows} rows, expected ${rows}`);
  const perSec = (r: ChildResult) => (r.rows / r.ms) * 1000;
  const phoneLibRowsPerSec = (rows / phoneLib.ms) * 1000;
  const result = {
    rows,
    fileBytes: files.fileBytes,
    phones: files.phones,
    papaparse,
    phoneLib,
    core,
    baseline,
    bounded,
    coreRowsPerSec: perSec(core),
    phoneLibRowsPerSec,
    papaRowsPerSec: perSec(papaparse),
    ratio: perSec(core) / phoneLibRowsPerSec,
    phoneLibMsPerRow: phoneLib.ms / rows,
    csv: files.csv,
    dir,
  };
  if (!opts.keep && !opts.dir) rmSync(dir, { recursive: true, force: true });
  return result;
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
export const label = (rows: number): string => (rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1e3}k`);

export function formatCore(r: CoreResult): string[] {
  const x = r.core.extra as Record<string, number>;
  return [
    `core ${label(r.rows)}: core ${fmt(r.coreRowsPerSec)} rows/s | phone-lib ceiling ${fmt(r.phoneLibRowsPerSec)} rows/s | ratio ${r.ratio.toFixed(2)} (target >= 0.6) | papaparse ${fmt(r.papaRowsPerSec)} rows/s | peak rss ${mb(r.core.maxRss)} (file ${mb(r.fileBytes)}, ${(r.core.maxRss / r.fileBytes).toFixed(2)}x; node floor ${mb(r.baseline.maxRss)}, above floor ${((r.core.maxRss - r.baseline.maxRss) / r.fileBytes).toFixed(2)}x)`,
    r.bounded
      ? `core ${label(r.rows)} bounded: completed with V8 heap of ${BOUNDED_LABEL} | ${fmt((r.bounded.rows / r.bounded.ms) * 1000)} rows/s | peak rss ${mb(r.bounded.maxRss)} = ${(r.bounded.maxRss / r.fileBytes).toFixed(2)}x file (target < 3x; node floor ${mb(r.baseline.maxRss)}, above floor ${((r.bounded.maxRss - r.baseline.maxRss) / r.fileBytes).toFixed(2)}x)`
      : `core ${label(r.rows)} bounded: did NOT complete with V8 heap of ${BOUNDED_LABEL}`,
    `core ${label(r.rows)} detail: phone-lib ${fmt(r.phones)} numbers in ${fmt(r.phoneLib.ms)} ms = ${((r.phoneLib.ms * 1000) / r.phones).toFixed(2)} us/number, ${r.phoneLib.extra?.valid} valid | core ${fmt(r.core.ms)} ms: ${x.leads} leads, ${x.invalidRows} invalid rows, ${x.duplicates} in-file duplicates | papaparse peak rss ${mb(r.papaparse.maxRss)} (whole text in memory), phone-lib peak rss ${mb(r.phoneLib.maxRss)}`,
  ];
}

// ---------------------------------------------------------------- children

async function child(kind: string, file: string): Promise<ChildResult> {
  if (kind === 'baseline') {
    await import('papaparse');
    await import('libphonenumber-js/max');
    await import('../src/lib/validate/row.ts');
    return { kind, ms: 0, rows: 0, maxRss: process.resourceUsage().maxRSS * 1024 };
  }
  if (kind === 'papaparse') {
    const Papa = (await import('papaparse')).default;
    const text = readFileSync(file, 'utf8');
    const t = performance.now();
    const res = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const ms = performance.now() - t;
    return { kind, ms, rows: res.data.length - 1, maxRss: process.resourceUsage().maxRSS * 1024 };
  }
  if (kind === 'phonelib') {
    const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
    const phones = readFileSync(file, 'utf8').split('\n');
    let valid = 0;
    const t = performance.now();
    for (let i = 0; i < phones.length; i++) {
      const p = parsePhoneNumberFromString(phones[i]!, 'US');
      if (p !== undefined && p.isValid()) valid++;
    }
    const ms = performance.now() - t;
    return { kind, ms, rows: phones.length, maxRss: process.resourceUsage().maxRSS * 1024, extra: { valid } };
  }
  if (kind === 'core') {
    const { createDecoder } = await import('../src/lib/parse/decode.ts');
    const { createCsvStream } = await import('../src/lib/parse/csv.ts');
    const { autoMap } = await import('../src/lib/map/columns.ts');
    const { createRowValidator } = await import('../src/lib/validate/row.ts');
    const { createFirstOccurrenceIndex } = await import('../src/lib/dedupe/in-file.ts');
    type SourceRow = import('../src/lib/types.ts').SourceRow;
    type RowValidator = import('../src/lib/validate/row.ts').RowValidator;

    const t = performance.now();
    const fd = openSync(file, 'r');
    const decoder = createDecoder();
    const csv = createCsvStream();
    const index = createFirstOccurrenceIndex();
    let validator: RowValidator | null = null;
    let leads = 0;
    let invalidRows = 0;
    let duplicates = 0;
    const codes: Record<string, number> = {};
    const handle = (rows: SourceRow[]) => {
      if (rows.length === 0) return;
      if (validator === null) {
        const headers = csv.headers!;
        validator = createRowValidator({ assistant: DEMO_ASSISTANT, headers, mapping: autoMap(headers, DEMO_ASSISTANT), defaultCountry: 'US' });
      }
      for (let i = 0; i < rows.length; i++) {
        const v = validator.validate(rows[i]!);
        if (v.lead) {
          if (index.check(v.lead.e164, v.row) !== undefined) duplicates++;
          else leads++;
        } else {
          invalidRows++;
          for (const e of v.errors) codes[e.code] = (codes[e.code] ?? 0) + 1;
        }
      }
    };
    for (;;) {
      const buf = new Uint8Array(PIECE); // fresh each time: the decoder keeps early pieces by reference
      const n = readSync(fd, buf, 0, PIECE, null);
      if (n === 0) break;
      const text = decoder.push(buf.subarray(0, n));
      if (text) handle(csv.push(text));
    }
    closeSync(fd);
    const tail = decoder.end();
    if (tail) handle(csv.push(tail));
    handle(csv.end());
    const ms = performance.now() - t;
    return { kind, ms, rows: csv.recordsRead, maxRss: process.resourceUsage().maxRSS * 1024, extra: { leads, invalidRows, duplicates, codes } };
  }
  throw new Error(`unknown child kind ${kind}`);
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    console.log(JSON.stringify(await child(args[1]!, args[2]!)));
  } else {
    const r = await runCore(Number(args[0] ?? 100_000));
    for (const line of formatCore(r)) console.log(line);
    console.log(JSON.stringify(r.core.extra));
  }
}
