/**
 * Long fuzzing of the workbook reader, beyond what the test suite's 300 runs can find:
 *   node test/fuzz/workbooks.ts [seconds of random damage, default 120]
 * 1. A sweep of every BIFF record SheetJS parses, 0–16 bytes long (zeros, 0xff, two seeded
 *    fills), inserted in the workbook globals and in a sheet of an Excel 97 and an Excel 95 file.
 * 2. Random damage to valid .xlsx and .xls files, and random bytes, for the given seconds.
 * Each input is read in a worker thread; one that takes longer than 3 s is a hang: it is written
 * to $TMPDIR/workbook-hang-*.bin and the run exits 1. The slowest input of each part is printed.
 * This found SheetJS's endless loops (scripts/patch-sheetjs.mjs) and its directory walk
 * (src/lib/parse/compound-file.ts).
 */
import { Worker } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { biff5Workbook } from '../corpus/biff5.ts';
import { insertRecord } from '../corpus/biff-records.ts';

const HANG_MS = 3000;
const seconds = Number(process.argv[2] ?? 120);

const source = readFileSync(new URL('../../node_modules/xlsx/xlsx.mjs', import.meta.url), 'utf8');
const table = source.slice(source.indexOf('var XLSRecordEnum = {'), source.indexOf('\n};', source.indexOf('var XLSRecordEnum = {')));
const parsed = [...table.matchAll(/^\s*(0x[0-9a-fA-F]+):\s*\{[^}]*f:/gm)].map((m) => parseInt(m[1]!, 16));

const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['phone', 'n', 'when'], ['+14155551234', 3, 45365], ['+14155551235', 'x', true]]), 'Leads');
const excel97 = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }));
const excel95 = biff5Workbook([['phone', 'name'], ['+14155551234', 'Иван']], 1251, 'windows-1251');
const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }));

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
function* sweep(): Generator<[string, Uint8Array]> {
  for (const type of parsed)
    for (let length = 0; length <= 16; length++)
      for (const fill of ['00', 'ff', 'r1', 'r2'])
        for (const [name, file] of [['97', excel97], ['95', excel95]] as const)
          for (const where of ['book', 'sheet'] as const) {
            const body = new Uint8Array(length).map(() => (fill === '00' ? 0 : fill === 'ff' ? 0xff : random()));
            yield [`record 0x${type.toString(16)} length ${length} fill ${fill} Excel ${name} ${where}`, insertRecord(file, { type, body }, where)];
          }
}
function* damage(): Generator<[string, Uint8Array]> {
  const damaged = fc
    .tuple(fc.constantFrom(excel97, excel95, xlsx), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }))
    .map(([original, edits]) => {
      const b = original.slice();
      for (const [i, v] of edits) b[i % b.length] = v;
      return b;
    });
  const noise = fc.uint8Array({ maxLength: 4000 }).map((b) => (b.length > 8 ? Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...b]) : b));
  const until = Date.now() + seconds * 1000;
  for (let round = 0; Date.now() < until; round++) {
    for (const b of fc.sample(fc.oneof(damaged, noise), { numRuns: 500, seed: round })) yield [`random damage (round ${round})`, b];
  }
}

async function run(part: string, inputs: Generator<[string, Uint8Array]>): Promise<boolean> {
  let count = 0;
  let slowest: [number, string] = [0, ''];
  let hung = false;
  const lane = async () => {
    let worker = new Worker(new URL('./workbooks-worker.ts', import.meta.url));
    for (let next = inputs.next(); !next.done; next = inputs.next()) {
      const [what, bytes] = next.value;
      const started = performance.now();
      const outcome = await new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('HANG'), HANG_MS);
        worker.once('message', (m: string) => {
          clearTimeout(timer);
          resolve(m);
        });
        worker.postMessage(bytes);
      });
      const ms = performance.now() - started;
      count++;
      if (ms > slowest[0] && outcome !== 'HANG') slowest = [ms, what];
      if (outcome === 'HANG') {
        hung = true;
        const file = join(tmpdir(), `workbook-hang-${Date.now()}.bin`);
        writeFileSync(file, bytes);
        console.log(`HANG (over ${HANG_MS} ms): ${what} → ${file}`);
        await worker.terminate();
        worker = new Worker(new URL('./workbooks-worker.ts', import.meta.url));
      }
    }
    await worker.terminate();
  };
  await Promise.all([lane(), lane()]);
  console.log(`${part}: ${count} inputs, slowest ${slowest[0].toFixed(1)} ms (${slowest[1]})${hung ? ', HANGS above' : ', no hang'}`);
  return !hung;
}

const ok = (await run(`record sweep (${parsed.length} record types)`, sweep())) && (await run(`random damage (${seconds} s)`, damage()));
process.exit(ok ? 0 : 1);
