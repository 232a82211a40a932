/**
 * Live progress over a WebSocket. Browsers offer the subprotocols `lead-import.v1` and
 * `bearer.<token>` (checked by the auth middleware); the answer selects `lead-import.v1`.
 */
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { SOCKET_PROTOCOL, offeredProtocols } from '../../../src/lib/socket-protocols.ts';
import { coordinator } from '../../coordinator/coordinator.ts';
import { findImport } from '../../imports/imports.ts';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const importSocketRoutes = new Hono<AppEnv>()
  .get('/:id/progress', can('imports.read'), async (c) => {
    const row = await findImport(c.env, c.get('workspaceId'), c.req.param('id'));
    if (c.req.header('upgrade') !== 'websocket') throw new ApiError(426, 'UPGRADE_REQUIRED', 'Connect with a WebSocket.');
    const res = await coordinator(c.env, row.id).fetch(new Request('https://import/progress', { headers: { Upgrade: 'websocket' } }));
    if (res.status !== 101 || !res.webSocket || !offeredProtocols(c.req.header('sec-websocket-protocol')).includes(SOCKET_PROTOCOL)) return res;
    return new Response(null, { status: 101, webSocket: res.webSocket, headers: { 'Sec-WebSocket-Protocol': SOCKET_PROTOCOL } });
  });
