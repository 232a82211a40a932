/**
 * The data model of one leads shard (a D1 database of the pool `LEADS_0` … `LEADS_{N-1}`);
 * drizzle-kit generates drizzle-leads/ from this. Every shard has the same tables and holds the
 * leads of the workspaces placed on it (placement lives in DB, workers/db/schema.ts).
 */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

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
  },
  (t) => [
    uniqueIndex('leads_campaign_phone').on(t.campaignId, t.phone),
    // Pages of a campaign in id order (listing, exports, moves): (campaign_id, id).
    index('leads_campaign').on(t.campaignId),
    // Pages of the leads callable at an instant: per allowed zone set, in id order ((campaign_id, phone_zone_set, id)).
    index('leads_campaign_zone_set').on(t.campaignId, t.phoneZoneSet),
  ],
);

/**
 * Numbers a workspace must never call (the suppression list), in E.164, kept on the workspace's
 * shard next to its leads so listings can exclude them in the same query. `expires_at` (ISO 8601
 * UTC, null = never) ends the entry's effect without deleting it. The primary key is the only
 * index: one lookup per number.
 */
export const suppressions = sqliteTable(
  'suppressions',
  {
    workspaceId: text('workspace_id').notNull(),
    phone: text('phone').notNull(),
    reason: text('reason'),
    expiresAt: text('expires_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.phone] })],
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
 * Workspaces whose leads may not change on this shard (a move is copying them away, or has moved
 * them). Every write batch checks it in its own transaction, so no write lands after a move has
 * started copying.
 */
export const workspaceFences = sqliteTable('workspace_fences', {
  workspaceId: text('workspace_id').primaryKey(),
  since: text('since').notNull(),
});
