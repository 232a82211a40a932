import { describe, expect, it } from 'vitest';
import { addRowCodes } from './add-row-codes.ts';

describe('error counts by code', () => {
  it('counts rows, not errors: a code repeated within a row counts once', () => {
    const counts: Record<string, number> = {};
    addRowCodes([{ code: 'SECONDARY_PHONE_INVALID' }, { code: 'SECONDARY_PHONE_INVALID' }, { code: 'VARIABLE_REQUIRED' }], counts);
    addRowCodes([{ code: 'SECONDARY_PHONE_INVALID' }], counts);
    addRowCodes([], counts);
    expect(counts).toEqual({ SECONDARY_PHONE_INVALID: 2, VARIABLE_REQUIRED: 1 });
  });
});
