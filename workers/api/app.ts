/** The Hono API v1: routes, auth, errors. `AppType` gives the UI a typed RPC client. */
import { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { errorBody } from './errors.ts';
import { handleError } from './handle-error.ts';
import { can } from './middleware/can.ts';
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
import { webhookRoutes } from './routes/webhooks.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { memberRoutes } from './routes/members.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { auditRoutes } from './routes/audit.ts';

export const app = new Hono<AppEnv>()
  .basePath('/api/v1')
  .use(securityHeaders)
  // Every route names its permission with can() (middleware/can.ts): a person, a token, a signed link
  // or the operator is resolved there and the permission table (auth/permissions.ts) decides.
  .route('/links', linkRoutes)
  .route('/health', health)
  .get('/openapi.json', can('public'), (c) => c.json(openApiDocument(new URL(c.req.url).origin)))
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
  .route('/webhooks', webhookRoutes)
  .route('/', signInRoutes)
  .route('/', memberRoutes)
  .route('/tokens', tokenRoutes)
  .route('/', auditRoutes)
  .notFound((c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404))
  .onError(handleError);

export type AppType = typeof app;
