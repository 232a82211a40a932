/**
 * The OpenAPI 3.1 document, generated from the same valibot schemas that validate requests. Its
 * paths live by area in workers/api/openapi/ (and the suppression list's in workers/suppression).
 */
import { suppressionPaths } from '../suppression/openapi-paths.ts';
import { components } from './openapi/components.ts';
import { workspacePaths } from './openapi/workspace-paths.ts';
import { campaignPaths } from './openapi/campaign-paths.ts';
import { importPaths } from './openapi/import-paths.ts';
import { adminPaths } from './openapi/admin-paths.ts';
import { webhookPaths } from './openapi/webhook-paths.ts';
import { peoplePaths } from './openapi/people-paths.ts';

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lead import API',
      version: '1.0.0',
      description:
        'Import leads (people to call) into calling campaigns from CSV and Excel files. Every row is validated; bad rows come back in an error report that re-imports as it is. Scripts send an API token (`Authorization: Bearer`); people sign in with a code by email and a session cookie. Every route needs a role (viewer < member < admin < owner); a refusal is 403 FORBIDDEN naming the missing one.',
    },
    servers: [{ url: `${origin}/api/v1` }],
    components,
    paths: { ...suppressionPaths, ...workspacePaths, ...campaignPaths, ...importPaths, ...webhookPaths, ...adminPaths, ...peoplePaths },
  };
}
