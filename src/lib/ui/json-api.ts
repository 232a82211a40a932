/** JSON requests as the signed-in person for pages the typed client does not cover well (people routes): the answer, or the API's error message. */
import { errorMessage } from './api.ts';

export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

export async function jsonRequest<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) return { ok: false, message: await errorMessage(res) };
    return { ok: true, value: (res.status === 204 ? null : await res.json()) as T };
  } catch {
    return { ok: false, message: 'The server could not be reached. Check your connection and try again.' };
  }
}
