/**
 * Signed links: an HMAC-SHA-256 over (kind, import id, expiry) with the secret LINK_SIGNING_KEY,
 * carried as `?exp=<unix seconds>&sig=<hex>`, so a person can open an import's page and downloads
 * from an email without an API token. A link authorises one import and one kind of resource only.
 */
export const LINK_KINDS = ['page', 'errors', 'leads'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** How long an emailed link stays valid. */
export const LINK_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Shorter secrets are refused: the key is all that stands between a link and a guessed one. */
export const MIN_SECRET_LENGTH = 32;

const encoder = new TextEncoder();
let cached: { secret: string; key: Promise<CryptoKey> } | null = null;

/** The HMAC key for a secret (imported once per isolate and secret). */
export function hmacKey(secret: string): Promise<CryptoKey> {
  if (cached?.secret !== secret) {
    cached = { secret, key: crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) };
  }
  return cached.key;
}

/**
 * What is signed. Newlines separate the fields; the kind and the expiry can never hold one, so a
 * payload splits into (kind, id, exp) one way only and no two links share a signature.
 */
export function linkPayload(kind: LinkKind, importId: string, exp: number): Uint8Array<ArrayBuffer> {
  // A copy typed on an ArrayBuffer: workers-types' TextEncoder says ArrayBufferLike, WebCrypto wants ArrayBuffer.
  return new Uint8Array(encoder.encode(`lead-import link v1\n${kind}\n${importId}\n${exp}`));
}

export async function signLink(secret: string, kind: LinkKind, importId: string, exp: number): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), linkPayload(kind, importId, exp)));
  let hex = '';
  for (const b of mac) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** `exp=…&sig=…` for a link valid LINK_TTL_SECONDS from `nowMs`, or until `exp` when given. */
export async function signedQuery(secret: string, kind: LinkKind, importId: string, opts: { nowMs?: number; exp?: number } = {}): Promise<string> {
  const exp = opts.exp ?? Math.floor((opts.nowMs ?? Date.now()) / 1000) + LINK_TTL_SECONDS;
  return `exp=${exp}&sig=${await signLink(secret, kind, importId, exp)}`;
}
