/** Lifetimes and limits of sign-in, sessions, invitations and the audit log, from wrangler.toml vars (defaults here). */
import { envNumber, type Env } from '../env.ts';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export function authConfig(env: Env) {
  return {
    /** A sign-in code works this long, and for this many tries in all. */
    codeTtlMs: envNumber(env, 'SIGNIN_CODE_TTL_MINUTES') * MINUTE_MS,
    codeMaxAttempts: 5,
    /** Codes one address may be sent, and one IP may ask for, per hour; code checks one IP may make per hour. */
    codesPerAddressPerHour: envNumber(env, 'SIGNIN_CODES_PER_ADDRESS_PER_HOUR'),
    codesPerIpPerHour: envNumber(env, 'SIGNIN_CODES_PER_IP_PER_HOUR'),
    verifiesPerIpPerHour: envNumber(env, 'SIGNIN_VERIFIES_PER_IP_PER_HOUR'),
    /** A session ends after this long unused (idle), and this long after sign-in whatever happens (absolute). */
    sessionIdleMs: envNumber(env, 'SESSION_IDLE_MINUTES') * MINUTE_MS,
    sessionMaxMs: envNumber(env, 'SESSION_MAX_DAYS') * DAY_MS,
    invitationTtlMs: envNumber(env, 'INVITATION_TTL_DAYS') * DAY_MS,
    auditRetentionMs: envNumber(env, 'AUDIT_RETENTION_DAYS') * DAY_MS,
  };
}

/** How stale `last_seen_at` / `last_used_at` may be before a request writes it again (one write a minute at most). */
export const TOUCH_AFTER_MS = MINUTE_MS;
