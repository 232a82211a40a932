/** The import resource: the workspace's imports, one import, cancelling it, and its downloads (error report, leads written). */
import { Hono } from 'hono';
import { ListImportsQuerySchema } from '../../../src/lib/schemas/api.ts';
import { query } from '../validate.ts';
import { currentView, findImport, listImports } from '../../imports/imports.ts';
import { cancelImport } from '../../imports/cancel-import.ts';
import { errorReport, importedLeads } from '../../imports/downloads.ts';
import { csvDownload } from './csv-download.ts';
import { actor, can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const importResourceRoutes = new Hono<AppEnv>()
  .get('/', can('imports.read'), query(ListImportsQuerySchema), async (c) => c.json({ items: await listImports(c.env, c.get('workspaceId'), c.req.valid('query')) }))
  .get('/:id', can('imports.read'), async (c) => c.json(await currentView(c.env, await findImport(c.env, c.get('workspaceId'), c.req.param('id')))))
  .delete('/:id', can('imports.write'), async (c) => c.json(await cancelImport(c.env, c.get('workspaceId'), c.req.param('id'), actor(c))))
  .get('/:id/errors.csv', can('imports.read'), async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    return csvDownload(await errorReport(c.env, row), row.fileName, 'errors');
  })
  .get('/:id/leads.csv', can('imports.read'), async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    return csvDownload(await importedLeads(c.env, row), row.fileName, 'leads');
  });
