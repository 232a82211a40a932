/** The audit log as CSV (GET /audit.csv), newest first, streamed page by page; cells neutralised against formula injection. */
import type { Env } from '../env.ts';
import { escapeCsvCell } from '../../src/lib/report/csv-cell.ts';
import { listAudit, type AuditFilter } from './list-audit.ts';

const HEADER = ['id', 'at', 'actor_type', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'details'];
const PAGE = 200;

export function auditCsv(env: Env, workspaceId: string, filter: AuditFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: number | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(HEADER.join(',') + '\r\n'));
      }
      const { items, nextCursor } = await listAudit(env, workspaceId, filter, PAGE, cursor);
      const lines = items.map((i) =>
        [i.id, i.at, i.actor.type, i.actor.id ?? '', i.actor.name ?? '', i.action, i.target?.type ?? '', i.target?.id ?? '', JSON.stringify(i.details)].map(escapeCsvCell).join(','),
      );
      if (lines.length) controller.enqueue(encoder.encode(lines.join('\r\n') + '\r\n'));
      if (nextCursor === null) controller.close();
      else cursor = Number(nextCursor);
    },
  });
}
