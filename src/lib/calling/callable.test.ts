import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CALLING_WINDOW, type CallingWindow } from './calling-window.ts';
import { endOfLocalDay, isCallableAt, neverCallable, nextCallableAt } from './callable.ts';
import { timeZonesOf } from './time-zones.ts';

const at = (iso: string) => new Date(iso);
const win = (start: string, end: string, days = [1, 2, 3, 4, 5, 6, 7]): CallingWindow => ({ start, end, days });
const NY = ['America/New_York'];
const LA = ['America/Los_Angeles'];
const BERLIN = ['Europe/Berlin'];
const LONDON = ['Europe/London'];

/** The reference: the first whole minute from `from` at which isCallableAt holds, scanning every minute. */
function bruteForceNext(zones: readonly string[], window: CallingWindow, from: Date, horizonDays: number): Date | null {
  for (let t = from.getTime(); t < from.getTime() + horizonDays * 86_400_000; t += 60_000) {
    if (isCallableAt(zones, window, new Date(t))) return new Date(t);
  }
  return null;
}

describe('isCallableAt / nextCallableAt across US daylight-saving changes', () => {
  it('2026-03-08: a window opening at 02:30 on Sunday opens at 03:00 EDT, the first minute that exists', () => {
    const sunday = win('02:30', '04:00', [7]);
    expect(nextCallableAt(NY, sunday, at('2026-03-08T05:00:00Z'))).toEqual(at('2026-03-08T07:00:00Z'));
    expect(isCallableAt(NY, sunday, at('2026-03-08T06:59:00Z'))).toBe(false); // 01:59 EST
    expect(isCallableAt(NY, sunday, at('2026-03-08T07:00:00Z'))).toBe(true); // 03:00 EDT
    expect(isCallableAt(NY, sunday, at('2026-03-08T08:00:00Z'))).toBe(false); // 04:00 EDT
  });

  it('2026-03-08: 08:00 is 12:00Z in New York and 15:00Z in Los Angeles after the change', () => {
    expect(nextCallableAt(NY, DEFAULT_CALLING_WINDOW, at('2026-03-08T02:00:00Z'))).toEqual(at('2026-03-08T12:00:00Z'));
    expect(nextCallableAt(LA, DEFAULT_CALLING_WINDOW, at('2026-03-08T05:00:00Z'))).toEqual(at('2026-03-08T15:00:00Z'));
    // Saturday 08:00 PST, the day before, is 16:00Z.
    expect(nextCallableAt(LA, DEFAULT_CALLING_WINDOW, at('2026-03-07T06:00:00Z'))).toEqual(at('2026-03-07T16:00:00Z'));
  });

  it('2026-11-01: the repeated hour 01:00–02:00 is inside a 01:00–02:00 window both times', () => {
    const w = win('01:00', '02:00');
    expect(nextCallableAt(NY, w, at('2026-11-01T04:00:00Z'))).toEqual(at('2026-11-01T05:00:00Z')); // 01:00 EDT
    expect(isCallableAt(NY, w, at('2026-11-01T05:59:00Z'))).toBe(true); // 01:59 EDT
    expect(isCallableAt(NY, w, at('2026-11-01T06:30:00Z'))).toBe(true); // 01:30 EST
    expect(isCallableAt(NY, w, at('2026-11-01T07:00:00Z'))).toBe(false); // 02:00 EST
    expect(nextCallableAt(NY, w, at('2026-11-01T07:00:00Z'))).toEqual(at('2026-11-02T06:00:00Z'));
    expect(nextCallableAt(LA, DEFAULT_CALLING_WINDOW, at('2026-11-01T05:00:00Z'))).toEqual(at('2026-11-01T16:00:00Z')); // 08:00 PST
  });
});

describe('across EU daylight-saving changes', () => {
  it('2026-03-29: Berlin opens at 06:00Z (CEST), London at 07:00Z (BST); a London window in the lost hour opens at the change', () => {
    expect(nextCallableAt(BERLIN, DEFAULT_CALLING_WINDOW, at('2026-03-28T22:00:00Z'))).toEqual(at('2026-03-29T06:00:00Z'));
    expect(nextCallableAt(LONDON, DEFAULT_CALLING_WINDOW, at('2026-03-28T22:00:00Z'))).toEqual(at('2026-03-29T07:00:00Z'));
    const w = win('01:30', '02:30', [7]);
    expect(nextCallableAt(LONDON, w, at('2026-03-29T00:00:00Z'))).toEqual(at('2026-03-29T01:00:00Z')); // 02:00 BST
    expect(isCallableAt(LONDON, w, at('2026-03-29T01:29:00Z'))).toBe(true);
    expect(isCallableAt(LONDON, w, at('2026-03-29T01:30:00Z'))).toBe(false); // 02:30 BST
  });

  it('2026-10-25: Berlin opens at 07:00Z (CET) and closes at 20:00Z', () => {
    expect(nextCallableAt(BERLIN, DEFAULT_CALLING_WINDOW, at('2026-10-24T21:00:00Z'))).toEqual(at('2026-10-25T07:00:00Z'));
    expect(isCallableAt(BERLIN, DEFAULT_CALLING_WINDOW, at('2026-10-25T19:59:00Z'))).toBe(true);
    expect(isCallableAt(BERLIN, DEFAULT_CALLING_WINDOW, at('2026-10-25T20:00:00Z'))).toBe(false);
    expect(nextCallableAt(LONDON, DEFAULT_CALLING_WINDOW, at('2026-10-24T21:00:00Z'))).toEqual(at('2026-10-25T08:00:00Z')); // 08:00 GMT
  });
});

describe('numbers that span zones', () => {
  const boiseOrLa = timeZonesOf('+12082000123', 'US');

  it('12082 (Boise & Los Angeles) is callable only when both are inside the window', () => {
    expect(boiseOrLa).toEqual(['America/Boise', 'America/Los_Angeles']);
    // Wednesday 2026-06-10: LA opens at 15:00Z (08:00 PDT), Boise closes at 03:00Z (21:00 MDT).
    expect(nextCallableAt(boiseOrLa, DEFAULT_CALLING_WINDOW, at('2026-06-10T14:00:00Z'))).toEqual(at('2026-06-10T15:00:00Z'));
    expect(isCallableAt(boiseOrLa, DEFAULT_CALLING_WINDOW, at('2026-06-10T14:59:00Z'))).toBe(false);
    expect(isCallableAt(boiseOrLa, DEFAULT_CALLING_WINDOW, at('2026-06-11T02:59:00Z'))).toBe(true);
    expect(isCallableAt(boiseOrLa, DEFAULT_CALLING_WINDOW, at('2026-06-11T03:00:00Z'))).toBe(false);
  });

  it('a +1 number known only by its calling code (Pacific to Atlantic) is never callable in a 2-hour window', () => {
    const all = timeZonesOf('+1', null);
    expect(neverCallable(all, win('10:00', '12:00'), at('2026-06-10T00:00:00Z'))).toBe(true);
    // 08:00–21:00 holds from 08:00 in Guam (+10, the next day there) to 21:00 in St John's (−2:30).
    expect(nextCallableAt(all, DEFAULT_CALLING_WINDOW, at('2026-06-10T00:00:00Z'))).toEqual(at('2026-06-10T22:00:00Z'));
    expect(isCallableAt(all, DEFAULT_CALLING_WINDOW, at('2026-06-10T23:29:00Z'))).toBe(true);
    expect(isCallableAt(all, DEFAULT_CALLING_WINDOW, at('2026-06-10T23:30:00Z'))).toBe(false);
    // The same number with its country (US) is callable: Hawaii to the East coast fit in 13 hours.
    const us = timeZonesOf(`+1${'943'}2345678`, 'US');
    expect(neverCallable(us, DEFAULT_CALLING_WINDOW, at('2026-06-10T00:00:00Z'))).toBe(false);
  });

  it('no zone at all is never callable (fail closed)', () => {
    expect(isCallableAt([], DEFAULT_CALLING_WINDOW, at('2026-06-10T15:00:00Z'))).toBe(false);
    expect(nextCallableAt([], DEFAULT_CALLING_WINDOW, at('2026-06-10T15:00:00Z'))).toBeNull();
  });
});

describe('zones with odd offsets', () => {
  it('Chatham (+12:45) opens at 09:00 local = 20:15Z the day before', () => {
    const chatham = ['Pacific/Chatham'];
    expect(nextCallableAt(chatham, win('09:00', '17:00'), at('2026-06-09T12:00:00Z'))).toEqual(at('2026-06-09T20:15:00Z'));
    // Chatham on daylight time (+13:45) in January.
    expect(nextCallableAt(chatham, win('09:00', '17:00'), at('2026-01-14T12:00:00Z'))).toEqual(at('2026-01-14T19:15:00Z'));
  });

  it('St John’s (−2:30 in summer, −3:30 in winter)', () => {
    const stJohns = ['America/St_Johns'];
    expect(nextCallableAt(stJohns, DEFAULT_CALLING_WINDOW, at('2026-06-10T00:00:00Z'))).toEqual(at('2026-06-10T10:30:00Z'));
    expect(nextCallableAt(stJohns, DEFAULT_CALLING_WINDOW, at('2026-01-14T03:00:00Z'))).toEqual(at('2026-01-14T11:30:00Z'));
    expect(isCallableAt(stJohns, DEFAULT_CALLING_WINDOW, at('2026-06-10T23:29:00Z'))).toBe(true);
    expect(isCallableAt(stJohns, DEFAULT_CALLING_WINDOW, at('2026-06-10T23:30:00Z'))).toBe(false);
  });

  it('returns `from` itself when callable then, to the millisecond', () => {
    const t = at('2026-06-10T15:00:12.345Z');
    expect(nextCallableAt(NY, DEFAULT_CALLING_WINDOW, t)).toEqual(t);
  });
});

describe('nextCallableAt against a minute-by-minute scan', () => {
  const zonePool = [
    'America/New_York', 'America/Los_Angeles', 'America/Boise', 'America/St_Johns', 'America/Phoenix',
    'Europe/Berlin', 'Europe/London', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Honolulu',
    'Australia/Sydney', 'America/Santiago', 'Asia/Kathmandu',
  ];
  // Instants near the 2026 transitions of the pool's zones, and some ordinary ones.
  const starts = [
    '2026-03-07T20:00:00Z', '2026-03-28T22:00:00Z', '2026-04-04T10:00:00Z', '2026-09-05T12:00:00Z',
    '2026-10-03T14:00:00Z', '2026-10-24T20:00:00Z', '2026-10-31T22:00:00Z', '2026-06-10T09:37:00Z',
  ].map((s) => Date.parse(s));

  it('agrees on random windows, zone sets and starts', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...zonePool), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1440 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(...starts),
        fc.integer({ min: -720, max: 720 }),
        fc.integer({ min: 1, max: 3 }),
        (zones, startMinute, length, days, base, shiftMinutes, horizonDays) => {
          const endMinute = Math.min(1440, startMinute + length);
          const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const window = win(hhmm(startMinute), hhmm(endMinute), days);
          const from = new Date(base + shiftMinutes * 60_000);
          expect(nextCallableAt(zones, window, from, horizonDays)).toEqual(bruteForceNext(zones, window, from, horizonDays));
        },
      ),
      { numRuns: 60, seed: 1408 },
    );
  });
});

describe('endOfLocalDay', () => {
  it('ends today at the earliest local midnight of the zones', () => {
    expect(endOfLocalDay(NY, at('2026-06-10T13:00:00Z'))).toEqual(at('2026-06-11T04:00:00Z'));
    expect(endOfLocalDay([...NY, ...LA], at('2026-06-10T13:00:00Z'))).toEqual(at('2026-06-11T04:00:00Z'));
    expect(endOfLocalDay(BERLIN, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-28T23:00:00Z'));
  });

});
