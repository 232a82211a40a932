/** Reading the audit log: newest first, by action, actor and time range, in pages with a cursor (the entry's sequence number). */
import type { Env } from '../env.ts';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  /** ISO instants: entries at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

export interface AuditItem {
  id: string;
  at: string;
  actor: { type: string; id: string | null; name: string | null };
  action: string;
  target: { type: string; id: string } | null;
  details: Record<string, unknown>;
}

interface Row {
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
}

const toItem = (r: Row): AuditItem => ({
  id: `aud_${r.seq}`,
  at: r.at,
  actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
  action: r.action,
  target: r.target_type && r.target_id ? { type: r.target_type, id: r.target_id } : null,
  details: JSON.parse(r.details) as Record<string, unknown>,
});

export async function listAudit(env: Env, workspaceId: string, filter: AuditFilter, limit: number, before?: number): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const where = ['workspace_id = ?1'];
  const params: unknown[] = [workspaceId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `?${params.length}`));
  };
  if (before !== undefined) add('seq < ?', before);
  if (filter.action) add('action = ?', filter.action);
  if (filter.actorId) add('actor_id = ?', filter.actorId);
  if (filter.from) add('at >= ?', new Date(filter.from).toISOString());
  if (filter.to) add('at < ?', new Date(filter.to).toISOString());
  params.push(limit + 1);
  const { results } = await env.DB.prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?${params.length}`)
    .bind(...params)
    .all<Row>();
  const page = results.slice(0, limit);
  return { items: page.map(toItem), nextCursor: results.length > limit ? String(page.at(-1)!.seq) : null };
}
