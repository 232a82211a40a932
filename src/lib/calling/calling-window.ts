/**
 * A campaign's calling window: local start and end time (end exclusive) and ISO weekdays
 * (1 = Monday … 7 = Sunday), the schema that checks it, and its compiled form in minutes.
 * A window never crosses midnight (end must be later than start): in "20:00–02:00" it would be
 * unclear whether the hours after midnight belong to the day before (whose weekday was chosen)
 * or to the next one, and a rule people cannot predict is not one they can rely on.
 */
import * as v from 'valibot';

/** start, end (exclusive) and days as CallingWindowSchema checks them. */
export type CallingWindow = v.InferOutput<typeof CallingWindowSchema>;

export const DEFAULT_CALLING_WINDOW: Readonly<CallingWindow> = Object.freeze({
  start: '08:00',
  end: '21:00',
  days: Object.freeze([1, 2, 3, 4, 5, 6, 7]) as number[],
});

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since local midnight of a valid "HH:MM" (24:00 → 1440). */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const Time = (field: string) =>
  v.pipe(v.string(`${field} is a time such as "08:00".`), v.regex(HHMM, `${field} is a 24-hour time "HH:MM" from 00:00 to 24:00, such as "08:00".`));

export const CallingWindowSchema = v.pipe(
  v.object(
    {
      /** Local time the window opens, "HH:MM" (00:00–23:59). */
      start: Time('callingWindow.start'),
      /** Local time the window closes, exclusive, "HH:MM" (00:01–24:00). */
      end: Time('callingWindow.end'),
      /** ISO weekdays on which the window opens: 1 = Monday … 7 = Sunday. */
      days: v.pipe(
        v.array(
          v.pipe(
            v.number('callingWindow.days holds ISO weekday numbers, 1 (Monday) to 7 (Sunday).'),
            v.integer('callingWindow.days holds whole weekday numbers, 1 (Monday) to 7 (Sunday).'),
            v.minValue(1, 'callingWindow.days holds ISO weekday numbers, 1 (Monday) to 7 (Sunday).'),
            v.maxValue(7, 'callingWindow.days holds ISO weekday numbers, 1 (Monday) to 7 (Sunday).'),
          ),
          'callingWindow.days is a list of ISO weekday numbers such as [1,2,3,4,5].',
        ),
        v.minLength(1, 'callingWindow.days needs at least one day: a campaign with no calling day could never call.'),
        v.check((days) => new Set(days).size === days.length, 'callingWindow.days lists a day twice.'),
      ),
    },
    'callingWindow is an object {start: "HH:MM", end: "HH:MM", days: [1..7]}.',
  ),
  v.check(
    // Only once both times are well formed: a malformed one already has its own message.
    (w) => !HHMM.test(w.start) || !HHMM.test(w.end) || minutesOf(w.end) > minutesOf(w.start),
    'callingWindow.end must be later than callingWindow.start on the same day (windows across midnight are not supported).',
  ),
);

/** A window in the form the time arithmetic uses. */
export interface CompiledWindow {
  startMinute: number;
  endMinute: number;
  /** Bit d set when ISO weekday d is a calling day. */
  dayMask: number;
}

const compiled = new WeakMap<object, CompiledWindow>();

/** The window in minutes and a weekday bit mask (cached per window object). Assumes a valid window. */
export function compileWindow(window: Readonly<CallingWindow>): CompiledWindow {
  let c = compiled.get(window);
  if (!c) {
    let dayMask = 0;
    for (const d of window.days) dayMask |= 1 << d;
    c = { startMinute: minutesOf(window.start), endMinute: minutesOf(window.end), dayMask };
    compiled.set(window, c);
  }
  return c;
}

/** A string naming the window, for caches keyed by window content. */
export function windowKey(window: Readonly<CallingWindow>): string {
  return `${window.start}-${window.end}-${[...window.days].sort().join('')}`;
}
