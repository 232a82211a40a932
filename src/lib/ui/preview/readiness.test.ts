import { describe, expect, it } from 'vitest';
import { createPhoneNormalizer } from '../../validate/phone.ts';
import { zoneSetIdOf } from '../../calling/time-zones.ts';
import { emptyFacts, FactStore, NO_NUMBER, setFact, typeNameOf, UNKNOWN_TYPE } from './phone-facts.ts';
import { readinessOf } from './readiness.ts';
import { profileKeyOf } from '../../calling/profile.ts';
import type { NormalizedPhone } from '../../types.ts';
import { filterPositions, rowMatches } from './readiness-filter.ts';

const phones = createPhoneNormalizer('US');
const phone = (text: string) => {
  const r = phones.normalize(text);
  if (!r.ok) throw new Error(text);
  return r.phone;
};

const profile = (p: NormalizedPhone) => profileKeyOf({ ...p });

/** Rows: NY, LA, premium-rate (11 zones), LA with x12, invalid. */
function store(): FactStore {
  const f = emptyFacts(5);
  for (const [i, text] of ['+12125550123', '+14155550132', '+19005550123', '(415) 555-0177 x12'].entries()) setFact(f, i, phone(text), profile(phone(text)));
  setFact(f, 4, undefined);
  const s = new FactStore();
  s.put(0, f);
  return s;
}

describe('phone facts', () => {
  it('keep country, type, zone set and extension per row in typed arrays', () => {
    const s = store();
    expect([...s.types].slice(0, 5).map(typeNameOf)).toEqual(['FIXED_LINE_OR_MOBILE', 'FIXED_LINE_OR_MOBILE', 'PREMIUM_RATE', 'FIXED_LINE_OR_MOBILE', null]);
    expect(s.zoneSets[0]).toBe(zoneSetIdOf('+12125550123', 'US'));
    expect(s.zoneSets[4]).toBe(NO_NUMBER);
    expect([0, 3, 4].map((i) => s.country(i))).toEqual(['US', 'US', null]);
    expect([0, 3].map((i) => s.extension(i))).toEqual([null, '12']);
    expect(typeNameOf(UNKNOWN_TYPE)).toBe('UNKNOWN');
    // A later batch replaces what was there, extensions included; slice copies a range out.
    const edit = emptyFacts(1);
    setFact(edit, 0, phone('+12125550199'));
    s.put(3, edit);
    expect(s.extension(3)).toBeNull();
    expect(s.slice(2, 4)).toMatchObject({ extensions: {}, countries: new Uint16Array([0x5553, 0x5553]) });
  });
});

describe('readiness', () => {
  const settings = { callingWindow: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }, callPurpose: 'telemarketing' as const };

  it('counts line types over valid numbers and leads by when they can be called, per calling profile', () => {
    const s = store();
    // Wednesday 2026-01-14 15:00 UTC = 10:00 in New York, 07:00 in Los Angeles.
    const r = readinessOf(s, 5, (i) => i !== 2 && i !== 4, settings, new Date(Date.UTC(2026, 0, 14, 15)));
    expect(r.phoneTypes).toEqual({ FIXED_LINE_OR_MOBILE: 3, PREMIUM_RATE: 1 });
    expect(r.callable).toMatchObject({ total: 3, callableNow: 1, laterToday: 2, laterThisWeek: 0, never: 0 });
    expect(r.when[s.profiles[0]!]).toBe('now');
    expect(r.when[s.profiles[1]!]).toBe('laterToday');
    expect(r.heldByCounts).toEqual([['Campaign window: calls start at 9 am', 2]]);
    // The premium-rate row is not a lead: its profile is not in the table.
    expect(r.when[s.profiles[2]!]).toBeUndefined();

    const verdicts = [null, null, [], null, []] as never[];
    const now = filterPositions([0, 1, 2, 3, 4], (i) => rowMatches({ kind: 'callable', when: 'now' }, i, s, verdicts, r.when));
    expect([...now]).toEqual([0]);
    const later = filterPositions([0, 1, 2, 3, 4], (i) => rowMatches({ kind: 'callable', when: 'laterToday' }, i, s, verdicts, r.when));
    expect([...later]).toEqual([1, 3]);
    const premium = filterPositions([0, 1, 2, 3, 4], (i) => rowMatches({ kind: 'type', typeCode: s.types[2]! }, i, s, verdicts, r.when));
    expect([...premium]).toEqual([2]);
  });

  it('a window that never holds in all of a number\'s zones counts it as never', () => {
    const s = new FactStore();
    const f = emptyFacts(1);
    setFact(f, 0, phone('+19005550123'), profile(phone('+19005550123'))); // Hawaii to New York
    s.put(0, f);
    const r = readinessOf(s, 1, () => true, { callingWindow: { start: '09:00', end: '10:00', days: [1, 2, 3, 4, 5, 6, 7] }, callPurpose: 'telemarketing' }, new Date(Date.UTC(2026, 0, 14, 15)));
    expect(r.callable).toMatchObject({ total: 1, never: 1 });
  });
});
