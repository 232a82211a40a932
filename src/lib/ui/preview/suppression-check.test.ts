import { describe, expect, it } from 'vitest';
import { createSuppressionLookup, packExact } from '../../suppression/packed-list.ts';
import { createRowValidator } from '../../validate/row.ts';
import { secondarySuppressed, suppressed } from '../../validate/messages.ts';
import type { AssistantConfig, ColumnMapping } from '../../types.ts';
import { suppressionColumns, suppressionErrors } from '../../validate/suppression.ts';
import { validateRows } from './validate-rows.ts';

const assistant: AssistantConfig = { variables: [], secondaryVariables: [] };
const headers = ['Mobile', 'Name', 'Work phone', 'Home phone'];
// Work phone is secondary 2 and Home phone secondary 1: contacts are numbered in N order, not column order.
const mapping: ColumnMapping = { columns: [{ kind: 'phone' }, { kind: 'ignore' }, { kind: 'secondaryPhone', index: 2 }, { kind: 'secondaryPhone', index: 1 }] };
const listed = createSuppressionLookup(packExact(['+14155550132', '+12125550199']));
const columns = suppressionColumns(headers, mapping, assistant);
const validator = createRowValidator({ assistant, headers, mapping, defaultCountry: 'US' });

/** Validates rows like the preview's workers, then checks them like the preview worker. */
function check(rows: string[][]) {
  const r = validateRows(validator, rows.length, (k) => ({ row: k + 2, cells: rows[k]! }));
  return rows.map((cells, k) =>
    r.errors[k] ?? (r.numbers[k] ? suppressionErrors(listed, r.numbers[k]!, r.secondaries[k], () => cells, columns) : null),
  );
}

describe('the preview suppression check', () => {
  it('looks numbers up in the packed list by binary search', () => {
    expect(listed.size).toBe(2);
    expect(listed.has('+14155550132')).toBe(true);
    expect(listed.has('+14155550133')).toBe(false);
    expect(listed.has('4155550132')).toBe(false);
  });

  it('flags a listed primary with SUPPRESSED naming the phone column, as the server does', () => {
    const [v] = check([['(415) 555-0132', 'Ann', '', '']]);
    expect(v).toEqual([suppressed('Mobile')]);
  });

  it('flags a listed secondary with SECONDARY_SUPPRESSED naming its column and cell', () => {
    const [home, work, both] = check([
      ['+1 646 555 0100', 'Bo', '', '212-555-0199'],
      ['+1 646 555 0101', 'Cy', '212 555 0199', '646 555 0177'],
      ['415.555.0132', 'Di', '', '(212) 555-0199'],
    ]);
    expect(home).toEqual([secondarySuppressed('Home phone', '212-555-0199')]);
    expect(work).toEqual([secondarySuppressed('Work phone', '212 555 0199')]);
    expect(both).toEqual([suppressed('Mobile'), secondarySuppressed('Home phone', '(212) 555-0199')]);
    expect(both![1]!.message).toContain('"Home phone"');
  });

  it('leaves unlisted rows and rows with other errors alone', () => {
    const [clean, invalid] = check([
      ['+1 646 555 0102', 'Ed', '', ''],
      ['not a number', 'Fay', '', '212-555-0199'],
    ]);
    expect(clean).toBeNull();
    expect(invalid!.map((e) => e.code)).toEqual(['PHONE_INVALID']);
  });
});
