/** Checks a signed link (see sign.ts): the signature first, so only an authentic link is ever called expired. */
import { hmacKey, linkPayload, type LinkKind } from './sign.ts';

export type LinkCheck = { ok: true; exp: number } | { ok: false; code: 'LINK_INVALID' | 'LINK_EXPIRED'; message: string };

const INVALID = { ok: false, code: 'LINK_INVALID', message: 'This link is not valid: it may have been changed or cut short. Use the link from the email as it is.' } as const;
const EXPIRED = {
  ok: false,
  code: 'LINK_EXPIRED',
  message: 'This link has expired (links in import emails work for 7 days). Sign in to open the import, or ask for a new email.',
} as const;

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export async function verifyLink(
  secret: string,
  kind: LinkKind,
  importId: string,
  exp: string | undefined,
  sig: string | undefined,
  nowMs = Date.now(),
): Promise<LinkCheck> {
  // Only the canonical form of a number is accepted: "0123" or "1e9" would be another payload.
  if (!exp || !/^[1-9][0-9]{0,11}$/.test(exp) || !sig) return INVALID;
  const mac = hexBytes(sig);
  if (!mac) return INVALID;
  const expSeconds = Number(exp);
  // WebCrypto's HMAC verify compares the MACs in constant time (unlike a string ===).
  const authentic = await crypto.subtle.verify('HMAC', await hmacKey(secret), mac, linkPayload(kind, importId, expSeconds));
  if (!authentic) return INVALID;
  if (expSeconds * 1000 <= nowMs) return EXPIRED;
  return { ok: true, exp: expSeconds };
}
