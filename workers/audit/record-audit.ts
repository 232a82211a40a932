/**
 * Writing the audit log: `auditStatement` builds the INSERT to put in the same D1 batch as the change
 * it records (one transaction: both or neither), `recordAudit` writes it alone (for changes stored
 * outside `DB`, such as the suppression list on a leads shard, which no transaction can span).
 * Details never hold a secret, nor a phone number except `suppression.removed`'s target.
 *
 *   await env.DB.batch([change, auditStatement(env.DB, { workspaceId, actor: actor(c), action: 'campaign.created', target: { type: 'campaign', id } })]);
 *   await d.batch([d.insert(campaigns).values(row), auditQuery(d, entry)]);   // the same with drizzle
 */
import type { Env } from '../env.ts';
import type { Actor } from '../auth/principal.ts';
import type { AuditAction } from './actions.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export interface AuditEntry {
  workspaceId: string;
  actor: Actor;
  action: AuditAction;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
}

const INSERT = `INSERT INTO audit_log (workspace_id, at, actor_type, actor_id, actor_name, action, target_type, target_id, details)`;

function values(entry: AuditEntry, at: string) {
  return [
    entry.workspaceId,
    at,
    entry.actor.type,
    entry.actor.id,
    entry.actor.name,
    entry.action,
    entry.target?.type ?? null,
    entry.target?.id ?? null,
    JSON.stringify(entry.details ?? {}),
  ];
}

/**
 * The INSERT of one entry, for a batch. With `ifChanged`, it is written only when the statement
 * just before it in the batch changed a row (an UPDATE whose guard refused writes no entry).
 */
export function auditStatement(d1: D1Database, entry: AuditEntry, opts: { ifChanged?: boolean; at?: string } = {}): D1PreparedStatement {
  const at = opts.at ?? new Date().toISOString();
  if (opts.ifChanged) {
    return d1.prepare(`${INSERT} SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE changes() > 0`).bind(...values(entry, at));
  }
  return d1.prepare(`${INSERT} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`).bind(...values(entry, at));
}

/** The same INSERT as a drizzle query, for a drizzle `batch()`. */
export function auditQuery(d: Db, entry: AuditEntry, at = new Date().toISOString()) {
  return d.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    at,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    details: entry.details ?? {},
  });
}

/** Writes one entry on its own. */
export async function recordAudit(env: Pick<Env, 'DB'>, entry: AuditEntry): Promise<void> {
  await auditStatement(env.DB, entry).run();
}
