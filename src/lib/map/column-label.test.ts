import { describe, expect, it } from 'vitest';
import { columnLabel, MAX_LABEL_LENGTH } from './column-label.ts';

describe('columnLabel', () => {
  it('keeps a header of up to 60 characters as written (trimmed)', () => {
    const h = 'x'.repeat(MAX_LABEL_LENGTH);
    expect(columnLabel(['  Phone  ', h], 0)).toBe('Phone');
    expect(columnLabel(['a', h], 1)).toBe(h);
  });

  it('cuts a long header to 60 characters with an ellipsis and its position, so two alike stay apart', () => {
    const headers = ['phone_number' + '_'.repeat(9_000), 'phone_number' + '_'.repeat(9_000) + 'b'];
    const a = columnLabel(headers, 0);
    const b = columnLabel(headers, 1);
    expect(a).toBe(`phone_number${'_'.repeat(36)}… (column 1)`);
    expect(a.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
    expect(b).toMatch(/… \(column 2\)$/);
    expect(a).not.toBe(b);
  });

  it('never cuts a character in two', () => {
    // 48 UTF-16 units are kept: the 48th would be the first half of an emoji.
    const label = columnLabel(['a'.repeat(47) + '😀'.repeat(100)], 0);
    expect(label.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
    expect(label).toBe(`${'a'.repeat(47)}… (column 1)`);
    expect(columnLabel(['😀'.repeat(100)], 0)).toBe(`${'😀'.repeat(24)}… (column 1)`);
  });
});
