import { describe, expect, it } from 'vitest';
import { phoneColumnIndex, phoneColumnLabel } from './phone-column.ts';
import type { ColumnMapping } from '../types.ts';

const mapping = (...kinds: string[]) => ({ columns: kinds.map((kind) => (kind === 'variable' ? { kind, name: 'customer_name' } : { kind })) }) as ColumnMapping;

describe('phoneColumnLabel', () => {
  it('names the first column mapped to the phone by its trimmed header', () => {
    expect(phoneColumnLabel(['name', ' Mobile '], mapping('variable', 'phone'))).toBe('Mobile');
  });
  it('names a blank header by its position, as the browser shows it', () => {
    expect(phoneColumnLabel(['name', '  '], mapping('variable', 'phone'))).toBe('(unnamed column 2)');
  });
  it('ignores a mapping past the header and says when there is no phone column', () => {
    expect(phoneColumnIndex(['a'], mapping('ignore', 'phone'))).toBe(-1);
    expect(phoneColumnLabel(['a'], mapping('ignore'))).toBeUndefined();
  });
});
