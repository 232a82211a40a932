/**
 * A stored lead's calling facts as the API shows them: its profile as today's tables make it
 * (the stored key may predate a new area-code, ZIP or zone table until the re-profile job reaches
 * it), and the one calling decision of the core (src/lib/calling/calling-verdict.ts) for it.
 */
import type { StoredLead } from '../leads/leads-store.ts';
import { profileKeyOf } from '../../src/lib/calling/profile.ts';
import { callableWhen, type CallingVerdict } from '../../src/lib/calling/calling-verdict.ts';
import { parseProfileKey } from '../../src/lib/calling/profile.ts';

/** The lead's calling-profile key by today's tables. */
export function currentProfileKey(l: StoredLead): string {
  return profileKeyOf({
    e164: l.phoneNumber,
    country: l.phoneCountry,
    timeZones: l.phoneTimeZones,
    region: l.fields.region ?? null,
    postalCode: l.fields.postal_code ?? null,
  });
}

const SUPPRESSED_HOLD = "On the workspace's do-not-call list";

/** The calling fields of the lead resource. */
export function callingFields(profileKey: string, verdict: CallingVerdict, suppressed: boolean) {
  const profile = parseProfileKey(profileKey);
  return {
    regions: profile.regions,
    callingTimeZones: profile.zones,
    callingRules: verdict.rules,
    maxCallsPer24h: verdict.maxCallsPer24h,
    nextCallableAt: suppressed || !verdict.nextCallableAt ? null : verdict.nextCallableAt.toISOString(),
    callableWhen: suppressed ? ('never' as const) : callableWhen(verdict),
    heldBy: suppressed ? [SUPPRESSED_HOLD] : verdict.heldBy,
  };
}
