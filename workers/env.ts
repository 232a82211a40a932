/** The Worker's bindings, as declared in wrangler.toml. */
import type { ImportCoordinator } from './coordinator/import-coordinator.ts';
import type { ChunkMessage } from './queue/messages.ts';

export interface Env {
  /** Workspaces, tokens, campaigns, imports, limits, and which leads shard holds each workspace. */
  DB: D1Database;
  /** The leads pool (workers/leads): LEADS_0 … LEADS_{LEADS_SHARDS-1}, one D1 database each. */
  LEADS_0: D1Database;
  LEADS_1?: D1Database;
  [shard: `LEADS_${number}`]: D1Database | undefined;
  /** How many shards of the pool new workspaces may be placed on. */
  LEADS_SHARDS?: string;
  /** Bearer secret of the operator routes under /api/v1/admin (.dev.vars locally, a secret deployed). */
  ADMIN_TOKEN?: string;
  UPLOADS: R2Bucket;
  IMPORT_QUEUE: Queue<ChunkMessage>;
  IMPORTS: DurableObjectNamespace<ImportCoordinator>;
  EMAIL?: SendEmail;
  ASSETS?: Fetcher;
  /** Public base URL used in email links. */
  APP_URL?: string;
  EMAIL_FROM?: string;
  /** Days an import's uploaded chunks are kept in R2. */
  CHUNK_RETENTION_DAYS?: string;
  /** Import creations allowed per workspace per minute. */
  IMPORT_RATE_LIMIT_PER_MINUTE?: string;
  /** Days an import's error report is kept after it ends (errors.csv answers 410 afterwards). */
  REPORT_RETENTION_DAYS?: string;
  /** Days an ended import can be undone: its change records are deleted afterwards (default 30). */
  UNDO_RETENTION_DAYS?: string;
  /** Leads one undo step handles (default 5,000; tests lower it to see many steps). */
  UNDO_STEP_ROWS?: string;
  /** Hours a multipart upload may sit idle (no part, no complete) before its parts are deleted. */
  UPLOAD_RETENTION_HOURS?: string;
  /** Bytes a workspace may hold in R2 (uploaded chunks, multipart parts, error reports). */
  WORKSPACE_STORAGE_QUOTA_BYTES?: string;
  /** Multipart upload creations allowed per workspace per minute. */
  UPLOAD_RATE_LIMIT_PER_MINUTE?: string;
  /** Multipart parts accepted per workspace per minute. */
  UPLOAD_PART_RATE_LIMIT_PER_MINUTE?: string;
  DEV_API_TOKEN?: string;
  /** Secret (≥ 32 characters) that signs the links in completion emails; `wrangler secret put LINK_SIGNING_KEY`. */
  LINK_SIGNING_KEY?: string;
}
