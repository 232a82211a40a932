/**
 * Signed links, opened without an API token (`can('links.import')` checks the signature): an import's
 * view for the SPA page, its error report and its imported leads. The signature (see
 * workers/links) names the import and the kind of resource; nothing else is served. The handlers
 * are the import resource's (workers/imports), so a link answers what the token route answers
 * (410 REPORT_EXPIRED included).
 */
import { Hono, type Context } from 'hono';
import { currentView, findLinkedImport, type ImportRow } from '../../imports/imports.ts';
import { errorReport, importedLeads } from '../../imports/downloads.ts';
import { campaignName } from '../../campaigns/campaigns.ts';
import { csvDownload } from './csv-download.ts';
import { linkSecret } from '../../links/secret.ts';
import type { Principal } from '../../auth/principal.ts';
import { signedQuery } from '../../links/sign.ts';
import { linkPath } from '../../links/urls.ts';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

/** The import the request's signed link names (its signature and expiry checked by `can('links.import')`), or 404. */
async function linkedImport(c: Context<AppEnv>): Promise<{ row: ImportRow; secret: string; exp: number }> {
  const link = c.get('principal') as Principal & { kind: 'link' };
  return { row: await findLinkedImport(c.env, link.importId), secret: linkSecret(c.env)!, exp: link.exp };
}

export const linkRoutes = new Hono<AppEnv>()
  /** The import page's data: the import resource, its campaign's name, and signed download links expiring with the page link. */
  .get('/imports/:id', can('links.import'), async (c) => {
    const { row, secret, exp } = await linkedImport(c);
    const [view, name, report, leads] = await Promise.all([
      currentView(c.env, row),
      campaignName(c.env, row.workspaceId, row.campaignId),
      ...(['errors', 'leads'] as const).map(async (kind) => linkPath(kind, row.id, await signedQuery(secret, kind, row.id, { exp }))),
    ]);
    return c.json({ ...view, campaignName: name, links: { report: report as string, leads: leads as string, expiresAt: new Date(exp * 1000).toISOString() } });
  })
  .get('/imports/:id/errors.csv', can('links.import'), async (c) => {
    const { row } = await linkedImport(c);
    return csvDownload(await errorReport(c.env, row), row.fileName, 'errors');
  })
  .get('/imports/:id/leads.csv', can('links.import'), async (c) => {
    const { row } = await linkedImport(c);
    return csvDownload(await importedLeads(c.env, row), row.fileName, 'leads');
  });
