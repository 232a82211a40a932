/**
 * One-time sign-in codes: 8 random digits (WebCrypto), stored only as an HMAC-SHA-256 keyed with the
 * server's secret and bound to the address, checked with `crypto.subtle.verify` (constant time).
 */
import { AuthRefusal } from './refusal.ts';

export const CODE_DIGITS = 8;
const encoder = new TextEncoder();

/** 8 uniformly random digits (rejection sampling: no modulo bias). */
export function newCode(): string {
  let out = '';
  while (out.length < CODE_DIGITS) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) {
      if (b < 250 && out.length < CODE_DIGITS) out += String(b % 10);
    }
  }
  return out;
}

/** The code as a person may type it: digits only (spaces and dashes dropped). */
export const normaliseCode = (typed: string) => typed.replace(/[\s-]/g, '');

async function key(secret: string, usage: 'sign' | 'verify') {
  if (!secret) throw new AuthRefusal('AUTH_NOT_CONFIGURED', 'Sign-in is not configured on this server (no signing key). Please tell the administrator.');
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

const payload = (email: string, code: string) => encoder.encode(`sign-in-code\n${email}\n${code}`);

const toHex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function codeMac(secret: string, email: string, code: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await key(secret, 'sign'), payload(email, code)));
}

/** Whether `typed` is the code whose MAC is `macHex` for `email`. */
export async function codeMatches(secret: string, email: string, typed: string, macHex: string): Promise<boolean> {
  const mac = fromHex(macHex);
  const code = normaliseCode(typed);
  if (!mac || !/^[0-9]{8}$/.test(code)) return false;
  return crypto.subtle.verify('HMAC', await key(secret, 'verify'), mac, payload(email, code));
}
