/**
 * Time zones in the validation core (the core always computes them, once per valid number): in a
 * fresh child process, the core over the generated file (best of two runs), then the lookup alone
 * (zoneSetIdOf + zonesOfSet) over the same file's valid numbers (best of three). Without time zones
 * the core would take its time minus the lookups', so "rows/s with / rows/s without" is
 * (core − lookups) / core; target at least 0.9.
 *
 *   node bench/timezones.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareFiles, runChild } from './core.ts';
import { fmt, label, resultLine, type PartOutput } from './report.ts';

export async function runTimezones(rows: number): Promise<PartOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-bench-tz-'));
  try {
    const files = prepareFiles(rows, dir);
    const r = runChild('timezones', files.csv);
    if (r.rows !== rows) throw new Error(`the core read ${r.rows} rows, expected ${rows}`);
    const { lookups, lookupMs } = r.extra as { lookups: number; lookupMs: number };
    const ratio = (r.ms - lookupMs) / r.ms;
    return {
      results: [
        resultLine(
          'timezones',
          `${fmt((lookups / lookupMs) * 1000)} lookups/s (${((lookupMs * 1e6) / lookups).toFixed(0)} ns each) over the ${label(rows)}-row file's ${fmt(lookups)} valid numbers | core ${((r.ms * 1000) / rows).toFixed(2)} us/row with time zones, lookups ${((lookupMs * 1000) / rows).toFixed(2)} us/row | core rows/s with time zones at ${ratio.toFixed(3)} of without`,
          'ratio >= 0.9',
          ratio >= 0.9,
        ),
      ],
      details: [`timezones: core ${fmt(r.ms)} ms (best of 2), lookups ${fmt(lookupMs)} ms (best of 3), child peak rss ${(r.maxRss / 1e6).toFixed(0)} MB`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const out = await runTimezones(Number(process.argv[2] ?? 1_000_000));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
