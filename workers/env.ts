/**
 * The Worker's bindings. Generated from wrangler.toml into worker-configuration.d.ts
 * (`npm run types:worker`; `npm run check` fails when it is stale), narrowed here where the
 * generated types are looser or stricter than what the code may rely on.
 */
import type { QueueMessage } from './queue/messages.ts';

/** Bindings that may be missing at run time: secrets, APP_URL and local-only switches (.dev.vars locally), the optional outbound email, the static assets, shards past the first. */
type MaybeAbsent = 'ADMIN_TOKEN' | 'DEV_API_TOKEN' | 'LINK_SIGNING_KEY' | 'WEBHOOK_ALLOW_PRIVATE' | 'APP_URL' | 'EMAIL' | 'ASSETS' | 'LEADS_1';

export interface Env extends Omit<GeneratedEnv, MaybeAbsent | 'IMPORT_QUEUE' | 'EVENT_QUEUE'>, Partial<Pick<GeneratedEnv, MaybeAbsent>> {
  /** The queue carries chunk messages only (workers/queue/messages.ts). */
  IMPORT_QUEUE: Queue<QueueMessage>;
  /** How long (ms) an upload waits for the workbook reader's next frame (default 120,000; not in wrangler.toml: tests lower it). */
  WORKBOOK_READ_TIMEOUT_MS?: string;
  /** Outbox events and webhook attempts (kinds `event` and `webhook`). */
  EVENT_QUEUE: Queue<QueueMessage>;
  /** Leads one undo step handles (default 5,000; not in wrangler.toml: tests lower it to see many steps). */
  UNDO_STEP_ROWS?: string;
  /** Rows per chunk of a suppression list import (default 25,000, 50,000 for a registry file; not in wrangler.toml: tests lower it). */
  LIST_CHUNK_ROWS?: string;
  /** Bytes the packed suppression list sent to a browser may take (default 24 MiB; not in wrangler.toml: tests lower it to see the filter). */
  PACKED_LIST_MAX_BYTES?: string;
  /** Bytes of DB a workspace's list imports may take (default 4 MiB; not in wrangler.toml: tests lower it). */
  LIST_IMPORTS_DB_BYTES?: string;
  /** Items one retention invocation handles before queueing the rest (default 300; not in wrangler.toml: tests lower it). */
  RETENTION_ITEMS_PER_INVOCATION?: string;
  /** The leads pool (workers/leads): LEADS_0 … LEADS_{LEADS_SHARDS-1}, however many are declared. */
  [shard: `LEADS_${number}`]: D1Database | undefined;
}
