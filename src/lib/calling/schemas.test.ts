import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CallingWindowSchema, DEFAULT_CALLING_WINDOW } from './calling-window.ts';
import { BlockedPhoneTypesSchema, DEFAULT_BLOCKED_PHONE_TYPES, PHONE_TYPES } from './blocked-phone-types.ts';

const messages = (schema: v.GenericSchema, input: unknown) => {
  const r = v.safeParse(schema, input);
  return r.success ? [] : r.issues.map((i) => i.message);
};

describe('CallingWindowSchema', () => {
  it('accepts the default and a whole day', () => {
    expect(messages(CallingWindowSchema, DEFAULT_CALLING_WINDOW)).toEqual([]);
    expect(messages(CallingWindowSchema, { start: '00:00', end: '24:00', days: [6, 7] })).toEqual([]);
  });

  it.each([
    [{ start: '8:00', end: '21:00', days: [1] }, /24-hour time "HH:MM"/],
    [{ start: '08:00', end: '24:01', days: [1] }, /24-hour time/],
    [{ start: '08:60', end: '21:00', days: [1] }, /24-hour time/],
    [{ start: '21:00', end: '08:00', days: [1] }, /later than callingWindow.start.*across midnight/],
    [{ start: '08:00', end: '08:00', days: [1] }, /later than/],
    [{ start: '08:00', end: '21:00', days: [] }, /at least one day/],
    [{ start: '08:00', end: '21:00', days: [0] }, /1 \(Monday\) to 7 \(Sunday\)/],
    [{ start: '08:00', end: '21:00', days: [8] }, /1 \(Monday\) to 7 \(Sunday\)/],
    [{ start: '08:00', end: '21:00', days: [1.5] }, /whole weekday/],
    [{ start: '08:00', end: '21:00', days: [1, 1] }, /a day twice/],
    [{ start: '08:00', end: '21:00', days: ['1'] }, /weekday numbers/],
    [{ start: '08:00', end: '21:00' }, /days: \[1..7\]/],
    ['08:00-21:00', /object \{start/],
  ])('rejects %j with a clear message', (input, message) => {
    const m = messages(CallingWindowSchema, input);
    expect(m.length).toBeGreaterThan(0);
    expect(m.join(' ')).toMatch(message);
  });
});

describe('BlockedPhoneTypesSchema', () => {
  it('accepts the default, none, and every known type', () => {
    expect(messages(BlockedPhoneTypesSchema, DEFAULT_BLOCKED_PHONE_TYPES)).toEqual([]);
    expect(messages(BlockedPhoneTypesSchema, [])).toEqual([]);
    expect(messages(BlockedPhoneTypesSchema, [...PHONE_TYPES])).toEqual([]);
  });

  it('rejects unknown or repeated types, naming the known ones', () => {
    expect(messages(BlockedPhoneTypesSchema, ['PREMIUM']).join(' ')).toMatch(/one of MOBILE, FIXED_LINE,.*VOICEMAIL/);
    expect(messages(BlockedPhoneTypesSchema, ['premium_rate']).length).toBe(1);
    expect(messages(BlockedPhoneTypesSchema, ['VOIP', 'VOIP']).join(' ')).toMatch(/twice/);
    expect(messages(BlockedPhoneTypesSchema, 'PREMIUM_RATE').join(' ')).toMatch(/list of phone types/);
  });
});
