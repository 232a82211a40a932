/**
 * Standard Webhooks signing (the `standardwebhooks` package, pure JS, checked in workerd):
 * `webhook-signature` is `v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the
 * base64-decoded part of the secret after `whsec_`; during a rotation's grace period the previous
 * secret signs too, space-separated, so a receiver holding either verifies.
 */
import { Webhook } from 'standardwebhooks';

const SECRET_BYTES = 32;

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes. */
export function generateSecret(): string {
  let binary = '';
  for (const b of crypto.getRandomValues(new Uint8Array(SECRET_BYTES))) binary += String.fromCharCode(b);
  return `whsec_${btoa(binary)}`;
}

/** The three Standard Webhooks headers for one attempt, signed with every secret given. */
export function signedHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' '),
  };
}
