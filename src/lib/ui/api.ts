/** The UI's API client: the Hono RPC client typed by the Worker's AppType, with the stored token. */
import { hc } from 'hono/client';
import type { AppType } from '../../../workers/api/app.ts';

const TOKEN_KEY = 'lead-import-token';

export function readToken(): string | null {
  const fromHash = /[#&]token=([^&]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    localStorage.setItem(TOKEN_KEY, decodeURIComponent(fromHash));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return localStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token.trim());
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

export function api(token: string) {
  return hc<AppType>(location.origin, { headers: { Authorization: `Bearer ${token}` } }).api.v1;
}
