/** Bearer-token auth: resolves the token's workspace, or answers 401. Tokens are looked up by hash. */
import { createMiddleware } from 'hono/factory';
import { eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema.ts';
import { db } from '../../db/client.ts';
import { hashToken, constantTimeEqual } from '../../auth/tokens.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../app-env.ts';
import { tokenFromProtocols } from '../../../src/lib/socket-protocols.ts';

export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  // Browsers cannot set headers on a WebSocket: the progress socket offers the token as a
  // subprotocol (never in the URL, which proxies and logs keep).
  const socketToken = c.req.path.endsWith('/progress') ? tokenFromProtocols(c.req.header('sec-websocket-protocol')) : undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header) ?? (socketToken ? [socketToken, socketToken] : null);
  if (!match) throw new ApiError(401, 'UNAUTHORIZED', 'Send your API token as "Authorization: Bearer <token>".');
  const hash = await hashToken(match[1]!);
  const row = await db(c.env.DB)
    .select({ workspaceId: apiTokens.workspaceId, tokenHash: apiTokens.tokenHash })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hash))
    .get();
  if (!row || !constantTimeEqual(row.tokenHash, hash)) throw new ApiError(401, 'UNAUTHORIZED', 'The API token is not valid.');
  c.set('workspaceId', row.workspaceId);
  await next();
});
