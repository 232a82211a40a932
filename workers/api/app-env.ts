/** Hono's environment type for the API: bindings and per-request variables. */
import type { Env } from '../env.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: { workspaceId: string };
}
