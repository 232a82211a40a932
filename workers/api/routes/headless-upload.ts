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
import { sizeLimit, type UploadKind } from '../../chunk/read-upload.ts';
import { requireAllowedNotifyEmail } from '../../notify/allow-list.ts';
import { importFile } from '../../import/import-file.ts';
import { createMultipart, uploadPart, completeMultipart, CompleteUploadSchema, MULTIPART } from '../../chunk/multipart.ts';
import type { AppEnv } from '../app-env.ts';

const KIND_BY_TYPE: Record<string, UploadKind> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
};

function uploadKind(contentType: string | undefined, fileName: string | undefined): UploadKind {
  const ext = fileName?.toLowerCase().match(/\.(csv|tsv|txt|xlsx|xls)$/)?.[1];
  if (ext === 'xlsx' || ext === 'xls') return ext;
  if (ext) return 'csv';
  const type = contentType?.split(';')[0]!.trim().toLowerCase();
  if (!type || type === 'application/octet-stream') return 'csv';
  const kind = KIND_BY_TYPE[type];
  if (!kind) throw new FileReadError(FILE_ERRORS.unsupportedType(type));
  return kind;
}

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
  .post('/:id/imports', query(CreateImportQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const q = c.req.valid('query');
    const target = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const kind = uploadKind(c.req.header('content-type'), q.fileName);
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > sizeLimit(kind)) {
      throw new FileReadError(FILE_ERRORS.tooLarge(sizeLimit(kind), { size: declared, workbook: kind !== 'csv' }));
    }
    if (declared === 0 || !c.req.raw.body) throw new FileReadError(FILE_ERRORS.noFile());
    const encoding = encodingParam(q.encoding);
    const notifyEmail = await notifyEmailOf(c, q.notifyEmail);
    await limitImportCreation(c.env, workspaceId);
    const { status, view } = await importFile(c.env, { workspaceId, ...target, options: { ...q, notifyEmail, encoding }, kind, body: c.req.raw.body });
    return c.json(view, status);
  })
  /** Multipart upload for files past one request's body limit: create, upload parts, complete. */
  .post('/:id/uploads', query(CreateImportQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const q = c.req.valid('query');
    const { campaign } = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const kind = uploadKind(c.req.header('x-file-type') ?? undefined, q.fileName);
    const encoding = encodingParam(q.encoding);
    const notifyEmail = await notifyEmailOf(c, q.notifyEmail);
    const upload = await createMultipart(c.env, workspaceId, campaign.id, { ...q, notifyEmail, kind, encoding });
    return c.json(upload, 201);
  })
  .put('/:id/uploads/:uploadId/parts/:n{[0-9]+}', async (c) => {
    const workspaceId = c.get('workspaceId');
    await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    const length = Number(c.req.header('content-length') ?? NaN);
    if (!Number.isFinite(length) || length <= 0) throw new ApiError(411, 'LENGTH_REQUIRED', 'Send each part with its Content-Length.');
    if (length > MULTIPART.maxPartBytes) throw new FileReadError(FILE_ERRORS.partTooLarge(MULTIPART.maxPartBytes));
    const part = await uploadPart(c.env, workspaceId, c.req.param('id'), c.req.param('uploadId'), Number(c.req.param('n')), c.req.raw.body!, length);
    return c.json(part);
  })
  .post('/:id/uploads/:uploadId/complete', jsonBody(CompleteUploadSchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const target = await campaignWithAssistant(c.env.DB, workspaceId, c.req.param('id'));
    // completeMultipart applies the import-creation limit and discards the upload when it refuses.
    const done = await completeMultipart(c.env, workspaceId, target.campaign.id, c.req.param('uploadId'), c.req.valid('json').parts);
    try {
      const { status, view } = await importFile(c.env, { workspaceId, ...target, options: done.options, kind: done.options.kind, body: done.body });
      return c.json(view, status);
    } finally {
      await done.remove();
    }
  });
