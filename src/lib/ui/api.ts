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

/** Downloads an authenticated file through a blob URL; returns an error message, or null on success. */
export async function downloadFile(token: string, path: string, fileName: string): Promise<string | null> {
  const res = await authedRequest(token, path);
  if (!res.ok) return errorMessage(res, 'The download failed');
  saveBlob(await res.blob(), fileName);
  return null;
}

/** The message of an API error answer ({"error":{"code","message"}}), or a generic one with the status. */
export async function errorMessage(res: { json(): Promise<unknown>; status: number }, failed = 'The request failed'): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `${failed} (HTTP ${res.status}).`;
}

/** A request with the token and any method and body (raw file uploads, which the RPC client does not type). */
export function authedRequest(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return fetch(new URL(path, location.origin), { ...init, headers });
}

/** Saves a file built in the browser (a Blob) under `fileName`, as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
