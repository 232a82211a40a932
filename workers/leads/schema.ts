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
    variables: text('variables').notNull(),
    /**
     * Secondary contacts in call order (position 1 is called right after the primary), as JSON
     * `[{phoneNumber, phoneCountry, phoneType, variables}]`. Kept on the lead, not in a table of
     * their own: a contact then costs no extra row written and no extra index entry, and every
     * read that needs contacts reads them with their lead.
     */
    secondaryContacts: text('secondary_contacts').notNull().default('[]'),
    importId: text('import_id'),
    sourceRow: integer('source_row'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('leads_campaign_phone').on(t.campaignId, t.phone), index('leads_campaign').on(t.campaignId)],
);

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
