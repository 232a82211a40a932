import { afterEach, describe, expect, it, vi } from 'vitest';
import { headerKey, MAX_SAVED_KEY_CHARS, namesOfKey, rememberMapping, type SavedMapping } from './remembered.ts';
import type { AssistantConfig, ColumnTarget } from '../types.ts';

const assistant: AssistantConfig = { variables: [{ name: 'customer_name', type: 'text' }, { name: 'company', type: 'text' }], secondaryVariables: [] };
const phone: ColumnTarget = { kind: 'phone' };
const name: ColumnTarget = { kind: 'variable', name: 'customer_name' };
const company: ColumnTarget = { kind: 'variable', name: 'company' };
const ignore: ColumnTarget = { kind: 'ignore' };
const saved = (id: string, campaignId: string, savedAt: string, headers: string[], targets: ColumnTarget[]): SavedMapping => ({ id, campaignId, fileName: `${id}.csv`, savedAt, headers, targets });

describe('rememberMapping', () => {
  it('prefers the same header row, this campaign before the workspace, the most recent first', () => {
    const list = [
      saved('old', 'c1', '2026-11-01T00:00:00Z', ['Who', 'Tel'], [ignore, phone]),
      saved('new', 'c1', '2026-12-02T00:00:00Z', ['Who', 'Tel'], [name, phone]),
      saved('other', 'c2', '2026-12-03T00:00:00Z', ['Who', 'Tel'], [company, phone]),
    ];
    expect(rememberMapping(['Who', 'Tel'], assistant, 'c1', list)).toMatchObject({ match: 'exact', source: { id: 'new', scope: 'campaign' }, mapping: { columns: [name, phone] } });
    expect(rememberMapping(['Who', 'Tel'], assistant, 'c3', list)).toMatchObject({ source: { id: 'other', scope: 'workspace' }, mapping: { columns: [company, phone] } });
  });

  it('takes, per header, the target of the most recent mapping that had it; other columns automatic, never twice the same target', () => {
    const list = [
      saved('a', 'c1', '2026-12-01T00:00:00Z', ['Who', 'Tel'], [name, phone]),
      saved('b', 'c1', '2026-12-02T00:00:00Z', ['Firm', 'Mobile'], [company, phone]),
    ];
    const got = rememberMapping(['Mobile', 'phone_number', 'Who', 'Firm', 'x'], assistant, 'c1', list)!;
    expect(got.match).toBe('overlap');
    expect(got.source.id).toBe('b');
    // phone_number would be the phone automatically, but the remembered "Mobile" holds it.
    expect(got.mapping.columns).toEqual([phone, ignore, name, company, ignore]);
    expect(got.remembered).toEqual([0, 2, 3]);
  });

  it('skips targets the assistant lacks, and answers null when memory changes nothing', () => {
    const list = [saved('a', 'c1', '2026-12-01T00:00:00Z', ['Who', 'phone_number'], [{ kind: 'variable', name: 'gone' }, phone])];
    expect(rememberMapping(['phone_number', 'Who', 'Else'], assistant, 'c1', list)).toBeNull();
    expect(rememberMapping(['a'], assistant, 'c1', [])).toBeNull();
  });

  describe('cost', () => {
    afterEach(() => vi.restoreAllMocks());

    /** Counts every String.prototype.normalize call (NFKC is the costly step) and the characters it read. */
    function countNormalize() {
      const real = String.prototype.normalize;
      const work = { calls: 0, chars: 0 };
      vi.spyOn(String.prototype, 'normalize').mockImplementation(function (this: string, form?: string) {
        work.calls++;
        work.chars += this.length;
        return real.call(this, form);
      });
      return work;
    }

    /** The review's probe: 200 headers of ~9 characters and 152 × U+FDFA (18 characters each after NFKC). */
    const fdfaMapping = (k: number): SavedMapping => {
      const headers = ['phone_number', ...Array.from({ length: 199 }, (_, i) => `s${k}c${i}x${'\uFDFA'.repeat(152)}`)];
      return saved(`m${k}`, 'c1', `2026-12-${String(1 + (k % 28)).padStart(2, '0')}T00:00:${String(k % 60).padStart(2, '0')}Z`, headers, headers.map(() => ignore));
    };
    const unmatched = Array.from({ length: 200 }, (_, i) => `zz${i}`);

    it('normalises each request header a fixed number of times, and no saved header when the store gives their names', () => {
      const stored = (m: SavedMapping): SavedMapping => ({ ...m, names: namesOfKey(headerKey(m.headers)) });
      const few = Array.from({ length: 2 }, (_, k) => stored(fdfaMapping(k)));
      const many = Array.from({ length: 50 }, (_, k) => stored(fdfaMapping(k)));
      const a = countNormalize();
      expect(rememberMapping(unmatched, assistant, 'c1', few)).toBeNull();
      const withFew = { ...a };
      a.calls = 0;
      a.chars = 0;
      expect(rememberMapping(unmatched, assistant, 'c1', many)).toBeNull();
      // The same work with 2 or 50 saved mappings: only the request's own headers are normalised.
      expect(a).toEqual(withFew);
      const requestChars = unmatched.join('').length;
      // A fixed number of looks per request header (the wizard's automatic mapping, suggestions included, takes up to ~12).
      expect(a.chars).toBeLessThanOrEqual(16 * requestChars + 2_000);
      expect(a.calls).toBeLessThanOrEqual(16 * unmatched.length + 100);
    });

    it('normalises a saved mapping without stored names once, not once per request header', () => {
      const list = Array.from({ length: 5 }, (_, k) => fdfaMapping(k));
      const savedChars = list.reduce((n, m) => n + m.headers.join('').length, 0);
      const work = countNormalize();
      expect(rememberMapping(unmatched, assistant, 'c1', list)).toBeNull();
      // Before: 200 request headers × 5 mappings × 200 saved headers = 200,000 calls (41,046 for one mapping).
      expect(work.calls).toBeLessThanOrEqual(5 * 200 + 16 * unmatched.length + 100);
      expect(work.chars).toBeLessThanOrEqual(savedChars + 16 * unmatched.join('').length + 2_000);
    });

    it('still finds a header of a saved mapping among many, and ignores a mapping whose normalised names pass the bound', () => {
      const list = Array.from({ length: 50 }, (_, k) => fdfaMapping(k));
      list.push(saved('tel', 'c1', '2026-12-30T00:00:00Z', ['Tel', 'Who'], [phone, name]));
      const got = rememberMapping(['Who', ...unmatched], assistant, 'c1', list)!;
      expect(got).toMatchObject({ match: 'overlap', source: { id: 'tel' }, remembered: [0] });
      expect(got.mapping.columns[0]).toEqual(name);
      // 2,500 characters of U+FDFA are 2,500 as written and 37,500 letters after NFKC: past the bound, never compared.
      const huge = saved('huge', 'c1', '2026-12-31T00:00:00Z', ['Tel', '\uFDFA'.repeat(2_500)], [phone, name]);
      expect(headerKey(huge.headers).length).toBeGreaterThan(MAX_SAVED_KEY_CHARS);
      expect(rememberMapping(huge.headers, assistant, 'c1', [huge])).toBeNull();
    });
  });
});
