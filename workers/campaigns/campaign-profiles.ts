/**
 * A campaign's leads by calling profile (the counters kept with each write, suppressed leads left
 * out), each profile with the rules binding it under the campaign's purpose, and the number of
 * leads each rule binds: the campaign page's chart and its settings' rule counts.
 */
import type { Env } from '../env.ts';
import { leadsStore } from '../leads/leads-store.ts';
import type { CallPurpose } from '../../src/lib/calling/call-purpose.ts';
import { parseProfileKey } from '../../src/lib/calling/profile.ts';
import { bindingRules, maxCallsOf } from '../../src/lib/calling/rules/binding-rules.ts';
import { CALLING_RULES_VERSION } from '../../src/lib/calling/rules/rule-table.ts';
import { profileDataVersion } from '../../src/lib/calling/profile-data-version.ts';
import { reprofileState } from '../leads/reprofile.ts';

/**
 * Where the re-profile job stands for this campaign: behind when its shard's profiles were made
 * from other tables, or (a shard the job never ran on) while any of its leads has no profile yet.
 */
async function campaignReprofileState(env: Env, workspaceId: string, unprofiled: number) {
  const state = await reprofileState(env, workspaceId);
  return { ...state, upToDate: state.upToDate || (state.stored === null && unprofiled === 0) };
}

export async function campaignProfiles(env: Env, workspaceId: string, campaignId: string, purpose: CallPurpose) {
  const store = leadsStore(env, workspaceId, campaignId);
  const { items, unprofiled } = await store.profileCounts(new Date());
  const perRule = new Map<string, number>();
  const profiles = items.map(({ profile: key, count }) => {
    const p = parseProfileKey(key);
    const rules = bindingRules(p, purpose);
    for (const r of rules) perRule.set(r.id, (perRule.get(r.id) ?? 0) + count);
    return { country: p.country, regions: p.regions, callingTimeZones: p.zones, callingRules: rules.map((r) => r.id), maxCallsPer24h: maxCallsOf(rules), count };
  });
  return {
    items: profiles,
    rules: [...perRule].map(([id, leads]) => ({ id, leads })).sort((a, b) => b.leads - a.leads || (a.id < b.id ? -1 : 1)),
    unprofiled,
    callPurpose: purpose,
    rulesVersion: CALLING_RULES_VERSION,
    profileDataVersion: profileDataVersion(),
    reprofile: await campaignReprofileState(env, workspaceId, unprofiled),
  };
}
