/** The storage quota as an import's coordinator charges its browser chunks (admit-chunk.ts). */
import type { Env } from '../env.ts';
import type { ChunkQuota } from '../chunk/admit-chunk.ts';
import { reserveStorage, unchargeStorage } from './storage.ts';
import { isQuotaRefusal } from './refusal.ts';

export function chunkQuota(env: Env, workspaceId: string, importId: string, quotaBytes?: number): ChunkQuota {
  // The quota the request was checked against (the Durable Object's own vars may differ in tests).
  if (quotaBytes !== undefined) env = { ...env, WORKSPACE_STORAGE_QUOTA_BYTES: String(quotaBytes) };
  return {
    async charge(bytes) {
      try {
        await reserveStorage(env, workspaceId, importId, bytes);
        return null;
      } catch (err) {
        // A refusal crosses the Durable Object's RPC as an answer, not as an exception.
        if (isQuotaRefusal(err)) return err.message;
        throw err;
      }
    },
    uncharge: (bytes) => unchargeStorage(env, workspaceId, importId, bytes),
  };
}
