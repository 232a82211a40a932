/**
 * Retention of the audit log: entries older than AUDIT_RETENTION_DAYS (default 730, two years) are
 * deleted by the hourly run, in slices of 5,000 so a backlog never makes one run too long.
 */
import type { Env } from '../env.ts';
import { authConfig } from '../auth/auth-config.ts';

const SLICE = 5_000;
const MAX_SLICES = 20;

export async function pruneAudit(env: Env, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - authConfig(env).auditRetentionMs).toISOString();
  let deleted = 0;
  for (let i = 0; i < MAX_SLICES; i++) {
    const { meta } = await env.DB.prepare('DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log WHERE at < ?1 ORDER BY at LIMIT ?2)').bind(cutoff, SLICE).run();
    deleted += meta.changes;
    if (meta.changes < SLICE) break;
  }
  return deleted;
}
