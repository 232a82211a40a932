/**
 * A page of a campaign's leads as the API shows them: every number with its country, type, time
 * zones and extension; the address fields; where the person may be (`regions`,
 * `callingTimeZones`), the rules binding the lead under the campaign's purpose (`callingRules`,
 * `maxCallsPer24h`), `suppressed` (its primary number is on the workspace's list now),
 * `nextCallableAt` (the first instant within 7 days at which it may be called: window ∩ rules in
 * every zone; null when never or suppressed), `callableWhen` and `heldBy` (which rule holds it back
 * now). With `callableAt`, only the leads that may be called at that instant; with `suppressed`,
 * only the leads on the list.
 */
import type { Env } from '../env.ts';
import { leadsStore, type StoredLead } from '../leads/leads-store.ts';
import { suppressedAmong } from '../suppression/store.ts';
import type { CallingWindow } from '../../src/lib/calling/calling-window.ts';
import type { CallPurpose } from '../../src/lib/calling/call-purpose.ts';
import { profileCallableAt, verdictsAt, type CallingContext } from '../../src/lib/calling/calling-verdict.ts';
import { parseProfileKey } from '../../src/lib/calling/profile.ts';
import { fieldsResource } from '../../src/lib/fields/lead-fields.ts';
import { callingFields, currentProfileKey } from './lead-calling.ts';

export interface LeadsPageQuery {
  limit: number;
  cursor?: number;
  /** ISO instant: only leads callable then. */
  callableAt?: string;
  /** Only leads on the suppression list now (pages may be short; see listSuppressedLeads). */
  suppressed?: boolean;
}

export interface LeadsPageOptions {
  /** The campaign's calling window (the caller has the campaign's row). */
  window: Readonly<CallingWindow>;
  /** The campaign's calling purpose. */
  purpose: CallPurpose;
  /** The instant `suppressed` and `nextCallableAt` refer to (default: now). */
  now?: Date;
}

export async function listCampaignLeads(env: Env, workspaceId: string, campaignId: string, q: LeadsPageQuery, opts: LeadsPageOptions) {
  const now = opts.now ?? new Date();
  const context: CallingContext = { window: opts.window, purpose: opts.purpose };
  const store = leadsStore(env, workspaceId, campaignId);
  let page: { items: StoredLead[]; nextCursor: string | null };
  if (q.callableAt !== undefined) {
    const at = new Date(q.callableAt);
    // Decided once per profile the campaign holds (from the counters), then an index walk per callable one.
    const { items } = await store.profileCounts(null);
    const callable = items.map((p) => p.profile).filter((key) => profileCallableAt(parseProfileKey(key), context, at));
    page = await store.listInProfiles(callable, at, q.limit, q.cursor);
    // Fail closed: every lead is checked again against its profile by today's tables.
    page.items = page.items.filter((l) => profileCallableAt(parseProfileKey(currentProfileKey(l)), context, at));
  } else if (q.suppressed) {
    page = await store.listSuppressed(now, q.limit, q.cursor);
  } else {
    page = await store.list(q.limit, q.cursor);
  }
  const listed = await suppressedAmong(env, workspaceId, page.items.map((l) => l.phoneNumber), now);
  const verdictOf = verdictsAt(context, now);
  return {
    items: page.items.map((l) => {
      const suppressed = listed.has(l.phoneNumber);
      const profile = currentProfileKey(l);
      return {
        id: l.id,
        phoneNumber: l.phoneNumber,
        phoneCountry: l.phoneCountry,
        phoneType: l.phoneType,
        phoneTimeZones: l.phoneTimeZones,
        phoneExtension: l.phoneExtension,
        ...fieldsResource(l.fields),
        variables: l.variables,
        secondaryContacts: l.secondaryContacts,
        suppressed,
        ...callingFields(profile, verdictOf(profile), suppressed),
        importId: l.importId,
        createdAt: l.createdAt,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
