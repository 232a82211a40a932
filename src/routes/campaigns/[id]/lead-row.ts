/** A lead of the campaign page's table as the API lists it, and the words of its "Next call" and secondary-contacts cells. */
import { displayPhone } from './phone-display.ts';
import { nextCallTimes } from './call-time.ts';
import type { Lead } from '#lib/ui/wire-types.ts';

export type { Lead };

const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * When the lead can next be called, in the preview's words (the server decides them with the
 * same function the preview uses, at the moment the page asked), at what time in the viewer's
 * zone and in the lead's, and what holds it back.
 */
const WHEN_WORDS = { now: 'Callable now', laterToday: 'Later today', laterThisWeek: 'Later this week', never: 'Never' } as const;
export type NextCall = { text: string; yours: string | null; lead: string | null; why: string; tone: 'now' | 'later' | 'never' };
export function nextCall(l: Lead): NextCall {
  if (l.suppressed) return { text: 'Not called (do-not-call list)', yours: null, lead: null, why: '', tone: 'never' };
  const when = l.callableWhen ?? (l.nextCallableAt === null ? 'never' : 'laterThisWeek');
  const why = l.heldBy?.[0] ?? '';
  if (when === 'now') return { text: WHEN_WORDS.now, yours: null, lead: null, why: '', tone: 'now' };
  if (when === 'never' || l.nextCallableAt === null) return { text: WHEN_WORDS.never, yours: null, lead: null, why, tone: 'never' };
  const times = nextCallTimes(l.nextCallableAt, l.callingTimeZones?.length ? l.callingTimeZones : (l.phoneTimeZones ?? []));
  return { text: WHEN_WORDS[when], yours: times.yours, lead: times.lead, why, tone: 'later' };
}
export const nextTitle = (l: Lead, next: NextCall) =>
  [
    next.yours && `${next.text}: ${next.yours} your time${next.lead ? `, ${next.lead} the lead's time` : ''}`,
    next.why && `Held back by ${next.why}`,
    (l.callingRules ?? []).length && `Rules: ${l.callingRules.join(', ')}${l.maxCallsPer24h ? `; at most ${l.maxCallsPer24h} calls a day` : ''}`,
  ]
    .filter(Boolean)
    .join('. ') || undefined;
export const contactsText = (l: Lead, country: string | null) =>
  l.secondaryContacts
    .map((c) => {
      const vars = Object.entries(c.variables).filter(([, x]) => x !== null && x !== '').map(([k, x]) => `${k}: ${show(x)}`);
      return `${displayPhone(c.phoneNumber, country)}${vars.length ? ` (${vars.join(', ')})` : ''}`;
    })
    .join('; ');
