import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CallingWindowSchema } from '#lib/calling/calling-window.ts';
import { windowWords } from './window-words.ts';

const problem = (w: unknown) => {
  const r = v.safeParse(CallingWindowSchema, w);
  if (r.success) throw new Error('valid');
  return windowWords(r.issues[0]!.message);
};

describe('windowWords', () => {
  it('says what to change, without the API field names, for every problem the form can make', () => {
    expect(problem({ start: '18:00', end: '09:00', days: [1] })).toBe('The window must end later than it starts, on the same day. For calls until the end of the day, tick "Until midnight".');
    expect(problem({ start: '09:00', end: '18:00', days: [] })).toBe('Choose at least one calling day: a campaign with no calling day could never call.');
    expect(problem({ start: '', end: '18:00', days: [1] })).toBe('The start time must be a 24-hour time "HH:MM" from 00:00 to 24:00, such as "08:00".');
    expect(problem({ start: '09:00', end: '', days: [1] })).toBe('The end time must be a 24-hour time "HH:MM" from 00:00 to 24:00, such as "08:00".');
    for (const w of [{ start: '18:00', end: '09:00', days: [1] }, { start: '09:00', end: '18:00', days: [1, 1] }, { start: 'x', end: 'y', days: [] }]) expect(problem(w)).not.toMatch(/callingWindow/);
  });
});
