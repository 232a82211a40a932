/**
 * Signed links, opened without an API token (mounted before the auth middleware): an import's
 * view for the SPA page, its error report and its imported leads. The signature (see
 * workers/links) names the import and the kind of resource; nothing else is served.
 */
import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { db } from '../../db/client.ts';
import { imports } from '../../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { coordinator } from '../../coordinator/coordinator.ts';
import { isRunning } from '../../../src/lib/import-view.ts';
import { keys } from '../../chunk/keys.ts';
import { leadsCsv } from '../../export/leads-csv.ts';
import { campaignWithAssistant } from './campaigns.ts';
import { rowToView } from './import-row.ts';
import { csvDownload } from './csv-download.ts';
import { linkSecret } from '../../links/secret.ts';
import type { Principal } from '../../auth/principal.ts';
import { signedQuery } from '../../links/sign.ts';
import { linkPath } from '../../links/urls.ts';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

type ImportRow = typeof imports.$inferSelect;

/** The import the request's signed link names (checked by `can('links.import')`), or 404. */
async function linkedImport(c: Context<AppEnv>): Promise<{ row: ImportRow; secret: string; exp: number }> {
  const link = c.get('principal') as Principal & { kind: 'link' };
  const row = await db(c.env.DB).select().from(imports).where(eq(imports.id, link.importId)).get();
  if (!row) throw notFound('Import');
  return { row, secret: linkSecret(c.env)!, exp: link.exp };
}

export const linkRoutes = new Hono<AppEnv>()
  /** The import page's data: the import resource, its campaign's name, and signed download links expiring with the page link. */
  .get('/imports/:id', can('links.import'), async (c) => {
    const { row, secret, exp } = await linkedImport(c);
    const view = isRunning(row.status) ? await coordinator(c.env, row.id).view() : rowToView(row);
    const campaign = await c.env.DB.prepare('SELECT name FROM campaigns WHERE id = ?1 AND workspace_id = ?2')
      .bind(row.campaignId, row.workspaceId)
      .first<{ name: string }>();
    const [report, leads] = await Promise.all(
      (['errors', 'leads'] as const).map(async (kind) => linkPath(kind, row.id, await signedQuery(secret, kind, row.id, { exp }))),
    );
    return c.json({ ...view, campaignName: campaign?.name ?? null, links: { report: report!, leads: leads!, expiresAt: new Date(exp * 1000).toISOString() } });
  })
  .get('/imports/:id/errors.csv', can('links.import'), async (c) => {
    const { row } = await linkedImport(c);
    const object = await c.env.UPLOADS.get(keys.report(row.workspaceId, row.id));
    if (!object) throw new ApiError(404, 'REPORT_NOT_READY', isRunning(row.status) ? 'The error report is written when the import ends.' : 'This import has no error report.');
    return csvDownload(object.body, row.fileName, 'errors');
  })
  .get('/imports/:id/leads.csv', can('links.import'), async (c) => {
    const { row } = await linkedImport(c);
    const { assistant } = await campaignWithAssistant(c.env.DB, row.workspaceId, row.campaignId);
    return csvDownload(leadsCsv(c.env, row.workspaceId, row.campaignId, row.id, { variables: assistant.variables, secondaryVariables: assistant.secondaryVariables }), row.fileName, 'leads');
  });
