/**
 * A calling rule as a day plan (its hours on each local day, none on its holidays) and the words
 * that say why it holds a lead back at a local time ("Florida: calls end at 8 pm").
 */
import type { DayPlan, DayRanges } from '../callable.ts';
import { minutesOf } from '../calling-window.ts';
import { isoWeekdayOfDay } from '../local-time.ts';
import { holidayDay, holidayDays } from './holidays.ts';
import type { CallingRuleDef } from './rule-table.ts';
import { regionName } from '../../regions/subdivisions.ts';

const COUNTRY_NAMES: Record<string, string> = { US: 'United States (federal)', CA: 'Canada', AU: 'Australia' };
const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Florida", "Canada", "Oklahoma (automated calls)". */
export function ruleName(rule: CallingRuleDef): string {
  const place = COUNTRY_NAMES[rule.region] ?? regionName(rule.region);
  return rule.id.length > rule.region.length ? `${place} (${rule.scope === 'automated' ? 'automated calls' : rule.id.slice(rule.region.length + 1)})` : place;
}

/** "8 am", "8:30 pm", "noon", "midnight". */
export function clockText(minute: number): string {
  if (minute === 720) return 'noon';
  if (minute === 0 || minute === 1440) return 'midnight';
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'am' : 'pm'}`;
}

interface CompiledRule {
  plan: DayPlan;
  /** Why the rule holds calls back at local minute `minute` of `day`, or null when it does not. */
  why(day: number, minute: number): string | null;
}

const compiled = new Map<string, CompiledRule>();
const dayOfYear = (day: number) => new Date(day * 86_400_000).getUTCFullYear();

export function compileRule(rule: CallingRuleDef): CompiledRule {
  let c = compiled.get(rule.id);
  if (c) return c;
  const hours: DayRanges[] = [];
  for (let d = 1; d <= 7; d++) {
    hours[d] = Object.freeze(rule.days[String(d) as '1'].map(([a, b]) => Object.freeze([minutesOf(a), minutesOf(b)] as const)));
  }
  const holidaysByYear = new Map<number, Set<number>>();
  const isHoliday = (day: number): boolean => {
    if (!rule.holidays.length) return false;
    const y = dayOfYear(day);
    let set = holidaysByYear.get(y);
    if (!set) holidaysByYear.set(y, (set = holidayDays(rule.holidays, y)));
    return set.has(day);
  };
  const NONE: DayRanges = Object.freeze([]);
  const plan: DayPlan = (day) => (isHoliday(day) ? NONE : hours[isoWeekdayOfDay(day)]!);
  const name = ruleName(rule);
  const weekdayHours = JSON.stringify(hours[1]);
  c = {
    plan,
    why(day, minute) {
      const ranges = plan(day);
      if (ranges.some(([a, b]) => minute >= a && minute < b)) return null;
      const wd = isoWeekdayOfDay(day);
      if (isHoliday(day)) {
        const y = dayOfYear(day);
        const named = rule.holidays.find((h) => holidayDay(h.date, y) === day);
        return `${name}: no calls on holidays${named ? ` (${named.name})` : ''}`;
      }
      if (ranges.length === 0) return `${name}: no calls on ${WEEKDAYS[wd]}s`;
      const special = JSON.stringify(ranges) !== weekdayHours ? `on ${WEEKDAYS[wd]}s ` : '';
      if (minute < ranges[0]![0]) return `${name}: calls ${special}start at ${clockText(ranges[0]![0])}`;
      if (minute >= ranges[ranges.length - 1]![1]) return `${name}: calls ${special}end at ${clockText(ranges[ranges.length - 1]![1])}`;
      const next = ranges.find(([a]) => a > minute);
      return `${name}: calls resume at ${clockText(next ? next[0] : ranges[0]![0])}`;
    },
  };
  compiled.set(rule.id, c);
  return c;
}
