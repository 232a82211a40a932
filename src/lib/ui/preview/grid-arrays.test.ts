/** The grid's per-row arrays sized up front from an estimate answer as those grown row by row. */
import { describe, expect, it } from 'vitest';
import { emptyFacts, FactStore, setFact } from './phone-facts.ts';
import { RowPositions } from './row-positions.ts';

const facts = (start: number, n: number) => {
  const f = emptyFacts(n);
  for (let k = 0; k < n; k++) {
    const row = start + k;
    if (row % 3 === 0) continue; // no valid number
    setFact(f, k, { e164: `+1415555${String(row).padStart(4, '0')}`, extension: row % 7 === 0 ? '12' : null, timeZones: [], zoneSetId: row % 5, country: row % 2 ? 'US' : 'CA', type: 'MOBILE' }, `US|US-CA|zone${row % 4}`);
  }
  return f;
};

describe('the grid arrays reserved from an estimate', () => {
  it('keep every row as without the reserve, whether the estimate was short or long', () => {
    for (const estimate of [0, 700, 5_000]) {
      const plain = new FactStore();
      const reserved = new FactStore();
      reserved.reserve(estimate);
      const plainPositions = new RowPositions();
      const reservedPositions = new RowPositions();
      reservedPositions.reserve(estimate);
      for (let start = 0; start < 2_500; start += 500) {
        plain.put(start, facts(start, 500));
        reserved.put(start, facts(start, 500));
        plainPositions.grow(start + 500);
        reservedPositions.grow(start + 500);
      }
      expect(Array.from(reserved.zoneSets.subarray(0, 2_500))).toEqual(Array.from(plain.zoneSets.subarray(0, 2_500)));
      expect(Array.from(reserved.types.subarray(0, 2_500))).toEqual(Array.from(plain.types.subarray(0, 2_500)));
      expect(Array.from({ length: 2_500 }, (_, i) => [reserved.country(i), reserved.extension(i)])).toEqual(Array.from({ length: 2_500 }, (_, i) => [plain.country(i), plain.extension(i)]));
      const a = reserved.slice(1_000, 1_500);
      const b = plain.slice(1_000, 1_500);
      expect(Array.from(a.profiles).map((p) => a.profileKeys[p])).toEqual(Array.from(b.profiles).map((p) => b.profileKeys[p]));
      const shown = Array.from(reservedPositions.view(false, []));
      expect(shown).toEqual(Array.from(plainPositions.view(false, [])));
      expect(shown).toEqual(Array.from({ length: 2_500 }, (_, i) => i)); // a reserve shows no row more
    }
  });
});
