/** POST /campaigns/{id}/imports: the headless path (the body is the file), and the multipart upload for files past one request's body limit. */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { CreateImportQuerySchema, NotifyEmailSchema } from '../../../src/lib/schemas/api.ts';
import { jsonBody, query } from '../validate.ts';
import { ApiError } from '../errors.ts';
import { FileReadError } from '../../../src/lib/parse/errors.ts';
import { FILE_ERRORS } from '../../../src/lib/validate/file-messages.ts';
import { encodingParam } from '../encoding-param.ts';
import { limitImportCreation } from '../../limits/rate-limit.ts';
import { campaignWithAssistant } from '../../campaigns/campaigns.ts';
import { admitUpload } from '../../intake/admit-upload.ts';
import { requireAllowedNotifyEmail } from '../../notify/allow-list.ts';
import { importFile } from '../../import/import-file.ts';
import { createMultipart, uploadPart, completeMultipart, CompleteUploadSchema, MULTIPART } from '../../chunk/multipart.ts';
import { actor, can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

/**
 * The completion email's address on the raw-file routes: the `X-Notify-Email` header (kept out of
 * URLs, which proxies and logs keep) or the `notifyEmail` query parameter; it must be allowed.
 */
async function notifyEmailOf(c: Context<AppEnv>, fromQuery: string | undefined): Promise<string | undefined> {
  const header = c.req.header('x-notify-email');
  let email = fromQuery;
  if (header !== undefined) {
    const parsed = v.safeParse(NotifyEmailSchema, header);
    if (!parsed.success) throw new ApiError(400, 'VALIDATION_FAILED', `X-Notify-Email: ${parsed.issues[0].message}`);
    if (fromQuery !== undefined && fromQuery.toLowerCase() !== parsed.output.toLowerCase()) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'X-Notify-Email and the notifyEmail parameter name different addresses; send one.');
    }
    email = parsed.output;
  }
  await requireAllowedNotifyEmail(c.env, c.get('workspaceId'), email);
  return email;
}

export const headlessUploadRoutes = new Hono<AppEnv>()
  .post('/:id/imports', can('imports.write'), query(CreateImportQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const q = c.req.valid('query');
    const target = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    // An unknown encoding= is refused before anything is counted or read.
    const encoding = encodingParam(q.encoding);
    const notifyEmail = await notifyEmailOf(c, q.notifyEmail);
    // Type, size, empty body and the rate limit, as every raw-file route checks them; the kind comes from the content.
    const upload = await admitUpload(c.env, workspaceId, c.req.raw, limitImportCreation);
    const { status, view } = await importFile(c.env, { workspaceId, ...target, options: { ...q, notifyEmail, encoding }, ...upload, actor: actor(c) });
    return c.json(view, status);
  })
  /** Multipart upload for files past one request's body limit: create, upload parts, complete. */
  .post('/:id/uploads', can('imports.write'), query(CreateImportQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const q = c.req.valid('query');
    const { campaign } = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const encoding = encodingParam(q.encoding);
    const notifyEmail = await notifyEmailOf(c, q.notifyEmail);
    const upload = await createMultipart(c.env, workspaceId, campaign.id, { ...q, notifyEmail, encoding });
    return c.json(upload, 201);
  })
  .put('/:id/uploads/:uploadId/parts/:n{[0-9]+}', can('imports.write'), async (c) => {
    const workspaceId = c.get('workspaceId');
    await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const length = Number(c.req.header('content-length') ?? NaN);
    if (!Number.isFinite(length) || length <= 0) throw new ApiError(411, 'LENGTH_REQUIRED', 'Send each part with its Content-Length.');
    if (length > MULTIPART.maxPartBytes) throw new FileReadError(FILE_ERRORS.partTooLarge(MULTIPART.maxPartBytes));
    const part = await uploadPart(c.env, workspaceId, c.req.param('id'), c.req.param('uploadId'), Number(c.req.param('n')), c.req.raw.body!, length);
    return c.json(part);
  })
  .post('/:id/uploads/:uploadId/complete', can('imports.write'), jsonBody(CompleteUploadSchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const target = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    // completeMultipart applies the import-creation limit and discards the upload when it refuses.
    const done = await completeMultipart(c.env, workspaceId, target.campaign.id, c.req.param('uploadId'), c.req.valid('json').parts);
    try {
      const { status, view } = await importFile(c.env, { workspaceId, ...target, options: done.options, body: done.body, declaredBytes: done.size, actor: actor(c) });
      return c.json(view, status);
    } finally {
      await done.remove();
    }
  });
