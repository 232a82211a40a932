/**
 * Which rules bind a lead: a rule binds when its region is the lead's country, one of its regions,
 * or the country of one of its regions (a person with a Florida address is in the US), and its
 * scope is `all`, `automated` (every call of this platform is made by an artificial voice), or
 * `telemarketing` under a telemarketing campaign. A US or Canadian number whose region is unknown
 * (a toll-free or new area code, and no address) is bound by every US rule: it could be anywhere.
 */
import type { CallPurpose } from '../call-purpose.ts';
import type { CallingProfile } from '../profile.ts';
import { CALLING_RULES, type CallingRuleDef } from './rule-table.ts';

const memo = new Map<string, readonly CallingRuleDef[]>();

export function bindingRules(profile: CallingProfile, purpose: CallPurpose): readonly CallingRuleDef[] {
  const key = `${purpose}|${profile.country ?? ''}|${profile.regions.join(',')}`;
  let rules = memo.get(key);
  if (!rules) {
    const places = new Set<string>(profile.regions);
    if (profile.country) places.add(profile.country);
    for (const r of profile.regions) places.add(r.slice(0, r.indexOf('-')));
    const anywhereInUs = (profile.country === 'US' || profile.country === 'CA') && profile.regions.length === 0;
    rules = Object.freeze(
      CALLING_RULES.filter(
        (rule) =>
          (places.has(rule.region) || (anywhereInUs && (rule.region === 'US' || rule.region.startsWith('US-')))) &&
          (rule.scope !== 'telemarketing' || purpose === 'telemarketing'),
      ),
    );
    if (memo.size > 5_000) memo.clear();
    memo.set(key, rules);
  }
  return rules;
}

/** The smallest cap of calls per 24 hours among the rules, or null. */
export function maxCallsOf(rules: readonly CallingRuleDef[]): number | null {
  let cap: number | null = null;
  for (const r of rules) if (r.maxCallsPer24h !== null && (cap === null || r.maxCallsPer24h < cap)) cap = r.maxCallsPer24h;
  return cap;
}
