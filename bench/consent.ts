/**
 * Consent checks in the core: the generated lead file with the six consent columns added
 * (consent_at, consent_url, consent_ip, consent_text, trustedform_cert_url, jornaya_leadid; ~95%
 * well-formed), run through the core as the core part runs it (bytes decoded in 1 MiB pieces, CSV
 * parsed, rows validated, duplicates found, errors counted: bench/core.ts's coreRun), twice over,
 * in one process and interleaved: the consent columns mapped as the registry maps them (checks on,
 * policy "mobile" with a 90-day maximum) and the same columns ignored. Both read the same bytes;
 * the difference is what the checks cost. Target: core rows/s with them at least 0.95 of without.
 *
 *   node bench/consent.ts [rows]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLeadsCsv, DEMO_ASSISTANT, mulberry32 } from './generate.ts';
import { fmt, label, resultLine, type PartOutput } from './report.ts';
import { coreRun } from './core.ts';
import { autoMap } from '../src/lib/map/columns.ts';

const CONSENT_HEADERS = ['consent_at', 'consent_url', 'consent_ip', 'consent_text', 'trustedform_cert_url', 'jornaya_leadid'];
const HEX = '0123456789abcdef';
const ROUNDS = 5;

/** Six consent cells for a row: mostly well-formed, a few of each kind of mistake. */
function consentCells(rand: () => number, now: number): string[] {
  const hex = (n: number) => Array.from({ length: n }, () => HEX[Math.floor(rand() * 16)]).join('');
  const r = rand();
  const at = r < 0.01 ? '31/11/2026' : new Date(now - Math.floor(rand() * 60) * 86_400_000 - Math.floor(rand() * 86_400_000)).toISOString();
  const ip = r > 0.99 ? '300.1.2.3' : rand() < 0.8 ? `${1 + Math.floor(rand() * 223)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}` : `2001:db8::${hex(4)}`;
  const cert = r > 0.985 && r <= 0.99 ? 'https://example.com/cert' : `https://cert.trustedform.com/${hex(40)}`;
  const leadId = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`.toUpperCase();
  return [at, `https://quotes.example.com/form/${hex(6)}`, ip, 'I agree to be called about my quote by an automated assistant at the number above.', cert, leadId];
}

export async function runConsent(rows: number): Promise<PartOutput> {
  const g = generateLeadsCsv(rows);
  const rand = mulberry32(7);
  const now = Date.now();
  // The file: the generated one with six consent cells on every line.
  const lines = g.text.trimEnd().split('\r\n');
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const dir = mkdtempSync(join(tmpdir(), 'bench-consent-'));
  const file = join(dir, 'leads-consent.csv');
  writeFileSync(file, [lines[0] + ',' + CONSENT_HEADERS.join(','), ...lines.slice(1).map((l) => l + ',' + consentCells(rand, now).map(quote).join(','))].join('\r\n') + '\r\n');
  lines.length = 0;
  const consentPolicy = { require: 'mobile' as const, maxAgeDays: 90 };
  const mappingOf = (headers: readonly string[], checked: boolean) => {
    const mapped = autoMap(headers, DEMO_ASSISTANT);
    const first = headers.length - CONSENT_HEADERS.length;
    if (!mapped.columns.slice(first).every((t) => t.kind === 'field')) throw new Error(`the consent columns did not map as fields: ${JSON.stringify(mapped.columns.slice(first))}`);
    if (checked) return { mapping: mapped, consentPolicy, startedAt: now };
    return { mapping: { ...mapped, columns: mapped.columns.map((t, i) => (i >= first ? ({ kind: 'ignore' } as const) : t)) }, startedAt: now };
  };
  const run = async (checked: boolean) => {
    const t = performance.now();
    const r = await coreRun(file, { validator: (headers) => mappingOf(headers, checked) });
    if (r.rows !== rows) throw new Error(`the core read ${r.rows} rows, expected ${rows}`);
    return { ms: performance.now() - t, invalid: r.invalidRows };
  };
  const best = { with: Infinity, without: Infinity };
  const ratios: number[] = [];
  let invalidWith = 0;
  let invalidWithout = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await run(false);
      const b = await run(true);
      best.without = Math.min(best.without, a.ms);
      best.with = Math.min(best.with, b.ms);
      ratios.push(a.ms / b.ms);
      invalidWithout = a.invalid;
      invalidWith = b.invalid;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio = best.without / best.with;
  const perRow = ((best.with - best.without) * 1000) / rows;
  ratios.sort((x, y) => x - y);
  return {
    results: [
      resultLine(
        `consent ${label(rows)}`,
        `core ${fmt((rows / best.with) * 1000)} rows/s with the six consent columns checked vs ${fmt((rows / best.without) * 1000)} rows/s with them ignored | ratio ${ratio.toFixed(3)}`,
        'ratio >= 0.95 (consent checks cost <= 5%)',
        ratio >= 0.95,
      ),
    ],
    details: [
      `consent ${label(rows)}: the checks cost ${perRow.toFixed(2)} us/row; ratio of each round ${ratios.map((r) => r.toFixed(3)).join(', ')} (the result is best against best); rows with errors ${fmt(invalidWith)} checked vs ${fmt(invalidWithout)} ignored (the planted consent mistakes and policy refusals); best of ${ROUNDS}, interleaved`,
    ],
  };
}

if (import.meta.main) {
  const out = await runConsent(Number(process.argv[2] ?? 1_000_000));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
