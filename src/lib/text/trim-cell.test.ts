import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trimmedCell } from './trim-cell.ts';

describe('trimmedCell', () => {
  it('is String.prototype.trim, the cell itself when nothing is trimmed, and empty for no cell', () => {
    expect(trimmedCell(undefined)).toBe('');
    expect(trimmedCell('\u00a0Ada\u3000')).toBe('Ada');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(trimmedCell(s)).toBe(s.trim());
      }),
      { numRuns: 5_000 },
    );
  });
});
