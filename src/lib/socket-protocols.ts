/**
 * The live-progress WebSocket's subprotocols. The app's handshake carries the session cookie; a
 * script, which cannot set headers on a WebSocket from a browser-like client, may offer its API
 * token as the subprotocol `bearer.<token>` next to SOCKET_PROTOCOL (never in the URL, which
 * proxies and logs keep); the server answers by selecting SOCKET_PROTOCOL.
 */
export const SOCKET_PROTOCOL = 'lead-import.v1';

export function socketProtocols(token: string): string[] {
  return [SOCKET_PROTOCOL, `bearer.${token}`];
}

/** The subprotocols a `Sec-WebSocket-Protocol` header offers. */
export function offeredProtocols(header: string | null | undefined): string[] {
  return (header ?? '').split(',').map((p) => p.trim()).filter(Boolean);
}

/** The token offered with SOCKET_PROTOCOL, if any. */
export function tokenFromProtocols(header: string | null | undefined): string | undefined {
  const offered = offeredProtocols(header);
  if (!offered.includes(SOCKET_PROTOCOL)) return undefined;
  return offered.find((p) => p.startsWith('bearer.'))?.slice('bearer.'.length) || undefined;
}
