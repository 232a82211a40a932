/** The Worker's bindings, as declared in wrangler.toml. */
import type { ImportCoordinator } from './progress/import-coordinator.ts';
import type { ChunkMessage } from './queue/messages.ts';

export interface Env {
  DB: D1Database;
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
  DEV_API_TOKEN?: string;
  /** Secret (≥ 32 characters) that signs the links in completion emails; `wrangler secret put LINK_SIGNING_KEY`. */
  LINK_SIGNING_KEY?: string;
  /** "1" mounts the benchmark-only routes (npm run bench starts wrangler dev with it). */
  BENCH_ROUTES?: string;
}
