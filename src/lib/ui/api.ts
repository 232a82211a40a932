/** The UI's API client: the Hono RPC client typed by the Worker's AppType, as the signed-in person (session cookie). */
import { hc } from 'hono/client';
import type { AppType } from '../../../workers/api/app.ts';

/**
 * The API as the signed-in person: the session cookie (HttpOnly, set by POST /auth/verify) rides
 * along on same-origin requests, and the browser adds the Origin header the server checks on every
 * change. The app never holds a token (scripts use API tokens, people sign in).
 */
export function api() {
  return hc<AppType>(location.origin, { init: { credentials: 'same-origin' } }).api.v1;
}

/** Downloads an authenticated file through a blob URL; returns an error message, or null on success. */
export async function downloadFile(path: string, fileName: string): Promise<string | null> {
  const res = await authedRequest(path);
  if (!res.ok) return errorMessage(res, 'The download failed');
  saveBlob(await res.blob(), fileName);
  return null;
}

/** The message of an API error answer ({"error":{"code","message"}}), or a generic one with the status. */
export async function errorMessage(res: { json(): Promise<unknown>; status: number }, failed = 'The request failed'): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `${failed} (HTTP ${res.status}).`;
}

/** A request as the signed-in person with any method and body (raw file uploads, which the RPC client does not type). */
export function authedRequest(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, location.origin), { ...init, credentials: 'same-origin' });
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
