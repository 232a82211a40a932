/**
 * The rule table as `GET /api/v1/calling-rules` answers it: each rule with its hours and the
 * dates of its holidays of last year, this year and next (local dates), and the version.
 */
import { CALLING_RULES, CALLING_RULES_VERSION, type CallingRuleDef } from './rule-table.ts';
import { holidayDays, isoDate } from './holidays.ts';
import { ruleName } from './rule-plan.ts';

export function ruleResource(rule: CallingRuleDef, year: number) {
  const holidays = rule.holidays.length ? [year - 1, year, year + 1].flatMap((y) => [...holidayDays(rule.holidays, y)].sort((a, b) => a - b).map(isoDate)) : [];
  return {
    id: rule.id,
    region: rule.region,
    name: ruleName(rule),
    scope: rule.scope,
    days: Object.fromEntries(Object.entries(rule.days).map(([d, ranges]) => [d, ranges.map(([a, b]) => [a, b])])),
    holidays,
    maxCallsPer24h: rule.maxCallsPer24h,
    source: rule.source,
    verifiedAt: rule.verifiedAt,
    status: rule.status,
    notes: rule.notes ?? null,
  };
}

/** The whole table at `now` (holidays of now's UTC year ± 1). */
export function callingRulesResource(now: Date) {
  const year = now.getUTCFullYear();
  return { version: CALLING_RULES_VERSION, rules: CALLING_RULES.map((r) => ruleResource(r, year)) };
}
