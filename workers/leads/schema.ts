/**
 * The data model of one leads shard (a D1 database of the pool `LEADS_0` … `LEADS_{N-1}`);
 * drizzle-kit generates drizzle-leads/ from this. Every shard has the same tables and holds the
 * leads of the workspaces placed on it (placement lives in DB, workers/db/schema.ts).
 */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { LEAD_FIELDS } from '../../src/lib/fields/lead-fields.ts';

/** One text column per fixed lead field of the registry (src/lib/fields/lead-fields.ts): `region`, `postal_code`, … */
const leadFieldColumns = Object.fromEntries(LEAD_FIELDS.map((f) => [f.column, text(f.column)]));

/**
 * What makes an update exact and undoable: `version` goes up by one with every update (an update
 * applies only where the version is still the one its change record captured), and
 * `updated_import_id` names the last import that updated the lead (the undo report's
 * changed_by_import). A lead created by an import and never changed since has version 1.
 */
const leadVersionColumns = {
  version: integer('version').notNull().default(1),
  updatedImportId: text('updated_import_id'),
};

/**
 * Leads. The primary phone (E.164) is unique per campaign: the database decides races between
 * concurrent imports. Only two indexes, because each one costs a row written per lead.
 */
export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: text('workspace_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    phone: text('phone').notNull(),
    phoneCountry: text('phone_country'),
    phoneType: text('phone_type'),
    /** The extension dialled after the number connects (`ext 12` → "12"); not part of the number. */
    phoneExtension: text('phone_extension'),
    /**
     * The primary number's zone-set id (zoneSetIdOf, src/lib/calling/time-zones.ts): a few hundred
     * distinct values stand for the number's candidate time zones. Ids are meaningful for the
     * shard's `zone_data_version` (shard_meta); null for leads written before zones were kept.
     */
    phoneZoneSet: integer('phone_zone_set'),
    /**
     * Where the person may be, as the key of a calling profile (src/lib/calling/profile.ts):
     * country, candidate regions and every candidate time zone (`US|US-FL|America/New_York`).
     * Which rules bind the lead follows from it and the campaign's purpose at read time, so a new
     * rule table changes no stored lead; a new area-code, ZIP or zone table does (the re-profile
     * job). Null until profiled (leads written before profiles existed).
     */
    callingProfile: text('calling_profile'),
    ...leadFieldColumns,
    variables: text('variables').notNull(),
    /**
     * Secondary contacts in call order (position 1 is called right after the primary), as JSON
     * `[{phoneNumber, phoneCountry, phoneType, phoneExtension, phoneZoneSet, variables}]`. Kept on the lead, not in a table of
     * their own: a contact then costs no extra row written and no extra index entry, and every
     * read that needs contacts reads them with their lead.
     */
    secondaryContacts: text('secondary_contacts').notNull().default('[]'),
    importId: text('import_id'),
    sourceRow: integer('source_row'),
    createdAt: text('created_at').notNull(),
    ...leadVersionColumns,
  },
  (t) => [
    uniqueIndex('leads_campaign_phone').on(t.campaignId, t.phone),
    // Pages of a campaign in id order (listing, exports, moves): (campaign_id, id).
    index('leads_campaign').on(t.campaignId),
    // Pages of the leads callable at an instant: per callable profile, in id order ((campaign_id, calling_profile, id)).
    index('leads_campaign_profile').on(t.campaignId, t.callingProfile),
  ],
);

/**
 * Numbers a workspace must never call (the suppression list), in E.164, kept on the workspace's
 * shard next to its leads so listings can exclude them in the same query. Each entry belongs to a
 * `source` (`internal`, or a registry such as `us-national-dnc`) and to a `generation` of that
 * source: only the generation suppression_sources names is in force, so a registry replaced by a
 * new file is swapped whole by one statement (workers/suppression/in-force.ts says when an entry
 * applies). `expires_at` (ISO 8601 UTC, null = never) ends the entry's effect without deleting it.
 * The primary key is the only index, led by source and generation: a replace writes its generation
 * as one run of the B-tree and the sweep deletes the replaced one the same way, and a number is
 * looked up with one probe per source. The table is WITHOUT ROWID (drizzle-leads/0005,
 * hand-written: drizzle cannot say it): one B-tree, not a table and an index, which halves what
 * tens of millions of registry numbers take and write.
 */
export const suppressions = sqliteTable(
  'suppressions',
  {
    workspaceId: text('workspace_id').notNull(),
    source: text('source').notNull().default('internal'),
    generation: integer('generation').notNull().default(0),
    phone: text('phone').notNull(),
    reason: text('reason'),
    expiresAt: text('expires_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.generation, t.phone] })],
);

/**
 * One row per source of a workspace's suppression list (workers/suppression/sources-store.ts): the
 * generation in force and its entry count (kept with every write, never a count(*) over millions),
 * the date of the registry copy (`as_of`, YYYY-MM-DD), and a replace being written: its generation,
 * the list import writing it and its entries so far. The flip from one generation to the next is one
 * UPDATE of this row. Rows of generations no longer named here are deleted by the sweep
 * (`sweep_pending`, resuming after `sweep_cursor`). A source without a row is generation 0.
 */
export const suppressionSources = sqliteTable(
  'suppression_sources',
  {
    workspaceId: text('workspace_id').notNull(),
    source: text('source').notNull(),
    generation: integer('generation').notNull().default(0),
    count: integer('count').notNull().default(0),
    asOf: text('as_of'),
    pendingGeneration: integer('pending_generation'),
    pendingImport: text('pending_import'),
    pendingCount: integer('pending_count').notNull().default(0),
    /** Whether any entry of the generation in force (of the pending one) was written with an expiry: only then can a listing put an expired entry back in force. */
    hasExpiring: integer('has_expiring').notNull().default(0),
    pendingHasExpiring: integer('pending_has_expiring').notNull().default(0),
    /** Never reused: rows of a replaced generation may still be waiting for the sweep. */
    nextGeneration: integer('next_generation').notNull().default(1),
    sweepPending: integer('sweep_pending').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source] })],
);

/**
 * Facts about the shard's stored data, one row per key: `zone_data_version` is the
 * ZONE_DATA_VERSION whose zone-set ids the leads' `phone_zone_set` hold.
 */
export const shardMeta = sqliteTable('shard_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Leads per campaign, changed in the same batch (one transaction) as every insert and delete of
 * leads, so listings read one small row per campaign instead of counting millions. Keyed by
 * workspace first: `GET /campaigns` reads a workspace's counters in one range scan.
 */
export const campaignCounters = sqliteTable(
  'campaign_counters',
  {
    workspaceId: text('workspace_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    leads: integer('leads').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.campaignId] })],
);

/**
 * Leads per calling profile of each campaign (the campaign page's chart, the rules' counts, the
 * profiles `?callableAt=` walks), kept by triggers on `leads` (drizzle-leads/*_profile_count_triggers.sql)
 * in the same transaction as every insert, delete and profile change, whatever module writes.
 * Rows whose count fell to 0 may stay; readers skip them.
 */
export const callingProfileCounts = sqliteTable(
  'calling_profile_counts',
  {
    workspaceId: text('workspace_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    profile: text('profile').notNull(),
    leads: integer('leads').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.campaignId, t.profile] })],
);

/**
 * Workspaces whose leads may not change on this shard (a move is copying them away, or has moved
 * them). Every write batch checks it in its own transaction, so no write lands after a move has
 * started copying.
 */
export const workspaceFences = sqliteTable('workspace_fences', {
  workspaceId: text('workspace_id').primaryKey(),
  since: text('since').notNull(),
});

/**
 * One record per lead an import updated (kind 'updated', written in the same transaction as the
 * update, with the values the lead had before it) and per lead an undo had to leave alone (kind
 * 'created' or 'updated', with `skip_reason`). Keyed by import first: an import's records are read
 * in lead order and deleted together when their lifetime (UNDO_RETENTION_DAYS) ends. A redelivered
 * update finds its record and applies nothing twice; `batch` marks the records one statement
 * inserted, so the update that follows touches only those.
 */
export const leadChanges = sqliteTable(
  'lead_changes',
  {
    importId: text('import_id').notNull(),
    leadId: integer('lead_id').notNull(),
    kind: text('kind').$type<'created' | 'updated'>().notNull(),
    phone: text('phone').notNull(),
    beforeVariables: text('before_variables'),
    beforeContacts: text('before_contacts'),
    beforeVersion: integer('before_version'),
    beforeUpdatedImportId: text('before_updated_import_id'),
    /** The lead's registry fields and calling profile before the update, as a JSON object by column. */
    beforeFields: text('before_fields'),
    afterVersion: integer('after_version').notNull(),
    batch: text('batch'),
    createdAt: text('created_at').notNull(),
    /** Set once undone (restored, deleted, or left alone): an undo step never runs twice on one record. */
    undoneAt: text('undone_at'),
    /** Why an undo left the lead as it is: 'changed_later' (by `skipped_by`) or 'deleted'. */
    skipReason: text('skip_reason'),
    skippedBy: text('skipped_by'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.leadId] })],
);

/**
 * Where the undo of one import stands, advanced in the same transaction as each bounded step:
 * cursors over the leads it created and the records of those it updated, and the counts so far.
 * A redelivered step finds its cursor moved and counts nothing twice.
 */
export const undoRuns = sqliteTable('undo_runs', {
  importId: text('import_id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  campaignId: text('campaign_id').notNull(),
  createdCursor: integer('created_cursor').notNull().default(0),
  createdDone: integer('created_done').notNull().default(0),
  updatedCursor: integer('updated_cursor').notNull().default(0),
  updatedDone: integer('updated_done').notNull().default(0),
  undone: integer('undone').notNull().default(0),
  /** Of `undone`: leads deleted (the others were restored). */
  deleted: integer('deleted').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  startedAt: text('started_at').notNull(),
});

/**
 * The identity of a workspace's suppression list on this shard: a random token set anew in the
 * same transaction as every write that changes the list (and by a move that copies it here), so
 * the packed form cached in R2 (workers/suppression/packed-list.ts) is known current by reading
 * one row. Random, not a counter: a workspace that moves away and back must never meet a value
 * that stood for other contents. No row reads as "none" (the list never changed on this shard).
 */
export const suppressionListVersions = sqliteTable('suppression_list_versions', {
  workspaceId: text('workspace_id').primaryKey(),
  version: text('version').notNull(),
});
