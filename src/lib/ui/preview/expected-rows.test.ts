import { describe, expect, it } from 'vitest';
import { expectedRows } from './expected-rows.ts';
import { LIMITS } from '../../limits.ts';

describe('expectedRows', () => {
  it('allows half as much again as the file over its first rows’ JSON size, up to the row limit', () => {
    // The bench's file: 83 MB, 106 characters of JSON a row, 1,000,000 rows — the estimate covers it.
    expect(expectedRows(83_000_000, 106)).toBeGreaterThanOrEqual(1_000_000);
    expect(expectedRows(1_000, 100)).toBe(15);
    expect(expectedRows(10_000_000_000, 50)).toBe(LIMITS.maxRows);
  });

  it('guesses nothing without rows to measure', () => {
    expect(expectedRows(1_000, 0)).toBe(0);
    expect(expectedRows(1_000, Number.NaN)).toBe(0);
    expect(expectedRows(0, 100)).toBe(0);
  });
});
