/** The calling-profile key a lead is stored with: the validator's, or computed for a lead built without one (tests, the bench's seeding). */
import type { NormalizedLead } from '../../src/lib/types.ts';
import { profileKeyOf } from '../../src/lib/calling/profile.ts';
import { timeZonesOf } from '../../src/lib/calling/time-zones.ts';

export function profileKeyOfLead(lead: NormalizedLead): string {
  return (
    lead.callingProfile ??
    profileKeyOf({
      e164: lead.e164,
      country: lead.country ?? null,
      timeZones: lead.zoneSetId >= 0 ? lead.timeZones : timeZonesOf(lead.e164, lead.country ?? null),
      region: lead.fields?.region ?? null,
      postalCode: lead.fields?.postal_code ?? null,
    })
  );
}
