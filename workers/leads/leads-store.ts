/**
 * A campaign's leads as the pipeline and the API read and write them. Its only inputs are the
 * workspace and the campaign: which database of the pool holds them (placement.ts) is decided
 * here, so callers never see the shards. Leads are also changed in bulk by update.ts (the write
 * pass's update and fill policies), undo-leads.ts and rollback-leads.ts, and a move
 * (move-leads.ts); each of those runs behind the same fence. Every write changes the campaign's counter in the same batch (one transaction) and is
 * refused, in that same transaction, when the workspace is fenced off by a move. Rows travel to D1 as one JSON
 * parameter per statement (json_each), which keeps every statement far under D1's 100 bound
 * parameters whatever the number of rows; json_each always drives the joins (CROSS JOIN), so each
 * row costs one index probe.
 */
import type { Env } from '../env.ts';
import { workspaceDb } from './placement.ts';
import type { CampaignShard } from './campaign-shard.ts';
import type { LeadPage, LeadToWrite, StoredLead } from './stored-lead.ts';
import { countLeads } from './counters.ts';
import { insertLeads, removeLeads } from './write-leads.ts';
import { profileCounts, type ProfileCounts } from './profile-counts.ts';
import { existingPhones, leadsByImport, listInProfiles, listLeads, listSuppressedLeads, maxContacts } from './read-leads.ts';

export type { LeadPage, LeadToWrite, StoredContact, StoredLead, StoredPhoneFields } from './stored-lead.ts';
export { encodeContacts, encodeLead } from './stored-lead.ts';
export { COUNTER_ADD_CHANGES, leadCounts } from './counters.ts';

/** A campaign's leads: reads (read-leads.ts), writes (write-leads.ts) and its counter (counters.ts), on the shard of its workspace. */
export function leadsStore(env: Env, workspaceId: string, campaignId: string) {
  let resolved: Promise<CampaignShard> | undefined;
  const shard = () => (resolved ??= workspaceDb(env, workspaceId).then((d1) => ({ d1, workspaceId, campaignId })));

  return {
    /** How many leads the campaign holds (its counter, not a count of rows). */
    count: async (): Promise<number> => countLeads(await shard()),
    /** Which of these E.164 numbers the campaign already has from other imports than `exceptImportId`. */
    existing: async (phones: string[], exceptImportId: string | null = null): Promise<Set<string>> => existingPhones(await shard(), phones, exceptImportId),
    /** Writes leads; returns the data rows that are now leads of this import (see insertLeads). */
    insert: async (importId: string, rows: LeadToWrite[], createdAt: string): Promise<Set<number>> => insertLeads(await shard(), importId, rows, createdAt),
    /** Deletes the leads this import wrote for these numbers (a rollback); returns how many. */
    remove: async (importId: string, phones: string[]): Promise<number> => removeLeads(await shard(), importId, phones),
    /** The most secondary contacts any lead of this import has (the width of leads.csv). */
    maxContacts: async (importId: string): Promise<number> => maxContacts(await shard(), importId),
    /** One page of leads, newest id last, with secondary contacts in call order. */
    list: async (limit: number, cursor?: number): Promise<LeadPage> => listLeads(await shard(), limit, cursor),
    /** One page of the leads stored under these calling profiles, not suppressed at `at` (see listInProfiles). */
    listInProfiles: async (profiles: readonly string[], at: Date, limit: number, cursor?: number): Promise<LeadPage> =>
      listInProfiles(await shard(), profiles, at, limit, cursor),
    /** One page of the leads whose number is on the suppression list at `at` (see listSuppressedLeads: pages may be short). */
    listSuppressed: async (at: Date, limit: number, cursor?: number, scan?: number): Promise<LeadPage> => listSuppressedLeads(await shard(), at, limit, cursor, scan),
    /** Leads per calling profile from the counters kept with each write; with `at`, suppressed ones left out (profile-counts.ts). */
    profileCounts: async (at: Date | null = new Date()): Promise<ProfileCounts> => profileCounts(await shard(), at),
    /** Every lead one import wrote, in file order, in pages (for leads.csv). */
    async *byImport(importId: string, pageSize = 1000): AsyncGenerator<StoredLead[]> {
      yield* leadsByImport(await shard(), importId, pageSize);
    },
  };
}
