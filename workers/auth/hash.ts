/** SHA-256 as lower-case hex (WebCrypto): how session and API tokens are stored, and addresses in rate-limit keys. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 256 random bits as hex, after `prefix`. */
export function randomSecret(prefix: string): string {
  return prefix + [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
