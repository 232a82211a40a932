/**
 * Imports: the headless upload (raw file in, import out, mounted under /campaigns), and under
 * /imports the browser's chunked upload, the import resource with its downloads, live progress and undo.
 */
import { Hono } from 'hono';
import { browserUploadRoutes } from './browser-upload.ts';
import { importResourceRoutes } from './import-resource.ts';
import { importSocketRoutes } from './import-socket.ts';
import { undoRoutes } from './undo-routes.ts';
import type { AppEnv } from '../app-env.ts';

export { headlessUploadRoutes as campaignImportRoutes } from './headless-upload.ts';

export const importRoutes = new Hono<AppEnv>()
  .route('/', importResourceRoutes)
  .route('/', browserUploadRoutes)
  .route('/', importSocketRoutes)
  .route('/', undoRoutes);
