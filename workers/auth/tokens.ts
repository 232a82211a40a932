/** API tokens: generated with 256 random bits, stored only as their SHA-256 hash. */
import { randomSecret, sha256Hex } from './hash.ts';

export const TOKEN_PREFIX = 'lit_';

export function generateToken(): string {
  return randomSecret(TOKEN_PREFIX);
}

export const hashToken = (token: string): Promise<string> => sha256Hex(token);
