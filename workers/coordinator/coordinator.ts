/** The Durable Object stub of one import. */
import type { Env } from '../env.ts';

export function coordinator(env: Env, importId: string) {
  return env.IMPORTS.get(env.IMPORTS.idFromName(importId));
}
