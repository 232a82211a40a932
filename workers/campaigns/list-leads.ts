/**
 * A page of a campaign's leads as the API shows them: every number with its country, type, time
 * zones and extension, each lead with `suppressed` (its primary number is on the workspace's list
 * now) and `nextCallableAt` (the first instant within 7 days at which it may be called under the
 * campaign's window; null when never or suppressed). With `callableAt`, only the leads that may be
 * called at that instant; with `suppressed`, only the leads on the list.
 */
import type { Env } from '../env.ts';
import { leadsStore, type StoredLead } from '../leads/leads-store.ts';
import { suppressedAmong } from '../suppression/store.ts';
import { isCallableAt } from '../../src/lib/calling/callable.ts';
import type { CallingWindow } from '../../src/lib/calling/calling-window.ts';
import { zoneSetCallability } from '../../src/lib/calling/callable-summary.ts';
import { callableZoneSets } from './callable-zone-sets.ts';

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
  /** The instant `suppressed` and `nextCallableAt` refer to (default: now). */
  now?: Date;
}

export async function listCampaignLeads(env: Env, workspaceId: string, campaignId: string, q: LeadsPageQuery, opts: LeadsPageOptions) {
  const now = opts.now ?? new Date();
  const window = opts.window;
  const store = leadsStore(env, workspaceId, campaignId);
  let page: { items: StoredLead[]; nextCursor: string | null };
  if (q.callableAt !== undefined) {
    const at = new Date(q.callableAt);
    page = await store.listInZoneSets(callableZoneSets(window, at), at, q.limit, q.cursor);
    // Fail closed: every lead is checked against its own zones again (they are recomputed when the
    // shard's stored zone-set ids belong to older zone data).
    page.items = page.items.filter((l) => isCallableAt(l.phoneTimeZones, window, at));
  } else if (q.suppressed) {
    page = await store.listSuppressed(now, q.limit, q.cursor);
  } else {
    page = await store.list(q.limit, q.cursor);
  }
  const listed = await suppressedAmong(env, workspaceId, page.items.map((l) => l.phoneNumber), now);
  const callability = zoneSetCallability(window, now);
  return {
    items: page.items.map((l) => {
      const suppressed = listed.has(l.phoneNumber);
      const next = suppressed ? null : callability(l.phoneZoneSet).nextCallableAt;
      return {
        id: l.id,
        phoneNumber: l.phoneNumber,
        phoneCountry: l.phoneCountry,
        phoneType: l.phoneType,
        phoneTimeZones: l.phoneTimeZones,
        phoneExtension: l.phoneExtension,
        variables: l.variables,
        secondaryContacts: l.secondaryContacts,
        suppressed,
        nextCallableAt: next ? next.toISOString() : null,
        importId: l.importId,
        createdAt: l.createdAt,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
