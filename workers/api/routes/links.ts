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
import { verifyLink } from '../../links/verify.ts';
import { linkSecret, LINK_SECRET_PROBLEM } from '../../links/secret.ts';
import { signedQuery, type LinkKind } from '../../links/sign.ts';
import { linkPath } from '../../links/urls.ts';
import type { AppEnv } from '../app-env.ts';

type ImportRow = typeof imports.$inferSelect;

/** The import a signed link names, once its signature and expiry are checked (403), or 404. */
async function linkedImport(c: Context<AppEnv>, kind: LinkKind): Promise<{ row: ImportRow; secret: string; exp: number }> {
  const secret = linkSecret(c.env);
  if (!secret) {
    console.error(LINK_SECRET_PROBLEM);
    throw new ApiError(500, 'LINK_SIGNING_KEY_MISSING', 'Links cannot be checked: the server has no link-signing key configured. Please tell the administrator.');
  }
  const id = c.req.param('id') ?? '';
  const check = await verifyLink(secret, kind, id, c.req.query('exp'), c.req.query('sig'));
  if (!check.ok) throw new ApiError(403, check.code, check.message);
  const row = await db(c.env.DB).select().from(imports).where(eq(imports.id, id)).get();
  if (!row) throw notFound('Import');
  return { row, secret, exp: check.exp };
}

export const linkRoutes = new Hono<AppEnv>()
  /** The import page's data: the import resource, its campaign's name, and signed download links expiring with the page link. */
  .get('/imports/:id', async (c) => {
    const { row, secret, exp } = await linkedImport(c, 'page');
    const view = isRunning(row.status) ? await coordinator(c.env, row.id).view() : rowToView(row);
    const campaign = await c.env.DB.prepare('SELECT name FROM campaigns WHERE id = ?1 AND workspace_id = ?2')
      .bind(row.campaignId, row.workspaceId)
      .first<{ name: string }>();
    const [report, leads] = await Promise.all(
      (['errors', 'leads'] as const).map(async (kind) => linkPath(kind, row.id, await signedQuery(secret, kind, row.id, { exp }))),
    );
    return c.json({ ...view, campaignName: campaign?.name ?? null, links: { report: report!, leads: leads!, expiresAt: new Date(exp * 1000).toISOString() } });
  })
  .get('/imports/:id/errors.csv', async (c) => {
    const { row } = await linkedImport(c, 'errors');
    const object = await c.env.UPLOADS.get(keys.report(row.workspaceId, row.id));
    if (!object) throw new ApiError(404, 'REPORT_NOT_READY', isRunning(row.status) ? 'The error report is written when the import ends.' : 'This import has no error report.');
    return csvDownload(object.body, row.fileName, 'errors');
  })
  .get('/imports/:id/leads.csv', async (c) => {
    const { row } = await linkedImport(c, 'leads');
    const { assistant } = await campaignWithAssistant(c.env.DB, row.workspaceId, row.campaignId);
    return csvDownload(leadsCsv(c.env, row.workspaceId, row.campaignId, row.id, { variables: assistant.variables, secondaryVariables: assistant.secondaryVariables }), row.fileName, 'leads');
  });
