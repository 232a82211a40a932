/**
 * Suppression list import through `wrangler dev`: POST a generated list (default 1,048,576 numbers,
 * fixed seed; 80% E.164, 20% US national format, ~0.5% invalid, ~1% repeats) to
 * /api/v1/suppressions/import and print numbers/s (request start → answer), with the phone
 * normaliser's own rate on the same cells in this process for comparison.
 *
 *   node bench/suppressions.ts [numbers] [--port 8809]
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from './generate.ts';
import { startDevServer } from '../test/browser/server.ts';
import { createPhoneNormalizer } from '../src/lib/validate/phone.ts';

const AREA_CODES = [212, 213, 305, 312, 415, 503, 602, 617, 646, 702, 713, 206];

/** The list as CSV text, and how many of its numbers are meant to be invalid or repeated. */
export function generateSuppressionCsv(n: number, seed = 15): { text: string; cells: string[]; invalid: number; repeats: number } {
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
  return { text: 'phone_number\n' + cells.join('\n') + '\n', cells, invalid, repeats };
}

/** The Worker's sources copied aside, so an edit elsewhere does not reload wrangler mid-run. */
function snapshot(): string {
  const root = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'supp-bench-src-'));
  for (const name of ['workers', 'src', 'scripts', 'drizzle', 'build', 'bench', 'wrangler.toml', 'package.json', 'tsconfig.json', '.dev.vars', '.dev.vars.example']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  // wrangler dev needs the assets folder to exist; the bench does not need the UI.
  if (!existsSync(join(dir, 'build'))) {
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'build', 'index.html'), '<!doctype html><title>bench</title>');
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function main() {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8809;
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--port') ?? 1_048_576);

  const list = generateSuppressionCsv(n);
  const body = new TextEncoder().encode(list.text);

  // The normaliser alone on the same cells (one Node thread): the part of the work that is the phone library.
  const phones = createPhoneNormalizer('US');
  const t = performance.now();
  for (const cell of list.cells) phones.normalize(cell);
  const normaliseRate = (list.cells.length / (performance.now() - t)) * 1000;

  const cwd = snapshot();
  const persistTo = mkdtempSync(join(tmpdir(), 'supp-bench-state-'));
  process.stderr.write(`  [suppressions ${n}] starting wrangler dev on port ${port}\n`);
  const server = await startDevServer(port, persistTo, { cwd });
  const stop = async () => {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    process.stderr.write(`  [suppressions ${n}] posting ${(body.length / 1048576).toFixed(1)} MB\n`);
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/suppressions/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/csv' },
      body,
    });
    const result = (await res.json()) as Record<string, number>;
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`import answered ${res.status}: ${JSON.stringify(result).slice(0, 2000)}`);

    const t1 = performance.now();
    const packed = await fetch(`${server.url}/api/v1/suppressions/packed`, { headers: { Authorization: `Bearer ${server.token}` } });
    const packedBytes = (await packed.arrayBuffer()).byteLength;
    const packedMs = performance.now() - t1;

    const countsAddUp = result.added! + result.alreadyPresent! + result.invalidCount! === n;
    console.log(`suppression list import, ${n.toLocaleString('en-US')} numbers (${(body.length / 1048576).toFixed(1)} MB CSV), wrangler dev:`);
    console.log(`  ${fmt((n / ms) * 1000)} numbers/s  (${(ms / 1000).toFixed(1)} s; added ${result.added}, alreadyPresent ${result.alreadyPresent}, invalid ${result.invalidCount}; counts add up: ${countsAddUp})`);
    console.log(`  phone normaliser alone (Node, same cells): ${fmt(normaliseRate)} numbers/s`);
    console.log(`  GET /suppressions/packed: ${(packedBytes / 1048576).toFixed(1)} MB, ${packed.headers.get('X-Suppression-Count')} numbers in ${(packedMs / 1000).toFixed(2)} s`);
  } finally {
    await stop();
  }
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

if (import.meta.url === `file://${process.argv[1]}`) await main();
