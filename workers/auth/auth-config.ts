/** Lifetimes and limits of sign-in, sessions, invitations and the audit log, from wrangler.toml vars (defaults here). */
import type { Env } from '../env.ts';

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export function authConfig(env: Env) {
  return {
    /** A sign-in code works this long, and for this many tries in all. */
    codeTtlMs: num(env.SIGNIN_CODE_TTL_MINUTES, 10) * MINUTE_MS,
    codeMaxAttempts: 5,
    /** Codes one address may be sent, and one IP may ask for, per hour; code checks one IP may make per hour. */
    codesPerAddressPerHour: num(env.SIGNIN_CODES_PER_ADDRESS_PER_HOUR, 5),
    codesPerIpPerHour: num(env.SIGNIN_CODES_PER_IP_PER_HOUR, 20),
    verifiesPerIpPerHour: num(env.SIGNIN_VERIFIES_PER_IP_PER_HOUR, 60),
    /** A session ends after this long unused (idle), and this long after sign-in whatever happens (absolute). */
    sessionIdleMs: num(env.SESSION_IDLE_MINUTES, 720) * MINUTE_MS,
    sessionMaxMs: num(env.SESSION_MAX_DAYS, 7) * DAY_MS,
    invitationTtlMs: num(env.INVITATION_TTL_DAYS, 7) * DAY_MS,
    auditRetentionMs: num(env.AUDIT_RETENTION_DAYS, 730) * DAY_MS,
  };
}

/** How stale `last_seen_at` / `last_used_at` may be before a request writes it again (one write a minute at most). */
export const TOUCH_AFTER_MS = MINUTE_MS;
