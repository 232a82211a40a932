/**
 * Consent checks in the validation core: the generated lead file with the six consent columns
 * added (consent_at, consent_url, consent_ip, consent_text, trustedform_cert_url, jornaya_leadid;
 * ~95% well-formed), validated by the core twice over, in one process and interleaved: the consent
 * columns mapped as the registry maps them (checks on, policy "mobile" with a 90-day maximum) and
 * the same columns ignored. Only validation is timed (the rows are parsed once, before), so the
 * consent checks' share is not diluted by parsing. Target: rows/s with them at least 0.95 of without.
 *
 *   node bench/consent.ts [rows]
 */
import { generateLeadsCsv, DEMO_ASSISTANT, mulberry32 } from './generate.ts';
import { fmt, label, resultLine, type PartOutput } from './report.ts';
import { createCsvStream, readCsvText } from '../src/lib/parse/csv.ts';
import type { SourceRow } from '../src/lib/types.ts';
import { autoMap } from '../src/lib/map/columns.ts';
import { createRowValidator } from '../src/lib/validate/row.ts';

const CONSENT_HEADERS = ['consent_at', 'consent_url', 'consent_ip', 'consent_text', 'trustedform_cert_url', 'jornaya_leadid'];
const HEX = '0123456789abcdef';
const PIECE = 1024 * 1024;

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

export function runConsent(rows: number): PartOutput {
  const g = generateLeadsCsv(rows);
  const rand = mulberry32(7);
  const now = Date.now();
  // The file: the generated one with six consent cells on every line.
  const lines = g.text.trimEnd().split('\r\n');
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const text = [lines[0] + ',' + CONSENT_HEADERS.join(','), ...lines.slice(1).map((l) => l + ',' + consentCells(rand, now).map(quote).join(','))].join('\r\n') + '\r\n';
  const headers = [...readCsvText(g.text.slice(0, g.text.indexOf('\r\n', g.text.indexOf('\r\n') + 2) + 2)).headers, ...CONSENT_HEADERS];
  const mapped = autoMap(headers, DEMO_ASSISTANT);
  const first = headers.length - CONSENT_HEADERS.length;
  if (!mapped.columns.slice(first).every((t) => t.kind === 'field')) throw new Error(`the consent columns did not map as fields: ${JSON.stringify(mapped.columns.slice(first))}`);
  const ignored = { ...mapped, columns: mapped.columns.map((t, i) => (i >= first ? ({ kind: 'ignore' } as const) : t)) };
  const consentPolicy = { require: 'mobile' as const, maxAgeDays: 90 };
  // Streamed as the core part reads a file: 1 MB pieces, each piece's rows validated at once.
  const run = (mapping: typeof mapped, checked: boolean) => {
    const validator = createRowValidator({ assistant: DEMO_ASSISTANT, headers, mapping, defaultCountry: 'US', consentPolicy: checked ? consentPolicy : undefined, startedAt: now });
    const csv = createCsvStream();
    let invalid = 0;
    let count = 0;
    let validateMs = 0;
    const t = performance.now();
    const handle = (rows: SourceRow[]) => {
      const v = performance.now();
      for (const row of rows) if (!validator.validate(row).lead) invalid++;
      count += rows.length;
      validateMs += performance.now() - v;
    };
    for (let at = 0; at < text.length; at += PIECE) handle(csv.push(text.slice(at, at + PIECE)));
    handle(csv.end());
    return { ms: performance.now() - t, validateMs, invalid, rows: count };
  };
  const best = { with: Infinity, without: Infinity, validateWith: Infinity, validateWithout: Infinity };
  let invalidWith = 0;
  let invalidWithout = 0;
  for (let round = 0; round < 5; round++) {
    const a = run(ignored, false);
    const b = run(mapped, true);
    if (a.rows !== rows || b.rows !== rows) throw new Error(`the core read ${a.rows} and ${b.rows} rows, expected ${rows}`);
    best.without = Math.min(best.without, a.ms);
    best.with = Math.min(best.with, b.ms);
    best.validateWithout = Math.min(best.validateWithout, a.validateMs);
    best.validateWith = Math.min(best.validateWith, b.validateMs);
    invalidWithout = a.invalid;
    invalidWith = b.invalid;
  }
  const ratio = best.without / best.with;
  const perRow = ((best.validateWith - best.validateWithout) * 1000) / rows;
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
      `consent ${label(rows)}: the checks cost ${perRow.toFixed(2)} us/row, ${(best.validateWithout / best.validateWith).toFixed(3)} of validation alone (parsing excluded); rows with errors ${fmt(invalidWith)} checked vs ${fmt(invalidWithout)} ignored (the planted consent mistakes and policy refusals); best of 5, interleaved`,
    ],
  };
}

if (import.meta.main) {
  const out = runConsent(Number(process.argv[2] ?? 1_000_000));
  for (const line of [...out.results, ...out.details]) console.log(line);
}
