/**
 * `npm run bench`: core throughput (Node) and end-to-end pipeline (wrangler dev) on generated files
 * of 100k and 1M rows (seed 42). `--quick` runs 100k only; `--core-only` skips the pipeline.
 * Every result line starts with `core <size>:` or `pipeline <size>:` so it can be grepped.
 */
import { cpus } from 'node:os';
import { formatCore, label, runCore } from './core.ts';
import { formatPipeline, runPipeline } from './pipeline.ts';

const args = new Set(process.argv.slice(2));
const sizes = args.has('--quick') ? [100_000] : [100_000, 1_000_000];
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

say(`bench: node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? '?'}), seed 42, ${new Date().toISOString()}`);
say('bench: peak rss = process.resourceUsage().maxRSS of a fresh child process per measurement (whole process, Node itself included; "node floor" = a child that only loads the modules); workerd rss = sum of `ps` RSS of the workerd processes under wrangler dev, sampled every 200 ms');
let failed = false;
for (const rows of sizes) {
  let phoneLibMsPerRow: number | undefined;
  try {
    const core = await runCore(rows);
    phoneLibMsPerRow = core.phoneLibMsPerRow;
    for (const line of formatCore(core)) say(line);
  } catch (e) {
    failed = true;
    say(`core ${label(rows)}: FAILED ${(e as Error).message.split('\n')[0]}`);
    console.error(e);
  }
  if (args.has('--core-only')) continue;
  try {
    const p = await runPipeline(rows, { phoneLibMsPerRow: phoneLibMsPerRow ?? NaN });
    for (const line of formatPipeline(p)) say(line);
    if (!p.countsAddUp || p.status !== 'completed') failed = true;
  } catch (e) {
    failed = true;
    say(`pipeline ${label(rows)}: FAILED ${(e as Error).message.split('\n')[0]}`);
    console.error(e);
  }
}
console.log('\n--- summary ---');
for (const line of lines) if (/^(core|pipeline) \S+:/.test(line)) console.log(line);
process.exitCode = failed ? 1 : 0;
