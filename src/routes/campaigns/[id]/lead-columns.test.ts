import { describe, expect, it } from 'vitest';
import { parseHidden } from './lead-columns.ts';

describe('parseHidden', () => {
  it('reads the stored list of hidden columns', () => {
    expect(parseHidden('["zones","var:company","zones"]')).toEqual(['zones', 'var:company']);
  });

  it('hides nothing for a missing or damaged entry', () => {
    expect(parseHidden(null)).toEqual([]);
    expect(parseHidden('{not json')).toEqual([]);
    expect(parseHidden('{"zones":true}')).toEqual([]);
    expect(parseHidden('[1, null, "name"]')).toEqual(['name']);
  });
});
