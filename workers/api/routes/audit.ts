/** The workspace's audit log: `GET /audit` (pages, newest first) and `GET /audit.csv`, with the same filters. */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { can } from '../middleware/can.ts';
import { query } from '../validate.ts';
import { AuditQuerySchema } from '../../../src/lib/schemas/people.ts';
import { listAudit } from '../../audit/list-audit.ts';
import { auditCsv } from '../../audit/audit-csv.ts';

export const auditRoutes = new Hono<AppEnv>()
  .get('/audit', can('audit.read'), query(AuditQuerySchema), async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    return c.json(await listAudit(c.env, c.get('workspaceId'), filter, limit, cursor === undefined ? undefined : Number(cursor)));
  })
  .get('/audit.csv', can('audit.read'), query(AuditQuerySchema), async (c) => {
    const { limit: _limit, cursor: _cursor, ...filter } = c.req.valid('query');
    return new Response(auditCsv(c.env, c.get('workspaceId'), filter), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="audit.csv"', 'Cache-Control': 'no-store' },
    });
  });
