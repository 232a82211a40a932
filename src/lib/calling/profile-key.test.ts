import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileKey, profileKeyOf, profileOf } from './profile.ts';
import { timeZonesOf } from './time-zones.ts';

describe('profileKeyOf (the memoised key of a lead’s calling profile)', () => {
  // Numbers of a few prefixes, many addresses per prefix (past the 32 remembered per prefix), zone
  // arrays both shared (as the phone normaliser gives them) and fresh copies (as stored leads do).
  const prefixes = ['+1415555', '+1212555', '+1808555', '+1604555', '+4420794', '+6129374'];
  const countries: Record<string, string> = { '+1415555': 'US', '+1212555': 'US', '+1808555': 'US', '+1604555': 'CA', '+4420794': 'GB', '+6129374': 'AU' };
  const input = fc
    .record({
      prefix: fc.constantFrom(...prefixes),
      tail: fc.stringMatching(/^\d{4}$/),
      region: fc.option(fc.constantFrom('US-CA', 'US-NY', 'US-HI', 'CA-BC', 'US-TX', 'XX-ZZ'), { nil: null }),
      postalCode: fc.option(fc.oneof(fc.stringMatching(/^\d{5}$/), fc.constantFrom('96813', '10001', 'V6B 1A1')), { nil: null }),
      copyZones: fc.boolean(),
    })
    .map(({ prefix, tail, region, postalCode, copyZones }) => {
      const e164 = prefix + tail;
      const country = countries[prefix]!;
      const zones = timeZonesOf(e164, country);
      return { e164, country, timeZones: copyZones ? [...zones] : zones, region, postalCode };
    });

  it('is the key of the profile for every input, however many addresses share a prefix', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 200 }), (inputs) => {
        for (const i of inputs) expect(profileKeyOf(i)).toBe(profileKey(profileOf(i)));
      }),
      { numRuns: 60 },
    );
  });
});
