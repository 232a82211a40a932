/**
 * The live-progress WebSocket's subprotocols. The app's handshake carries the session cookie; a
 * script, which cannot set headers on a WebSocket from a browser-like client, may offer its API
 * token as the subprotocol `bearer.<token>` next to PROGRESS_PROTOCOL (never in the URL, which
 * proxies and logs keep); the server answers by selecting PROGRESS_PROTOCOL.
 */
export const PROGRESS_PROTOCOL = 'lead-import.v1';

export function progressProtocols(token: string): string[] {
  return [PROGRESS_PROTOCOL, `bearer.${token}`];
}

/** The subprotocols a `Sec-WebSocket-Protocol` header offers. */
export function offeredProtocols(header: string | null | undefined): string[] {
  return (header ?? '').split(',').map((p) => p.trim()).filter(Boolean);
}

/** The token offered with PROGRESS_PROTOCOL, if any. */
export function tokenFromProtocols(header: string | null | undefined): string | undefined {
  const offered = offeredProtocols(header);
  if (!offered.includes(PROGRESS_PROTOCOL)) return undefined;
  return offered.find((p) => p.startsWith('bearer.'))?.slice('bearer.'.length) || undefined;
}
