/** The link-signing secret from the environment, or null when it is missing or too short to be safe. */
import type { Env } from '../env.ts';
import { MIN_SECRET_LENGTH } from './sign.ts';

export function linkSecret(env: Pick<Env, 'LINK_SIGNING_KEY'>): string | null {
  const secret = env.LINK_SIGNING_KEY?.trim();
  return secret && secret.length >= MIN_SECRET_LENGTH ? secret : null;
}

export const LINK_SECRET_PROBLEM = `LINK_SIGNING_KEY is not set (or is shorter than ${MIN_SECRET_LENGTH} characters): set it in .dev.vars locally, or with \`wrangler secret put LINK_SIGNING_KEY\` when deployed.`;
