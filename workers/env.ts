/**
 * The Worker's bindings. Generated from wrangler.toml into worker-configuration.d.ts
 * (`npm run types:worker`; `npm run check` fails when it is stale), narrowed here where the
 * generated types are looser or stricter than what the code may rely on.
 */
import type { QueueMessage } from './queue/messages.ts';

/** Bindings that may be missing at run time: secrets and APP_URL (.dev.vars locally), the optional outbound email, the static assets, shards past the first. */
type MaybeAbsent = 'ADMIN_TOKEN' | 'DEV_API_TOKEN' | 'LINK_SIGNING_KEY' | 'APP_URL' | 'EMAIL' | 'ASSETS' | 'LEADS_1';

export interface Env extends Omit<GeneratedEnv, MaybeAbsent | 'IMPORT_QUEUE'>, Partial<Pick<GeneratedEnv, MaybeAbsent>> {
  /** The queue carries chunk messages only (workers/queue/messages.ts). */
  IMPORT_QUEUE: Queue<QueueMessage>;
  /** Leads one undo step handles (default 5,000; not in wrangler.toml: tests lower it to see many steps). */
  UNDO_STEP_ROWS?: string;
  /** Bytes of DB a workspace's list imports may take (default 4 MiB; not in wrangler.toml: tests lower it). */
  LIST_IMPORTS_DB_BYTES?: string;
  /** Items one retention invocation handles before queueing the rest (default 300; not in wrangler.toml: tests lower it). */
  RETENTION_ITEMS_PER_INVOCATION?: string;
  /** The leads pool (workers/leads): LEADS_0 … LEADS_{LEADS_SHARDS-1}, however many are declared. */
  [shard: `LEADS_${number}`]: D1Database | undefined;
}
