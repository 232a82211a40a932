import { describe, expect, it } from 'vitest';
import { detectHeaderRow, headerPick, looksLikeHeader } from './header-row.ts';
import { autoMapWithSuggestions } from './columns.ts';
import { readCsvText } from '../parse/csv.ts';
import { FileReadError } from '../parse/errors.ts';
import type { AssistantConfig } from '../types.ts';

const assistant: AssistantConfig = { variables: [{ name: 'customer_name', type: 'text' }], secondaryVariables: [] };

describe('detectHeaderRow', () => {
  it('skips a title line and a blank line above the header', () => {
    const rows = [['Leads export — November'], [], ['Name', 'Phone Number', 'Mobile'], ['Ann', '+14155550100', '+14155550101']];
    expect(detectHeaderRow(rows, assistant)).toEqual({ index: 2, reason: 'phone-column' });
  });

  it('takes the first row of an ordinary file', () => {
    expect(detectHeaderRow([['phone_number', 'customer_name'], ['+14155550100', 'Ann']], assistant)).toEqual({ index: 0, reason: 'phone-column' });
  });

  it('rejects rows that look like data, even with a phone-synonym cell', () => {
    // "Mobile" here is a value (the number's type), next to a phone number: data, not a header.
    const rows = [['Report'], ['Mobile', '415 555 0100'], ['Phone', 'Name'], ['415 555 0101', 'Bo']];
    expect(detectHeaderRow(rows, assistant).index).toBe(2);
    expect(looksLikeHeader(['Mobile', '415 555 0100'])).toBe(false);
    expect(looksLikeHeader(['phone', '12', '13'])).toBe(false);
    expect(looksLikeHeader(['phone', 'Phone'])).toBe(false);
    expect(looksLikeHeader(['Name', 'Phone Number', 'Mobile'])).toBe(true);
  });

  it('falls back to the first non-blank row when no row maps a phone column', () => {
    expect(detectHeaderRow([[], ['Title'], ['a', 'b'], ['1', '2']], assistant)).toEqual({ index: 1, reason: 'first-row' });
  });

  it('looks only at the first 20 non-blank rows', () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => [`note ${i}`]), ['phone', 'name']];
    expect(detectHeaderRow(rows, assistant)).toEqual({ index: 0, reason: 'first-row' });
  });
});

describe('CSV with a header below a title', () => {
  const text = 'Leads export\n\nName,Phone Number\nAnn,+14155550100\n\nBo,+14155550101\n';

  it('skips the lines above the header and numbers data rows from the header', () => {
    let seen: number | undefined;
    const csv = readCsvText(text, { header: headerPick(assistant, { onChoice: (c) => (seen = c.index) }) });
    expect(seen).toBe(2);
    expect(csv.headers).toEqual(['Name', 'Phone Number']);
    expect(csv.rows).toEqual([
      { row: 1, cells: ['Ann', '+14155550100'] },
      { row: 3, cells: ['Bo', '+14155550101'] },
    ]);
  });

  it('reads the title as the header without detection (as before)', () => {
    expect(readCsvText(text).headers).toEqual(['Leads export']);
  });

  it('takes a header row named by its file row, and refuses a blank one', () => {
    const csv = readCsvText(text, { header: headerPick(assistant, { headerRow: 3 }) });
    expect(csv.headers).toEqual(['Name', 'Phone Number']);
    expect(() => readCsvText(text, { header: headerPick(assistant, { headerRow: 2 }) })).toThrow(FileReadError);
    expect(() => readCsvText(text, { header: headerPick(assistant, { headerRow: 40 }) })).toThrow(/past its end/);
  });

  it('gives the same rows however the text is split', () => {
    const whole = readCsvText(text, { header: headerPick(assistant) });
    const split = readCsvText(text, { header: headerPick(assistant), sampleChars: 3 });
    expect(split).toEqual(whole);
  });
});

describe('second phone column', () => {
  it('proposes "Mobile" beside "Phone Number" as secondary_phone_1, as a suggestion', () => {
    const { mapping, suggested } = autoMapWithSuggestions(['Name', 'Phone Number', 'Mobile', 'Work Phone'], assistant);
    expect(mapping.columns).toEqual([{ kind: 'ignore' }, { kind: 'phone' }, { kind: 'secondaryPhone', index: 1 }, { kind: 'secondaryPhone', index: 2 }]);
    expect(suggested).toEqual([2, 3]);
  });

  it('skips an index a named secondary_phone column already takes, and never uses the vague "Number"', () => {
    const { mapping, suggested } = autoMapWithSuggestions(['phone', 'secondary_phone_1', 'Cell', 'Number'], assistant);
    expect(mapping.columns.map((t) => t.kind === 'secondaryPhone' ? t.index : t.kind)).toEqual(['phone', 1, 2, 'ignore']);
    expect(suggested).toEqual([2]);
  });

  it('proposes none when a contact needs a required variable no column gives', () => {
    const strict: AssistantConfig = { variables: [], secondaryVariables: [{ name: 'relation', type: 'text', required: true }] };
    expect(autoMapWithSuggestions(['Phone', 'Mobile'], strict).suggested).toEqual([]);
  });
});
