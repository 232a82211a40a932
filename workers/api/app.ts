/** The Hono API v1: routes, auth, errors. `AppType` gives the UI a typed RPC client. */
import { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { errorBody } from './errors.ts';
import { handleError } from './handle-error.ts';
import { requireToken } from './middleware/auth.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { health } from './routes/health.ts';
import { assistantRoutes } from './routes/assistants.ts';
import { callingRuleRoutes } from './routes/calling-rules.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { importRoutes, campaignImportRoutes } from './routes/imports.ts';
import { workspaceRoutes } from './routes/workspace.ts';
import { openApiDocument } from './openapi.ts';
import { linkRoutes } from './routes/links.ts';
import { suppressionRoutes } from './routes/suppressions.ts';
import { adminRoutes } from './routes/admin.ts';
import { campaignMappingRoutes, mappingRoutes } from './routes/mappings.ts';
import { existingLeadsRoutes } from './routes/existing-leads.ts';

const PUBLIC = new Set(['/api/v1/health', '/api/v1/openapi.json']);

export const app = new Hono<AppEnv>()
  .basePath('/api/v1')
  .use(securityHeaders)
  // Signed links carry their own authority (no token): mounted before the token check, which they never reach.
  .route('/links', linkRoutes)
  // Admin routes check ADMIN_TOKEN themselves; workspace tokens never reach them.
  .use(async (c, next) => (PUBLIC.has(c.req.path) || c.req.path.startsWith('/api/v1/admin/') ? next() : requireToken(c, next)))
  .route('/health', health)
  .get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)))
  .route('/assistants', assistantRoutes)
  .route('/campaigns', campaignRoutes)
  .route('/calling-rules', callingRuleRoutes)
  .route('/campaigns', campaignImportRoutes)
  .route('/campaigns', existingLeadsRoutes)
  .route('/imports', importRoutes)
  .route('/workspace', workspaceRoutes)
  // (Mounted at the root: it declares /suppressions and /suppressions.csv, which a /suppressions mount cannot.)
  .route('/', suppressionRoutes)
  .route('/admin', adminRoutes)
  .route('/campaigns', campaignMappingRoutes)
  .route('/mappings', mappingRoutes)
  .notFound((c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404))
  .onError(handleError);

export type AppType = typeof app;
