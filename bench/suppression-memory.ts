/**
 * Memory of the suppression list's own work, replayed in Node with the Worker's code, each step in
 * a child process whose V8 heap is bounded like a Workers isolate (128 MB; a step that needed more
 * would die): the peak of heap used + array buffers, sampled at every page or chunk, and the peak RSS.
 *  - read: a registry file of N numbers streamed through the registry reader and cut into stored chunks
 *    (workers/intake/read-registry.ts, workers/suppression/list-import/cut-chunks.ts);
 *  - chunk: one stored chunk (50,000 numbers) read back and turned into entries (chunk-entries.ts);
 *  - packed: the packed list of N numbers built (build-packed.ts): exact while it fits 24 MiB, a
 *    filter past it.
 * read and packed also run at 10M numbers whatever N is (the scale the issue asks for).
 * workerd's own peak RSS during real imports is printed by the registry part.
 *
 *   node bench/suppression-memory.ts [numbers]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmt, label, mb, resultLine, type PartOutput } from './report.ts';

const here = fileURLToPath(import.meta.url);
/** A Workers isolate's memory. */
const ISOLATE_BYTES = 128 * 1024 * 1024;
const BOUNDED = ['--max-old-space-size=128', '--max-semi-space-size=2', '--expose-gc'];

interface StepResult {
  step: string;
  numbers: number;
  peakBytes: number;
  maxRss: number;
  ms: number;
  note: string;
}

/** Peak of heap used + array buffers, sampled whenever `sample()` is called. */
function peakMeter() {
  let peak = 0;
  return {
    sample() {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
    },
    get peak() {
      return peak;
    },
  };
}

async function childStep(step: string, numbers: number): Promise<StepResult> {
  // Workers' fixed-length stream, for build-packed.ts.
  (globalThis as Record<string, unknown>).FixedLengthStream ??= class extends TransformStream {
    constructor(_length: number) {
      super();
    }
  };
  const meter = peakMeter();
  const t0 = performance.now();
  let note = '';
  if (step === 'read') {
    const { registryFile } = await import('./registry.ts');
    const { openRegistry } = await import('../workers/intake/read-registry.ts');
    const { cutChunks } = await import('../workers/suppression/list-import/cut-chunks.ts');
    const { LINES_ENCODING } = await import('../workers/suppression/list-import/list-chunk.ts');
    // The upload streams in: the file is made 1 MB at a time, never held whole.
    const pieceNumbers = 95_000;
    let made = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (made >= numbers) return controller.close();
        const n = Math.min(pieceNumbers, numbers - made);
        controller.enqueue(registryFile(n, made));
        made += n;
        meter.sample();
      },
    });
    const upload = openRegistry(body);
    let bytes = 0;
    const out = await cutChunks(upload.rows, { perChunk: 50_000, byteBudget: 7_000_000, maxRows: Infinity }, LINES_ENCODING, async (_i, text) => {
      bytes += text.length;
      meter.sample();
    });
    note = `${fmt(out.chunks)} chunks, ${mb(bytes)} stored`;
  } else if (step === 'chunk') {
    const { registryFile } = await import('./registry.ts');
    const { chunkRows, LINES_ENCODING } = await import('../workers/suppression/list-import/list-chunk.ts');
    const { chunkEntries } = await import('../workers/suppression/list-import/chunk-entries.ts');
    const { paramGroups } = await import('../workers/leads/param-groups.ts');
    const text = new TextDecoder().decode(registryFile(numbers)).trim();
    const body = LINES_ENCODING.body(0, 1, [text]);
    meter.sample();
    const rows = chunkRows(body);
    meter.sample();
    const { entries } = chunkEntries(['phone_number'], 'US', rows);
    meter.sample();
    const params = paramGroups(entries, (e) => e.phone);
    meter.sample();
    note = `${fmt(entries.length)} entries, ${params.length} statement parameters`;
  } else {
    const { buildPacked } = await import('../workers/suppression/build-packed.ts');
    const { PACKED_MAX_BYTES } = await import('../src/lib/suppression/packed-list.ts');
    const page = 40_000;
    async function* pages() {
      for (let at = 0; at < numbers; at += page) {
        const phones: string[] = [];
        for (let i = at; i < Math.min(numbers, at + page); i++) phones.push(`+1${2_012_000_000 + i * 7}`);
        meter.sample();
        yield { permanent: phones, expiring: [] as [string, string][] };
      }
    }
    let stored = 0;
    const built = await buildPacked({ upperBound: async () => numbers, pages }, PACKED_MAX_BYTES, async (body) => {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        stored += value.byteLength;
        meter.sample();
      }
    });
    note = `${built.form} form, ${mb(stored)} written`;
  }
  meter.sample();
  return { step, numbers, peakBytes: meter.peak, maxRss: process.resourceUsage().maxRSS * 1024, ms: performance.now() - t0, note };
}

function runStep(step: string, numbers: number): StepResult {
  const r = spawnSync(process.execPath, [...BOUNDED, here, '--child', step, String(numbers)], { encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`suppression-memory ${step} ${numbers}: child failed (${r.status ?? r.signal}): ${r.stderr.slice(-800)}`);
  return JSON.parse(line) as StepResult;
}

export function runSuppressionMemory(numbers: number): PartOutput {
  const n = label(numbers);
  const steps = [runStep('read', numbers), runStep('chunk', 50_000), runStep('packed', numbers)];
  // And at the scale the issue asks for, whatever N is: the same bound.
  if (numbers < 10_000_000) steps.push(runStep('read', 10_000_000), runStep('packed', 10_000_000));
  const worst = Math.max(...steps.map((s) => s.peakBytes));
  return {
    results: [
      resultLine(
        `suppression-memory ${n}`,
        steps.map((s) => `${s.step} ${label(s.numbers)} peak heap ${mb(s.peakBytes)}`).join(' | '),
        'every step completes with V8 bounded at 128 MB, peak heap (used + array buffers) < 128 MB',
        worst < ISOLATE_BYTES,
      ),
    ],
    details: steps.map((s) => `suppression-memory ${n}: ${s.step} ${fmt(s.numbers)} numbers: ${s.note}; ${(s.ms / 1000).toFixed(1)} s; process peak rss ${mb(s.maxRss)} (Node itself included)`),
  };
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await childStep(process.argv[3]!, Number(process.argv[4]))));
} else if (import.meta.main) {
  const out = runSuppressionMemory(Number(process.argv[2] ?? 1_000_000));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
