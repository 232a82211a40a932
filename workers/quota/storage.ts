/**
 * The per-workspace storage quota: bytes a workspace holds in R2 (uploaded chunks, multipart parts,
 * error reports), counted in D1 per scope (an import or a multipart upload) and in one total row.
 * A charge that would take the total past WORKSPACE_STORAGE_QUOTA_BYTES is refused before
 * anything is stored (507 STORAGE_QUOTA_EXCEEDED); retention releases a scope's bytes when it
 * deletes what the scope stored, so the count follows what R2 holds.
 */
import { envNumber, type Env } from '../env.ts';
import { Refusal, type RefusalCode } from '../refusal.ts';

export type ScopeKind = 'import' | 'upload';

const TOTAL = '*';

export function storageQuota(env: Env): number {
  return envNumber(env, 'WORKSPACE_STORAGE_QUOTA_BYTES');
}

function kindOf(scope: string): ScopeKind {
  return scope.startsWith('upl_') ? 'upload' : 'import';
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1).replace(/\.0$/, '')} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MiB`;
  return `${n} bytes`;
}

/**
 * Charges `bytes` to `scope` (an import id or an upload id) of the workspace, or throws 507
 * STORAGE_QUOTA_EXCEEDED when the workspace's total would pass its quota; call it before the bytes
 * are stored. The check and both counters change in one D1 transaction: concurrent uploads cannot
 * pass the quota together. A charge of 0 registers the scope (and marks it active).
 */
export async function reserveStorage(env: Env, workspaceId: string, scope: string, bytes: number): Promise<void> {
  if (!(bytes >= 0)) throw new RangeError('bytes must be ≥ 0');
  const quota = storageQuota(env);
  const now = new Date().toISOString();
  const total = `(SELECT bytes FROM storage_usage WHERE workspace_id = ?1 AND scope = '${TOTAL}')`;
  // Both statements test the same total (nothing runs between them), so both apply or neither.
  const [, charged] = await env.DB.batch([
    env.DB.prepare(`INSERT INTO storage_usage (workspace_id, scope, kind, bytes, updated_at) VALUES (?1, '${TOTAL}', 'total', 0, ?2) ON CONFLICT DO NOTHING`).bind(workspaceId, now),
    env.DB.prepare(
      `INSERT INTO storage_usage (workspace_id, scope, kind, bytes, updated_at) SELECT ?1, ?2, ?3, ?4, ?5 WHERE ${total} + ?4 <= ?6
       ON CONFLICT (workspace_id, scope) DO UPDATE SET bytes = bytes + excluded.bytes, updated_at = excluded.updated_at`,
    ).bind(workspaceId, scope, kindOf(scope), bytes, now, quota),
    env.DB.prepare(`UPDATE storage_usage SET bytes = bytes + ?2 WHERE workspace_id = ?1 AND scope = '${TOTAL}' AND bytes + ?2 <= ?3`).bind(workspaceId, bytes, quota),
  ]);
  if (charged!.meta.changes > 0) return;
  const held = (await storageUsed(env, workspaceId)) ?? 0;
  throw new Refusal(
    QUOTA_EXCEEDED,
    `This workspace already holds ${formatBytes(held)} of uploaded data, and its storage quota is ${formatBytes(quota)}; ` +
      `${formatBytes(bytes)} more do not fit. Uploaded files are deleted automatically ${retentionHint(env)}; ` +
      'try again once older imports have expired, or ask for a larger quota.',
  );
}

function retentionHint(env: Env): string {
  return `${envNumber(env, 'CHUNK_RETENTION_DAYS')} days after their import ends, and error reports after ${envNumber(env, 'REPORT_RETENTION_DAYS')} days`;
}

/**
 * Takes back bytes charged to a scope that were never stored (a write that failed after its
 * charge). Never refused, never below zero.
 */
export async function unchargeStorage(env: Env, workspaceId: string, scope: string, bytes: number): Promise<void> {
  if (!(bytes > 0)) return;
  const scoped = `(SELECT min(bytes, ?3) FROM storage_usage WHERE workspace_id = ?1 AND scope = ?2)`;
  await env.DB.batch([
    env.DB.prepare(`UPDATE storage_usage SET bytes = max(0, bytes - coalesce(${scoped}, 0)) WHERE workspace_id = ?1 AND scope = '${TOTAL}'`).bind(workspaceId, scope, bytes),
    env.DB.prepare(`UPDATE storage_usage SET bytes = max(0, bytes - ?3) WHERE workspace_id = ?1 AND scope = ?2`).bind(workspaceId, scope, bytes),
  ]);
}

/**
 * Sets a scope to what it still holds (`bytes`: 0 deletes the scope), its difference applied to
 * the workspace's total. Retention calls it once it has deleted part or all of a scope's objects.
 */
export async function settleStorage(env: Env, workspaceId: string, scope: string, bytes: number): Promise<void> {
  const now = new Date().toISOString();
  const old = `coalesce((SELECT bytes FROM storage_usage WHERE workspace_id = ?1 AND scope = ?2), 0)`;
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO storage_usage (workspace_id, scope, kind, bytes, updated_at) VALUES (?1, '${TOTAL}', 'total', 0, ?3) ON CONFLICT DO NOTHING`).bind(workspaceId, scope, now),
    env.DB.prepare(`UPDATE storage_usage SET bytes = max(0, bytes - ${old} + ?3) WHERE workspace_id = ?1 AND scope = '${TOTAL}'`).bind(workspaceId, scope, bytes),
    bytes > 0
      ? env.DB.prepare(
          `INSERT INTO storage_usage (workspace_id, scope, kind, bytes, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
           ON CONFLICT (workspace_id, scope) DO UPDATE SET bytes = excluded.bytes`,
        ).bind(workspaceId, scope, kindOf(scope), bytes, now)
      : env.DB.prepare('DELETE FROM storage_usage WHERE workspace_id = ?1 AND scope = ?2').bind(workspaceId, scope),
  ]);
}

/** Every byte of the scope is deleted. */
export function releaseStorage(env: Env, workspaceId: string, scope: string): Promise<void> {
  return settleStorage(env, workspaceId, scope, 0);
}

/** The workspace's counted bytes (null when it never stored anything). */
export async function storageUsed(env: Env, workspaceId: string): Promise<number | null> {
  const row = await env.DB.prepare(`SELECT bytes FROM storage_usage WHERE workspace_id = ?1 AND scope = '${TOTAL}'`).bind(workspaceId).first<{ bytes: number }>();
  return row?.bytes ?? null;
}

/**
 * `env.UPLOADS.put` with the quota: charges the body's size to the scope first (only the
 * difference when it replaces an object of the same key, as a resumed browser upload does), and
 * takes the charge back if the put fails.
 */
export async function putCharged(
  env: Env,
  workspaceId: string,
  scope: string,
  key: string,
  body: string | ArrayBuffer | ArrayBufferView,
  options?: R2PutOptions,
): Promise<R2Object> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  let stored: R2Object | undefined;
  await charged(env, workspaceId, scope, key, bytes.byteLength, async () => {
    stored = await env.UPLOADS.put(key, bytes, options);
    return true;
  });
  return stored!;
}

/** Deletes one object of a scope and gives its bytes back. */
export async function deleteCharged(env: Env, workspaceId: string, scope: string, key: string): Promise<void> {
  const held = (await env.UPLOADS.head(key))?.size ?? 0;
  await env.UPLOADS.delete(key);
  await unchargeStorage(env, workspaceId, scope, held);
}

/** The code of the refusal reserveStorage throws: a pass that meets it ends its import with it. */
export const QUOTA_EXCEEDED = 'STORAGE_QUOTA_EXCEEDED' satisfies RefusalCode;

/**
 * Runs `store` (which writes `bytes` under `key`, or declines by returning false) with the quota
 * charged first: only the growth over an object of the same key, taken back when `store` declines
 * or throws.
 */
export async function charged(env: Env, workspaceId: string, scope: string, key: string, bytes: number, store: () => Promise<boolean>): Promise<void> {
  const replaced = (await env.UPLOADS.head(key))?.size ?? 0;
  const growth = Math.max(0, bytes - replaced);
  await reserveStorage(env, workspaceId, scope, growth);
  let ok = false;
  try {
    ok = await store();
  } finally {
    if (!ok) await unchargeStorage(env, workspaceId, scope, growth);
  }
  if (ok) await unchargeStorage(env, workspaceId, scope, replaced - bytes);
}
