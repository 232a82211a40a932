import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callingVerdict, profileCallableAt, type CallingContext } from './calling-verdict.ts';
import { profileOf, profileKey, parseProfileKey, type ProfileInput } from './profile.ts';
import { DEFAULT_CALLING_WINDOW } from './calling-window.ts';
import { isCallableAt } from './callable.ts';
import { timeZonesOf } from './time-zones.ts';

const ctx: CallingContext = { window: DEFAULT_CALLING_WINDOW, purpose: 'telemarketing' };
const allDay: CallingContext = { window: { start: '00:00', end: '24:00', days: [1, 2, 3, 4, 5, 6, 7] }, purpose: 'telemarketing' };
const lead = (e164: string, country: string, address: Partial<ProfileInput> = {}) => profileOf({ e164, country, timeZones: timeZonesOf(e164, country), ...address });
const at = (iso: string) => new Date(iso);

const MIAMI = lead('+13055550100', 'US');
const DALLAS = lead('+12145550100', 'US');
const SALT_LAKE = lead('+18015550100', 'US');
const SYDNEY = lead('+61291234567', 'AU');

describe('callingVerdict: window ∩ rules in every zone', () => {
  it('Florida stops at 20:00 local and names the rule', () => {
    expect(MIAMI.regions).toEqual(['US-FL']);
    const v = callingVerdict(MIAMI, ctx, at('2026-03-12T00:30:00Z')); // Wed 20:30 EDT
    expect(v.callableNow).toBe(false);
    expect(v.heldBy[0]).toBe('Florida: calls end at 8 pm');
    expect(v.rules).toEqual(['US', 'US-FL']);
    expect(v.maxCallsPer24h).toBe(3);
    expect(callingVerdict(MIAMI, ctx, at('2026-03-11T23:59:00Z')).callableNow).toBe(true); // 19:59 EDT
  });

  it('Texas starts Sundays at noon', () => {
    const v = callingVerdict(DALLAS, ctx, at('2026-03-15T16:30:00Z')); // Sun 11:30 CDT
    expect(v.callableNow).toBe(false);
    expect(v.heldBy).toContain('Texas: calls on Sundays start at noon');
    expect(v.nextCallableAt?.toISOString()).toBe('2026-03-15T17:00:00.000Z'); // 12:00 CDT
    expect(v.laterToday).toBe(true);
    expect(callingVerdict(DALLAS, ctx, at('2026-03-14T14:00:00Z')).callableNow).toBe(true); // Sat 09:00 CDT
    expect(callingVerdict(DALLAS, ctx, at('2026-03-14T13:59:00Z')).callableNow).toBe(false); // Sat 08:59 CDT
  });

  it('Utah: no calls on Christmas Day, nor on the Sunday after it', () => {
    const v = callingVerdict(SALT_LAKE, ctx, at('2026-12-25T17:00:00Z')); // Fri 10:00 MST
    expect(v.callableNow).toBe(false);
    expect(v.heldBy).toContain('Utah: no calls on holidays (Christmas Day)');
    expect(v.nextCallableAt?.toISOString()).toBe('2026-12-26T15:00:00.000Z'); // Sat 08:00 MST
    const sunday = callingVerdict(SALT_LAKE, ctx, at('2026-12-27T18:00:00Z'));
    expect(sunday.heldBy).toContain('Utah: no calls on Sundays');
    expect(sunday.nextCallableAt?.toISOString()).toBe('2026-12-28T15:00:00.000Z'); // Mon 08:00 MST
  });

  it('holidays and Sundays are local dates: Sydney on Christmas morning while UTC is still on the 24th', () => {
    const v = callingVerdict(SYDNEY, allDay, at('2026-12-24T23:00:00Z')); // Fri 25 Dec 10:00 AEDT
    expect(v.callableNow).toBe(false);
    expect(v.heldBy).toContain('Australia: no calls on holidays (Christmas Day)');
    // Boxing Day (Sat), Sunday, and Monday the 28th (Boxing Day observed) are closed too.
    expect(v.nextCallableAt?.toISOString()).toBe('2026-12-28T22:00:00.000Z'); // Tue 29 Dec 09:00 AEDT
    expect(callingVerdict(SYDNEY, allDay, at('2026-12-23T22:00:00Z')).callableNow).toBe(true); // Thu 24 Dec 09:00 AEDT
  });

  it('Sunday edge at local midnight under a round-the-clock window (Utah)', () => {
    expect(callingVerdict(SALT_LAKE, allDay, at('2026-03-15T03:59:00Z')).callableNow).toBe(false); // Sat 21:59 MDT: after Utah's 21:00
    expect(callingVerdict(SALT_LAKE, allDay, at('2026-03-14T22:00:00Z')).callableNow).toBe(true); // Sat 16:00 MDT
    const sundayStart = callingVerdict(SALT_LAKE, allDay, at('2026-03-15T06:00:00Z')); // Sun 00:00 MDT
    expect(sundayStart.heldBy).toContain('Utah: no calls on Sundays');
    expect(sundayStart.nextCallableAt?.toISOString()).toBe('2026-03-16T14:00:00.000Z'); // Mon 08:00 MDT
  });

  it('follows the March and November clock changes in every rule', () => {
    // 2026-03-08: US clocks go forward. Florida's 08:00 is 13:00Z on Saturday, 12:00Z on Sunday.
    expect(callingVerdict(MIAMI, ctx, at('2026-03-07T12:59:00Z')).callableNow).toBe(false);
    expect(callingVerdict(MIAMI, ctx, at('2026-03-07T13:00:00Z')).callableNow).toBe(true);
    expect(callingVerdict(MIAMI, ctx, at('2026-03-08T11:59:00Z')).callableNow).toBe(false);
    expect(callingVerdict(MIAMI, ctx, at('2026-03-08T12:00:00Z')).callableNow).toBe(true);
    // 2026-11-01: clocks go back. Florida's 20:00 is 00:00Z on Saturday night, 01:00Z on Sunday night.
    expect(callingVerdict(MIAMI, ctx, at('2026-11-01T00:00:00Z')).callableNow).toBe(false);
    expect(callingVerdict(MIAMI, ctx, at('2026-11-02T00:59:00Z')).callableNow).toBe(true);
    expect(callingVerdict(MIAMI, ctx, at('2026-11-02T01:00:00Z')).callableNow).toBe(false);
    // Texas's Sunday noon after the change: 18:00Z (CST), not 17:00Z.
    expect(callingVerdict(DALLAS, ctx, at('2026-11-01T17:30:00Z')).callableNow).toBe(false);
    expect(callingVerdict(DALLAS, ctx, at('2026-11-01T18:00:00Z')).callableNow).toBe(true);
  });

  it('a number and an address in different states: both bind, in all their zones', () => {
    const p = lead('+13055550100', 'US', { region: 'US-TX' });
    expect(p.regions).toEqual(['US-FL', 'US-TX']);
    expect(p.zones).toEqual(['America/Chicago', 'America/Denver', 'America/New_York']);
    const v = callingVerdict(p, ctx, at('2026-03-15T18:30:00Z')); // Sun 14:30 EDT, 13:30 CDT, 12:30 MDT
    expect(v.callableNow).toBe(true);
    const early = callingVerdict(p, ctx, at('2026-03-15T17:30:00Z')); // Sun 11:30 MDT
    expect(early.callableNow).toBe(false);
    expect(early.heldBy).toContain('Texas: calls on Sundays start at noon');
    expect(early.nextCallableAt?.toISOString()).toBe('2026-03-15T18:00:00.000Z'); // noon in Denver
  });

  it('a ZIP adds its state and its own zone', () => {
    const p = lead('+12125550100', 'US', { postalCode: '84101' }); // New York number, Salt Lake City ZIP
    expect(p.regions).toEqual(['US-NY', 'US-UT']);
    expect(p.zones).toEqual(['America/Denver', 'America/New_York']);
    expect(callingVerdict(p, ctx, at('2026-03-15T18:00:00Z')).heldBy).toContain('Utah: no calls on Sundays');
  });

  it('a US number with no known region is bound by every US rule (fail closed)', () => {
    const tollFree = lead('+18005550100', 'US');
    expect(tollFree.regions).toEqual([]);
    const v = callingVerdict(tollFree, ctx, at('2026-03-11T15:00:00Z'));
    expect(v.rules).toEqual(expect.arrayContaining(['US', 'US-FL', 'US-TX', 'US-UT', 'US-RI', 'US-CT']));
    expect(v.maxCallsPer24h).toBe(3);
  });

  it('an informational campaign is bound only by rules of automated or all scope', () => {
    const v = callingVerdict(MIAMI, { ...ctx, purpose: 'informational' }, at('2026-03-12T00:30:00Z'));
    expect(v.rules).toEqual([]);
    expect(v.callableNow).toBe(true); // 20:30 EDT: inside the campaign's 08:00–21:00
    const ok = lead('+14055550100', 'US'); // Oklahoma City
    expect(callingVerdict(ok, { ...ctx, purpose: 'informational' }, at('2026-03-11T13:30:00Z')).heldBy).toContain('Oklahoma (automated calls): calls start at 9 am');
  });

  it('never makes callable what the window forbids, and agrees with itself', () => {
    const numbers = ['+13055550100', '+12145550100', '+18015550100', '+14015550100', '+16045550100', '+61291234567', '+18085550100', '+12125550100'];
    fc.assert(
      fc.property(fc.constantFrom(...numbers), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.constantFrom('telemarketing', 'informational'), (n, t, purpose) => {
        const country = n.startsWith('+61') ? 'AU' : n.startsWith('+1604') ? 'CA' : 'US';
        const p = lead(n, country);
        const c: CallingContext = { ...ctx, purpose: purpose as CallingContext['purpose'] };
        const v = callingVerdict(p, c, new Date(t));
        expect(v.callableNow).toBe(profileCallableAt(p, c, new Date(t)));
        if (v.callableNow) expect(isCallableAt(p.zones, ctx.window, new Date(t))).toBe(true);
        if (v.nextCallableAt) expect(profileCallableAt(p, c, v.nextCallableAt)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a profile key reads back as the same profile', () => {
    const p = lead('+13055550100', 'US', { region: 'US-TX', postalCode: '84101' });
    expect(parseProfileKey(profileKey(p))).toEqual(p);
  });
});
