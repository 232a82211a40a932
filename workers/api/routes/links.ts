/**
 * Signed links, opened without an API token (mounted before the auth middleware): an import's
 * view for the SPA page, its error report and its imported leads. The signature (see
 * workers/links) names the import and the kind of resource; nothing else is served. The handlers
 * are the import resource's (workers/imports), so a link answers what the token route answers
 * (410 REPORT_EXPIRED included).
 */
import { Hono, type Context } from 'hono';
import { ApiError } from '../errors.ts';
import { currentView, findLinkedImport, type ImportRow } from '../../imports/imports.ts';
import { errorReport, importedLeads } from '../../imports/downloads.ts';
import { campaignName } from '../../campaigns/campaigns.ts';
import { csvDownload } from './csv-download.ts';
import { verifyLink } from '../../links/verify.ts';
import { linkSecret, LINK_SECRET_PROBLEM } from '../../links/secret.ts';
import { signedQuery, type LinkKind } from '../../links/sign.ts';
import { linkPath } from '../../links/urls.ts';
import type { AppEnv } from '../app-env.ts';

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
  return { row: await findLinkedImport(c.env, id), secret, exp: check.exp };
}

export const linkRoutes = new Hono<AppEnv>()
  /** The import page's data: the import resource, its campaign's name, and signed download links expiring with the page link. */
  .get('/imports/:id', async (c) => {
    const { row, secret, exp } = await linkedImport(c, 'page');
    const [view, name, report, leads] = await Promise.all([
      currentView(c.env, row),
      campaignName(c.env, row.workspaceId, row.campaignId),
      ...(['errors', 'leads'] as const).map(async (kind) => linkPath(kind, row.id, await signedQuery(secret, kind, row.id, { exp }))),
    ]);
    return c.json({ ...view, campaignName: name, links: { report: report as string, leads: leads as string, expiresAt: new Date(exp * 1000).toISOString() } });
  })
  .get('/imports/:id/errors.csv', async (c) => {
    const { row } = await linkedImport(c, 'errors');
    return csvDownload(await errorReport(c.env, row), row.fileName, 'errors');
  })
  .get('/imports/:id/leads.csv', async (c) => {
    const { row } = await linkedImport(c, 'leads');
    return csvDownload(await importedLeads(c.env, row), row.fileName, 'leads');
  });
