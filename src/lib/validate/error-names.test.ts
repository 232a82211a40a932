import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, ROW_ERROR_CODES } from '../codes.ts';
import { errorName, FILE_ERROR_NAMES, ROW_ERROR_NAMES } from './error-names.ts';
import { fileErrorMessage, ROW_ERROR_GUIDANCE } from './messages.ts';

describe('errorName', () => {
  it('names every row and file code, each name distinct and not the code itself', () => {
    const codes = [...ROW_ERROR_CODES, ...FILE_ERROR_CODES];
    const names = codes.map((c) => errorName(c).name);
    for (const [i, code] of codes.entries()) {
      expect(names[i], code).toMatch(/^[A-Z][a-z]/);
      expect(names[i]).not.toContain('_');
    }
    expect(new Set(names).size).toBe(codes.length);
    // No name left over for a code that no longer exists.
    expect(Object.keys(ROW_ERROR_NAMES).sort()).toEqual([...ROW_ERROR_CODES].sort());
    expect(Object.keys(FILE_ERROR_NAMES).sort()).toEqual([...FILE_ERROR_CODES].sort());
  });

  it('gives the guidance written in messages.ts', () => {
    for (const code of ROW_ERROR_CODES) expect(errorName(code).guidance).toBe(ROW_ERROR_GUIDANCE[code]);
    for (const code of FILE_ERROR_CODES) expect(errorName(code).guidance).toBe(fileErrorMessage(code).message);
    expect(errorName('PHONE_INVALID')).toEqual({ code: 'PHONE_INVALID', name: 'Phone number not valid', guidance: ROW_ERROR_GUIDANCE.PHONE_INVALID });
  });

  it('reads an unknown code as words', () => {
    expect(errorName('CHUNK_MISSING')).toEqual({ code: 'CHUNK_MISSING', name: 'Chunk missing', guidance: '' });
  });
});
