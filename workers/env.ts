/**
 * The Worker's bindings. Generated from wrangler.toml into worker-configuration.d.ts
 * (`npm run types:worker`; `npm run check` fails when it is stale), narrowed here where the
 * generated types are looser or stricter than what the code may rely on.
 */
import type { QueueMessage } from './queue/messages.ts';
import { LIMITS } from '../src/lib/limits.ts';
import { PACKED_MAX_BYTES } from '../src/lib/suppression/packed-list.ts';
import { RETENTION_ITEMS_PER_INVOCATION } from './retention/due.ts';

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
  /**
   * Sizes the pipeline cuts and counts by (defaults: LIMITS in src/lib/limits.ts). Not in
   * wrangler.toml: tests lower them so multi-chunk, inline-or-queued and row-limit paths run on
   * small files (test/worker/small-limits.ts).
   */
  CHUNK_ROWS?: string;
  CHUNK_BYTES?: string;
  INLINE_MAX_ROWS?: string;
  MAX_ROWS?: string;
  /** Rows per chunk of a suppression list import (default 25,000, 50,000 for a registry file). */
  LIST_CHUNK_ROWS?: string;
  /** How long an isolate trusts a cached workspace placement (default 5 s; a move waits it out after its flip). */
  PLACEMENT_CACHE_MS?: string;
  /** Bytes the packed suppression list sent to a browser may take (default 24 MiB; not in wrangler.toml: tests lower it to see the filter). */
  PACKED_LIST_MAX_BYTES?: string;
  /** Bytes of DB a workspace's list imports may take (default 4 MiB; not in wrangler.toml: tests lower it). */
  LIST_IMPORTS_DB_BYTES?: string;
  /** Items one retention invocation handles before queueing the rest (default 300; not in wrangler.toml: tests lower it). */
  RETENTION_ITEMS_PER_INVOCATION?: string;
  /** The leads pool (workers/leads): LEADS_0 … LEADS_{LEADS_SHARDS-1}, however many are declared. */
  [shard: `LEADS_${number}`]: D1Database | undefined;
}

/**
 * The Worker's numbers from its vars (wrangler.toml; tests override them per call), each with its
 * default and the least value that makes sense: a value missing, not a number or below that reads
 * as the default. Every numeric setting is read through `envNumber`, nowhere else.
 */
const NUMBERS = {
  /** How many LEADS_<n> bindings new workspaces may be placed on. */
  LEADS_SHARDS: { fallback: 1, min: 1, integer: true },
  CHUNK_RETENTION_DAYS: { fallback: 7, min: 0 },
  REPORT_RETENTION_DAYS: { fallback: 30, min: 0 },
  UPLOAD_RETENTION_HOURS: { fallback: 24, min: 0 },
  UNDO_RETENTION_DAYS: { fallback: 30, min: 0 },
  WORKSPACE_STORAGE_QUOTA_BYTES: { fallback: 5 * 1024 ** 3, min: 1 },
  IMPORT_RATE_LIMIT_PER_MINUTE: { fallback: 60, min: 1 },
  UPLOAD_RATE_LIMIT_PER_MINUTE: { fallback: 60, min: 1 },
  UPLOAD_PART_RATE_LIMIT_PER_MINUTE: { fallback: 600, min: 1 },
  UNDO_STEP_ROWS: { fallback: 5_000, min: 1, integer: true },
  /** Rows per chunk stored in R2 and named by one queue message. */
  CHUNK_ROWS: { fallback: LIMITS.chunkRows, min: 1, integer: true },
  /** Largest chunk (bytes of row JSON); files are cut to 90% of it. */
  CHUNK_BYTES: { fallback: LIMITS.maxChunkBytes, min: 1024, integer: true },
  /** Imports of at most this many rows finish inline. */
  INLINE_MAX_ROWS: { fallback: LIMITS.inlineMaxRows, min: 0, integer: true },
  /** Data rows a file may have. */
  MAX_ROWS: { fallback: LIMITS.maxRows, min: 1, integer: true },
  /** Rows per stored chunk of a suppression list (a registry file's default is larger: its caller names it). */
  LIST_CHUNK_ROWS: { fallback: 25_000, min: 1, integer: true },
  /** How long an isolate trusts a cached workspace placement; a move waits this (plus a second) after its flip. */
  PLACEMENT_CACHE_MS: { fallback: 5_000, min: 0, integer: true },
  /** How long (ms) an upload waits for the workbook reader's next frame. */
  WORKBOOK_READ_TIMEOUT_MS: { fallback: 120_000, min: Number.MIN_VALUE },
  /** Bytes the packed suppression list sent to a browser may take. */
  PACKED_LIST_MAX_BYTES: { fallback: PACKED_MAX_BYTES, min: 64, integer: true },
  /** Bytes of DB a workspace's list imports may take (workers/suppression/list-import/db-budget.ts). */
  LIST_IMPORTS_DB_BYTES: { fallback: 4 * 1024 * 1024, min: Number.MIN_VALUE },
  /** Items one retention invocation handles before it queues the rest. */
  RETENTION_ITEMS_PER_INVOCATION: { fallback: RETENTION_ITEMS_PER_INVOCATION, min: 1, integer: true },
  /** Webhook delivery logs and consumed outbox events are kept this long. */
  WEBHOOK_LOG_RETENTION_DAYS: { fallback: 30, min: 0 },
  // People (workers/auth/auth-config.ts): sign-in codes, sessions, invitations, the audit log.
  SIGNIN_CODE_TTL_MINUTES: { fallback: 10, min: Number.MIN_VALUE },
  SIGNIN_CODES_PER_ADDRESS_PER_HOUR: { fallback: 5, min: Number.MIN_VALUE },
  SIGNIN_CODES_PER_IP_PER_HOUR: { fallback: 20, min: Number.MIN_VALUE },
  SIGNIN_VERIFIES_PER_IP_PER_HOUR: { fallback: 60, min: Number.MIN_VALUE },
  SESSION_IDLE_MINUTES: { fallback: 720, min: Number.MIN_VALUE },
  SESSION_MAX_DAYS: { fallback: 7, min: Number.MIN_VALUE },
  INVITATION_TTL_DAYS: { fallback: 7, min: Number.MIN_VALUE },
  AUDIT_RETENTION_DAYS: { fallback: 730, min: Number.MIN_VALUE },
} satisfies Record<string, { fallback: number; min: number; integer?: boolean }>;

export type NumberSetting = keyof typeof NUMBERS & keyof Env;

/** `fallback` replaces the setting's default where the caller's case has its own (a registry file's list chunks). */
export function envNumber(env: Env, name: NumberSetting, fallback?: number): number {
  const spec: { fallback: number; min: number; integer?: boolean } = NUMBERS[name];
  const raw = env[name];
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  const value = spec.integer ? Math.floor(n) : n;
  return Number.isFinite(value) && value >= spec.min ? value : (fallback ?? spec.fallback);
}
