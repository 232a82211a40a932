import { describe, expect, it } from 'vitest';
import { createSuppressionLookup, packExact } from '../../suppression/packed-list.ts';
import { createRowValidator } from '../../validate/row.ts';
import { duplicateError } from '../../dedupe/in-file.ts';
import { suppressionColumns } from '../../validate/suppression.ts';
import type { AssistantConfig, ColumnMapping } from '../../types.ts';
import { validateRows } from './validate-rows.ts';
import { PreviewVerdicts } from './preview-verdicts.ts';
import type { RowVerdict } from './protocol.ts';

const assistant: AssistantConfig = { variables: [], secondaryVariables: [] };
const headers = ['Mobile', 'Name', 'Work phone'];
const mapping: ColumnMapping = { columns: [{ kind: 'phone' }, { kind: 'ignore' }, { kind: 'secondaryPhone', index: 1 }] };
const validator = createRowValidator({ assistant, headers, mapping, defaultCountry: 'US' });
const listed = createSuppressionLookup(packExact(['+14155550132', '+12125550199', '+16465550177', '+13125550100']));

/** Listed primaries, a listed secondary, duplicates of a listed number, invalid rows, clean rows. */
const ROWS: string[][] = [];
for (let r = 0; r < 600; r++) {
  const kind = r % 6;
  if (kind === 0) ROWS.push([`+1 646 555 ${String(1000 + r).padStart(4, '0')}`, 'Clean', '']);
  else if (kind === 1) ROWS.push(['(415) 555-0132', 'Listed, then duplicates', '']);
  else if (kind === 2) ROWS.push([`+1 646 555 ${String(3000 + r).padStart(4, '0')}`, 'Listed secondary', '212 555 0199']);
  else if (kind === 3) ROWS.push(['not a number', 'Invalid', '212-555-0199']);
  else if (kind === 4) ROWS.push(['646.555.0177', 'Listed, then duplicates', '']);
  else ROWS.push([`+1 646 555 ${String(5000 + r).padStart(4, '0')}`, 'Clean', '']);
}
const BATCH = 50;

function verdictsFor(rows: string[][]) {
  const v = new PreviewVerdicts(
    (i) => rows[i]!,
    (earlier): RowVerdict => [duplicateError(earlier + 2, 'Mobile')],
  );
  v.configure(suppressionColumns(headers, mapping, assistant));
  return v;
}

/** Reads the rows in batches like the preview worker, handing it the list before batch `listAt` (never when past the end). */
function run(listAt: number) {
  const rows = ROWS.map((r) => [...r]);
  const v = verdictsFor(rows);
  const shown: RowVerdict[] = [];
  for (let start = 0, batch = 0; start < rows.length; start += BATCH, batch++) {
    if (batch === listAt) for (const ch of v.receiveList(listed)) shown[ch.index] = ch.verdict;
    const r = validateRows(validator, Math.min(BATCH, rows.length - start), (k) => ({ row: start + k + 2, cells: rows[start + k]! }));
    for (let k = 0; k < r.errors.length; k++) shown[start + k] = v.apply(start + k, r.errors[k]!, r.numbers[k] ?? undefined, r.secondaries[k]);
  }
  if (listAt * BATCH >= rows.length) for (const ch of v.receiveList(listed)) shown[ch.index] = ch.verdict;
  return { v, shown, counts: v.counts(rows.length), valid: v.validNumbers(rows.length), rows };
}

describe('the preview verdicts when the suppression list arrives late', () => {
  const first = run(0);

  it('flags listed rows as the server does, duplicates of a listed number as duplicates', () => {
    expect(first.counts.suppressedRows).toBe(102); // rows 1 and 4 (first occurrences of listed numbers) and the 100 rows with a listed secondary
    expect(first.shown[1]!.map((e) => e.code)).toEqual(['SUPPRESSED']);
    expect(first.shown[7]!.map((e) => e.code)).toEqual(['DUPLICATE_IN_FILE']);
    expect(first.shown[2]!.map((e) => e.code)).toEqual(['SECONDARY_SUPPRESSED']);
    expect(first.shown[2]![0]!.message).toContain('"Work phone"');
    expect(first.shown[3]!.map((e) => e.code)).toEqual(['PHONE_INVALID']);
    expect(first.shown[0]).toBeNull();
  });

  for (const listAt of [3, 7, 1_000]) {
    it(`gives the same verdicts, counts and valid numbers as a list that came first (list after ${Math.min(listAt * BATCH, ROWS.length)} rows)`, () => {
      const late = run(listAt);
      expect(late.shown).toEqual(first.shown);
      expect(ROWS.map((_, i) => late.v.verdictOf(i))).toEqual(ROWS.map((_, i) => first.v.verdictOf(i)));
      expect(late.counts).toEqual(first.counts);
      expect(late.valid).toEqual(first.valid);
    });
  }

  it('reports only the rows whose verdict the list changed', () => {
    const rows = ROWS.map((r) => [...r]);
    const v = verdictsFor(rows);
    const r = validateRows(validator, rows.length, (k) => ({ row: k + 2, cells: rows[k]! }));
    for (let k = 0; k < rows.length; k++) v.apply(k, r.errors[k]!, r.numbers[k] ?? undefined, r.secondaries[k]);
    const before = v.counts(rows.length);
    expect(before.suppressedRows).toBe(0);
    const changes = v.receiveList(listed);
    expect(changes.map((c) => c.index)).toEqual(first.shown.flatMap((s, i) => (s?.some((e) => e.code.endsWith('SUPPRESSED')) ? [i] : [])));
    expect(v.counts(rows.length).invalidRows - before.invalidRows).toBe(changes.length);
  });

  it('checks a row edited before the list arrived against the list once it does', () => {
    const rows = ROWS.slice(0, 6).map((r) => [...r]);
    const v = verdictsFor(rows);
    const r = validateRows(validator, rows.length, (k) => ({ row: k + 2, cells: rows[k]! }));
    for (let k = 0; k < rows.length; k++) v.apply(k, r.errors[k]!, r.numbers[k] ?? undefined, r.secondaries[k]);
    // Row 0 (clean) now holds a listed secondary; the invalid row 3 gets a listed primary.
    rows[0]![2] = '(646) 555-0177';
    rows[3]![0] = '+1 312 555 0100';
    for (const i of [0, 3]) {
      const res = validator.validate({ row: i + 2, cells: rows[i]! });
      expect(v.edit(i, res.errors, res.lead?.e164, res.lead?.secondary.map((s) => s.e164), rows[i]!).find((c) => c.index === i)?.verdict).toBeNull();
    }
    const changed = new Map(v.receiveList(listed).map((c) => [c.index, c.verdict!.map((e) => e.code)]));
    expect(changed.get(0)).toEqual(['SECONDARY_SUPPRESSED']);
    expect(changed.get(3)).toEqual(['SUPPRESSED', 'SECONDARY_SUPPRESSED']);
  });
});
