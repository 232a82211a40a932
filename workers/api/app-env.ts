/** Hono's environment type for the API: bindings and per-request variables. */
import type { Env } from '../env.ts';
import type { Principal } from '../auth/principal.ts';

export interface AppEnv {
  Bindings: Env;
  /** Set by `can()` (workers/api/middleware/can.ts): who asks, and the workspace they act in. */
  Variables: { workspaceId: string; principal?: Principal };
}
