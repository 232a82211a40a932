/** The D1 data model (drizzle). Every row is scoped to a workspace; drizzle-kit generates drizzle/ from this. */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import type { VariableDef } from '../../src/lib/types.ts';
import type { CallPurpose } from '../../src/lib/calling/call-purpose.ts';
import type { CallingWindow } from '../../src/lib/calling/calling-window.ts';
import type { ConsentPolicy } from '../../src/lib/consent/consent-policy.ts';
import type { PhoneType } from '../../src/lib/calling/blocked-phone-types.ts';
import type { Role } from '../auth/roles.ts';

export * from './people-schema.ts';
export * from './events-schema.ts';

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * API tokens, stored only as SHA-256 hashes of the secret, each with a role (workers/auth/roles.ts).
 * `owner_user_id`: the person answerable for the token (its creator, or its creator token's); a
 * token never acts above that person's role now, and stops when they leave the workspace. Null for
 * the demo token and `npm run token:create` tokens (owner tokens of no one person).
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    tokenHash: text('token_hash').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull().default('owner'),
    ownerUserId: text('owner_user_id'),
    /** Who created it: "user:<id>", "token:<id>", or null (seeded). */
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    /** Updated at most once a minute (workers/auth/resolve-token.ts). */
    lastUsedAt: text('last_used_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash)],
);

export const assistants = sqliteTable(
  'assistants',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    variables: text('variables', { mode: 'json' }).$type<VariableDef[]>().notNull(),
    secondaryVariables: text('secondary_variables', { mode: 'json' }).$type<VariableDef[]>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('assistants_workspace').on(t.workspaceId)],
);

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    assistantId: text('assistant_id').notNull().references(() => assistants.id),
    defaultCountry: text('default_country'),
    /** When leads may be called, in their own time zones (src/lib/calling/calling-window.ts). */
    callingWindow: text('calling_window', { mode: 'json' })
      .$type<CallingWindow>()
      .notNull()
      .default(sql`'{"start":"08:00","end":"21:00","days":[1,2,3,4,5,6,7]}'`),
    /** Phone types an import refuses (PHONE_TYPE_BLOCKED): libphonenumber-js type names. */
    blockedPhoneTypes: text('blocked_phone_types', { mode: 'json' })
      .$type<PhoneType[]>()
      .notNull()
      .default(sql`'["PREMIUM_RATE"]'`),
    /** Which calling rules bind its calls (src/lib/calling/call-purpose.ts): telemarketing rules bind only a telemarketing campaign. */
    callPurpose: text('call_purpose').$type<CallPurpose>().notNull().default('telemarketing'),
    /** Which leads need consent evidence and how old it may be (src/lib/consent/consent-policy.ts). */
    consentPolicy: text('consent_policy', { mode: 'json' })
      .$type<ConsentPolicy>()
      .notNull()
      .default(sql`'{"require":"none","maxAgeDays":null}'`),
    /** Refuse imports (409 SUPPRESSION_SOURCE_STALE) while a registry copy of the list is older than its rule allows. */
    requireFreshLists: integer('require_fresh_lists', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('campaigns_workspace').on(t.workspaceId)],
);

/**
 * Which leads shard (`LEADS_<shard>`) holds a workspace's leads; the leads themselves live in
 * the shards (workers/leads/schema.ts). Only workers/leads reads this.
 */
export const workspaceShards = sqliteTable(
  'workspace_shards',
  {
    workspaceId: text('workspace_id').primaryKey(),
    shard: integer('shard').notNull(),
    placedAt: text('placed_at').notNull(),
  },
  (t) => [index('workspace_shards_shard').on(t.shard)],
);

/**
 * A workspace being moved to another shard, one row per workspace while the move runs: every
 * step reads its phase and cursor from here, so re-running the move after a crash continues it.
 * New imports into the workspace are refused (503 WORKSPACE_MOVING) while a row exists.
 */
export const workspaceMoves = sqliteTable('workspace_moves', {
  workspaceId: text('workspace_id').primaryKey(),
  fromShard: integer('from_shard').notNull(),
  toShard: integer('to_shard').notNull(),
  /** draining → copying → verifying → flipped → deleting (then the row is deleted). */
  phase: text('phase').$type<'draining' | 'copying' | 'verifying' | 'flipped' | 'deleting'>().notNull(),
  /** The carried table being copied or deleted (workers/leads/shard-tables.ts), and where its copy resumes. */
  step: text('step'),
  cursor: text('cursor'),
  copiedRows: integer('copied_rows').notNull().default(0),
  startedAt: text('started_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  flippedAt: text('flipped_at'),
});

import type { ImportStatus, ImportWarning, MappingSourceName } from '../../src/lib/import-view.ts';
export type { ImportStatus };

/** One import: options, file metadata and the counters mirrored from its Durable Object. */
/**
 * The duplicate policy an import ran with, what it created and updated, and its undo: rows undone
 * so far, rows the undo left alone (changed by a later import), and when the undo began and ended.
 * `changes_deleted_at`: retention deleted the records undo needs (UNDO_RETENTION_DAYS after the end).
 */
const importUndoColumns = {
  onExisting: text('on_existing').$type<'skip' | 'update' | 'fill'>().notNull().default('skip'),
  createdRows: integer('created_rows').notNull().default(0),
  updatedRows: integer('updated_rows').notNull().default(0),
  /** Rows of an update or fill import that matched a lead but changed none of its values. */
  unchangedRows: integer('unchanged_rows').notNull().default(0),
  undoneRows: integer('undone_rows').notNull().default(0),
  /** Of undoneRows: leads the undo deleted (the others were restored). */
  undoDeletedRows: integer('undo_deleted_rows').notNull().default(0),
  undoSkippedRows: integer('undo_skipped_rows').notNull().default(0),
  undoStartedAt: text('undo_started_at'),
  undoFinishedAt: text('undo_finished_at'),
  /** When the undo last started or made a step: a request resumes it only once this is stale (one chain of steps at a time). */
  undoStepAt: text('undo_step_at'),
  changesDeletedAt: text('changes_deleted_at'),
};

export const imports = sqliteTable(
  'imports',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    fileName: text('file_name').notNull(),
    source: text('source').$type<'api' | 'browser'>().notNull(),
    status: text('status').$type<ImportStatus>().notNull(),
    ignoreErrors: integer('ignore_errors', { mode: 'boolean' }).notNull(),
    notifyEmail: text('notify_email'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    failedRows: integer('failed_rows').notNull().default(0),
    errorCounts: text('error_counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: text('created_at').notNull(),
    finishedAt: text('finished_at'),
    /** When the uploaded chunks were deleted (retention); the error report stays. */
    purgedAt: text('purged_at'),
    /** When the error report was deleted (retention, REPORT_RETENTION_DAYS); errors.csv answers 410 from then on. */
    reportDeletedAt: text('report_deleted_at'),
    /** The WHATWG name of the encoding the file was read in; null for workbooks. */
    encoding: text('encoding'),
    /** Warnings about the whole import ([{code, message}], e.g. ENCODING_UNCERTAIN); null when none. */
    warnings: text('warnings', { mode: 'json' }).$type<ImportWarning[]>(),
    ...importUndoColumns,
    /** Where the column mapping came from (src/lib/import-view.ts, MAPPING_SOURCES); null for older imports. */
    mappingSource: text('mapping_source').$type<MappingSourceName>(),
  },
  (t) => [
    index('imports_workspace_campaign').on(t.workspaceId, t.campaignId),
    // Retention's two hourly queries read only the imports still waiting for each step.
    index('imports_chunks_to_purge').on(t.finishedAt).where(sql`purged_at IS NULL`),
    index('imports_reports_to_delete').on(t.finishedAt).where(sql`report_deleted_at IS NULL`),
    index('imports_changes_to_delete').on(t.finishedAt).where(sql`changes_deleted_at IS NULL`),
  ],
);

/** Fixed-window counters for rate limits, one row per key and minute (workers/limits/rate-limit.ts). */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    window: integer('window').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.window] })],
);

/**
 * Bytes a workspace holds in R2 (workers/quota/storage.ts). One row per scope (an import or a
 * multipart upload: what it stored, released as a whole when retention deletes it) and one
 * `total` row per workspace, kept equal to the sum of its scopes in the same transaction, so the
 * quota check reads one row however many imports the workspace has.
 */
export const storageUsage = sqliteTable(
  'storage_usage',
  {
    workspaceId: text('workspace_id').notNull(),
    /** An import id, an upload id, or `*` for the workspace's total. */
    scope: text('scope').notNull(),
    kind: text('kind').$type<'total' | 'import' | 'upload'>().notNull(),
    bytes: integer('bytes').notNull(),
    /** Last time bytes were charged to the scope (uploads idle past their lifetime are purged). */
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.scope] }), index('storage_usage_kind_updated').on(t.kind, t.updatedAt)],
);

/**
 * Who may receive a workspace's import emails: full addresses (`ops@acme.com`) or whole domains
 * (`@acme.com`), lower-cased. An import asking to notify any other address is refused, so a token
 * cannot be used to mail strangers.
 */
export const notifyEmailAllowList = sqliteTable(
  'notify_email_allow_list',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    entry: text('entry').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.entry] })],
);

// The suppression list (do-not-call) lives on the leads shards (workers/leads/schema.ts).

/**
 * Column mappings people confirmed (workers/mappings/saved-mappings.ts), remembered per campaign and offered
 * across the workspace to the next file with the same or overlapping headers. One row per campaign
 * and header set (saving again replaces it); the most recent few per workspace are kept.
 */
export const savedMappings = sqliteTable(
  'saved_mappings',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    campaignId: text('campaign_id').notNull(),
    fileName: text('file_name').notNull(),
    /** The headers' normalised names in order, joined: equal keys are the same header row. */
    headerKey: text('header_key').notNull(),
    /** The headers as written, in file order. */
    headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
    /** One target per header (a ColumnTarget), in file order. */
    targets: text('targets', { mode: 'json' }).$type<import('../../src/lib/types.ts').ColumnTarget[]>().notNull(),
    savedAt: text('saved_at').notNull(),
  },
  (t) => [
    uniqueIndex('saved_mappings_campaign_headers').on(t.workspaceId, t.campaignId, t.headerKey),
    index('saved_mappings_workspace_saved').on(t.workspaceId, t.savedAt),
  ],
);

/**
 * A suppression list file imported in the background (POST /suppressions/import with
 * `Prefer: respond-async`; workers/suppression/list-import): the request reads the file into chunks
 * in R2 and queues them; each chunk's outcome is one row of suppression_import_chunks, so the
 * counts are sums over those rows and a redelivered chunk is recognised and not counted twice.
 */
export const suppressionImports = sqliteTable(
  'suppression_imports',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
    /** running → completed | failed. */
    status: text('status').$type<'running' | 'completed' | 'failed'>().notNull(),
    fileName: text('file_name').notNull(),
    defaultCountry: text('default_country').notNull(),
    /** The list source the numbers go to (`internal`, a registry such as `us-national-dnc`). */
    source: text('source').notNull().default('internal'),
    /** add: the numbers join the source; replace: the file's numbers become the source's, all at once when the import completes. */
    mode: text('mode').$type<'add' | 'replace'>().notNull().default('add'),
    /** The date of the registry copy (YYYY-MM-DD) the file is. */
    asOf: text('as_of'),
    /** replace: the source's generation this import writes (suppression_sources.pending_generation). */
    generation: integer('generation'),
    /** The layout read: a spreadsheet with a header row, or a registry download (one number a line). */
    layout: text('layout').$type<'table' | 'registry'>().notNull().default('table'),
    /** The file's header row, as written (the report repeats it). */
    headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
    /** Data rows in the file and the chunks they were cut into; null while the file is still being read. */
    totalRows: integer('total_rows'),
    chunkCount: integer('chunk_count'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: text('created_at').notNull(),
    finishedAt: text('finished_at'),
    /** When retention deleted what the import kept in R2 (its report); null before. */
    purgedAt: text('purged_at'),
  },
  (t) => [index('suppression_imports_workspace_created').on(t.workspaceId, t.createdAt), index('suppression_imports_finished').on(t.finishedAt)],
);

/** One processed chunk of a background list import: what it listed and how many of its rows were not numbers. */
export const suppressionImportChunks = sqliteTable(
  'suppression_import_chunks',
  {
    importId: text('import_id').notNull(),
    chunk: integer('chunk').notNull(),
    rows: integer('rows').notNull(),
    added: integer('added').notNull(),
    alreadyPresent: integer('already_present').notNull(),
    invalidCount: integer('invalid_count').notNull(),
    /** The chunk's first rows that were not numbers ({input, code, message, row}), at most MAX_INVALID_SHOWN. */
    invalidSample: text('invalid_sample', { mode: 'json' }).$type<import('../../src/lib/suppression/entry.ts').InvalidSuppression[]>().notNull(),
    finishedAt: text('finished_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.chunk] })],
);
