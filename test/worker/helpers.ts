/** Test helpers: a workspace with a token, authenticated requests against the real Worker. */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import type { Env } from '../../workers/env.ts';
import { generateToken, hashToken } from '../../workers/auth/tokens.ts';
import { newId } from '../../workers/db/ids.ts';
import { placeWorkspace } from '../../workers/leads/placement.ts';

export async function createWorkspace(name = 'Test workspace'): Promise<{ workspaceId: string; token: string }> {
  const workspaceId = newId('ws');
  const token = generateToken();
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?1, ?2, ?3)').bind(workspaceId, name, now),
    env.DB.prepare('INSERT INTO api_tokens (id, workspace_id, token_hash, name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)').bind(
      newId('tok'),
      workspaceId,
      await hashToken(token),
      'test',
      now,
    ),
    // Import emails in tests go to example.com addresses.
    env.DB.prepare('INSERT INTO notify_email_allow_list (workspace_id, entry, created_at) VALUES (?1, ?2, ?3)').bind(workspaceId, '@example.com', now),
  ]);
  await placeWorkspace(env, workspaceId);
  return { workspaceId, token };
}

/**
 * Sizes that make the multi-chunk, queued and row-limit paths run on small files (the Worker reads
 * them with envNumber): pass them to client() for the requests that upload.
 */
export const SMALL_LIMITS = { CHUNK_ROWS: '50', LIST_CHUNK_ROWS: '120', INLINE_MAX_ROWS: '40', MAX_ROWS: '2000' } as const;

/** The Worker's fetch with these vars in its env (what a deployment with other vars would do). */
async function fetchWith(vars: Record<string, string>, input: string, init: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch!(new Request(input, init) as any, { ...(env as Env), ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Authenticated calls of the API; `vars` (e.g. SMALL_LIMITS) are added to the Worker's env for them. */
export function client(token: string, vars?: Record<string, string>) {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    (vars ? (input: string, init: RequestInit) => fetchWith(vars, input, init) : (input: string, init: RequestInit) => SELF.fetch(input, init))(`http://example.com/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array) ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
    patch: (path: string, body?: unknown, headers?: Record<string, string>) => call('PATCH', path, body, headers),
    del: (path: string) => call('DELETE', path),
    async json<T = any>(res: Response | Promise<Response>): Promise<T> {
      return (await res).json() as Promise<T>;
    },
  };
}

export const SEED_VARIABLES = [
  { name: 'customer_name', type: 'text', required: true, maxLength: 100 },
  { name: 'company', type: 'text' },
  { name: 'budget_range', type: 'text', default: 'unknown' },
];

/** A workspace with the seed page's assistant and a US campaign. */
export async function seededCampaign(opts: { secondaryVariables?: unknown[]; defaultCountry?: string } = {}) {
  const ws = await createWorkspace();
  const api = client(ws.token);
  const assistant = await api.json(
    api.post('/assistants', {
      name: 'Sales assistant',
      variables: SEED_VARIABLES,
      secondaryVariables: opts.secondaryVariables ?? [
        { name: 'name', type: 'text' },
        { name: 'role', type: 'text' },
      ],
    }),
  );
  const campaign = await api.json(api.post('/campaigns', { name: 'Spring', assistantId: assistant.id, defaultCountry: opts.defaultCountry ?? 'US' }));
  return { ...ws, api, assistant, campaign };
}

/** Polls an import until it ends. */
export async function waitForEnd(api: ReturnType<typeof client>, id: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await api.json(api.get(`/imports/${id}`));
    if (['completed', 'failed', 'cancelled'].includes(view.status)) return view;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${view.status}: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Per-minute limits count in fixed windows (workers/limits/rate-limit.ts): a test that makes N
 * calls and expects the next one refused needs them all in one window. When less than `marginMs`
 * is left of the current minute, this waits for the next minute to begin.
 */
export async function inOneRateWindow(marginMs = 15_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
