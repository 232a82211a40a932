/**
 * Regions and calling rules in the validation core (the core makes each lead's calling profile,
 * and the preview decides once per profile): in a fresh child process, the core over the generated
 * file (best of two runs), then the profile of every lead and the decision per distinct profile
 * alone (best of three). Without them the core would take its time minus theirs, so "rows/s with /
 * rows/s without" is (core − profiles) / core; target at least 0.9.
 *
 *   node bench/rules.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareFiles, runChild } from './core.ts';
import { fmt, label, resultLine, type PartOutput } from './report.ts';

export async function runRules(rows: number): Promise<PartOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-bench-rules-'));
  try {
    const files = prepareFiles(rows, dir);
    const r = runChild('rules', files.csv);
    if (r.rows !== rows) throw new Error(`the core read ${r.rows} rows, expected ${rows}`);
    const { leads, profiles, profileMs } = r.extra as { leads: number; profiles: number; profileMs: number };
    const ratio = (r.ms - profileMs) / r.ms;
    return {
      results: [
        resultLine(
          'rules',
          `${label(rows)} rows: core ${((r.ms * 1000) / rows).toFixed(2)} us/row with regions and rules, profiles and decisions ${((profileMs * 1000) / rows).toFixed(2)} us/row (${fmt(leads)} leads, ${fmt(profiles)} profiles) | core rows/s with regions and rules at ${ratio.toFixed(3)} of without`,
          'ratio >= 0.9',
          ratio >= 0.9,
        ),
      ],
      details: [`rules: core ${fmt(r.ms)} ms (best of 2), profiles and decisions ${fmt(profileMs)} ms (best of 3), child peak rss ${(r.maxRss / 1e6).toFixed(0)} MB`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const out = await runRules(Number(process.argv[2] ?? 1_000_000));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
