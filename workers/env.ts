/**
 * The Worker's bindings. Generated from wrangler.toml into worker-configuration.d.ts
 * (`npm run types:worker`; `npm run check` fails when it is stale), narrowed here where the
 * generated types are looser or stricter than what the code may rely on.
 */
import type { QueueMessage } from './queue/messages.ts';
import { LIMITS } from '../src/lib/limits.ts';

/** Bindings that may be missing at run time: secrets (.dev.vars locally), the optional outbound email, the static assets, shards past the first. */
type MaybeAbsent = 'ADMIN_TOKEN' | 'DEV_API_TOKEN' | 'LINK_SIGNING_KEY' | 'EMAIL' | 'ASSETS' | 'LEADS_1';

export interface Env extends Omit<GeneratedEnv, MaybeAbsent | 'IMPORT_QUEUE'>, Partial<Pick<GeneratedEnv, MaybeAbsent>> {
  /** The queue carries chunk messages only (workers/queue/messages.ts). */
  IMPORT_QUEUE: Queue<QueueMessage>;
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
  LIST_CHUNK_ROWS?: string;
  /** How long an isolate trusts a cached workspace placement (default 5 s; a move waits it out after its flip). */
  PLACEMENT_CACHE_MS?: string;
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
  /** Rows per chunk of a suppression list imported in the background. */
  LIST_CHUNK_ROWS: { fallback: 25_000, min: 1, integer: true },
  /** How long an isolate trusts a cached workspace placement; a move waits this (plus a second) after its flip. */
  PLACEMENT_CACHE_MS: { fallback: 5_000, min: 0, integer: true },
} satisfies Record<string, { fallback: number; min: number; integer?: boolean }>;

export type NumberSetting = keyof typeof NUMBERS & keyof Env;

export function envNumber(env: Env, name: NumberSetting): number {
  const spec: { fallback: number; min: number; integer?: boolean } = NUMBERS[name];
  const raw = env[name];
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  const value = spec.integer ? Math.floor(n) : n;
  return Number.isFinite(value) && value >= spec.min ? value : spec.fallback;
}
