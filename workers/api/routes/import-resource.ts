/** The import resource: the workspace's imports, one import, cancelling it, and its downloads (error report, leads written). */
import { Hono } from 'hono';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../../db/client.ts';
import { imports } from '../../db/schema.ts';
import { ListImportsQuerySchema } from '../../../src/lib/schemas/api.ts';
import { query } from '../validate.ts';
import { ApiError } from '../errors.ts';
import { assertReportKept } from '../../retention/retention.ts';
import { campaignWithAssistant } from './campaigns.ts';
import { coordinator } from '../../coordinator/coordinator.ts';
import { isRunning } from '../../../src/lib/import-view.ts';
import { keys } from '../../chunk/keys.ts';
import { leadsCsv } from '../../export/leads-csv.ts';
import { currentView, findImport, rowToView } from './import-row.ts';
import { csvDownload } from './csv-download.ts';
import { actor, can } from '../middleware/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { AppEnv } from '../app-env.ts';

export const importResourceRoutes = new Hono<AppEnv>()
  .get('/', can('imports.read'), query(ListImportsQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const workspaceId = c.get('workspaceId');
    const where = q.campaignId
      ? and(eq(imports.workspaceId, workspaceId), eq(imports.campaignId, q.campaignId))
      : eq(imports.workspaceId, workspaceId);
    const rows = await db(c.env.DB).select().from(imports).where(where).orderBy(desc(imports.createdAt)).limit(q.limit).all();
    return c.json({ items: rows.map(rowToView) });
  })
  .get('/:id', can('imports.read'), async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    return c.json(await currentView(c.env, row));
  })
  .delete('/:id', can('imports.write'), async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    if (!isRunning(row.status)) throw new ApiError(409, 'IMPORT_FINISHED', `The import has already ended (${row.status}).`);
    const { view, cancelled } = await coordinator(c.env, row.id).cancel();
    if (!cancelled) throw new ApiError(409, 'IMPORT_FINISHED', `The import has already ended (${view.status}).`);
    await recordAudit(c.env, { workspaceId: row.workspaceId, actor: actor(c), action: 'import.cancelled', target: { type: 'import', id: row.id }, details: { fileName: row.fileName } });
    return c.json(view);
  })
  .get('/:id/errors.csv', can('imports.read'), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    assertReportKept(c.env, row);
    const object = await c.env.UPLOADS.get(keys.report(workspaceId, row.id));
    if (!object) throw new ApiError(404, 'REPORT_NOT_READY', isRunning(row.status) ? 'The error report is written when the import ends.' : 'This import has no error report.');
    return csvDownload(object.body, row.fileName, 'errors');
  })
  .get('/:id/leads.csv', can('imports.read'), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    const { assistant } = await campaignWithAssistant(c.env.DB, workspaceId, row.campaignId);
    const body = leadsCsv(c.env, workspaceId, row.campaignId, row.id, { variables: assistant.variables, secondaryVariables: assistant.secondaryVariables });
    return csvDownload(body, row.fileName, 'leads');
  });
