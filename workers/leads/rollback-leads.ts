/**
 * Rollback of one chunk of an all-or-nothing import (workers/rollback): not the undo a user asks
 * for (undo-leads.ts), but the removal of what a failing import wrote before it fails.
 */
import type { Env } from '../env.ts';
import { paramGroups } from './param-groups.ts';
import { leadsStore } from './leads-store.ts';
import { checkFence } from './fence.ts';
import { workspaceDb } from './placement.ts';
import { restoreStatements } from './restore-changes.ts';

/**
 * Rollback of one chunk of an all-or-nothing import (these numbers): leads it updated get their
 * values back, leads it created are deleted. Running it again changes nothing.
 */
export async function rollbackLeads(env: Env, workspaceId: string, campaignId: string, importId: string, phones: string[], now: string): Promise<void> {
  const d1 = await workspaceDb(env, workspaceId);
  for (const json of paramGroups(phones, (p) => p)) {
    const { results } = await d1
      .prepare('SELECT l.id FROM json_each(?3) AS j CROSS JOIN leads AS l ON l.campaign_id = ?1 AND l.phone = j.value WHERE l.import_id IS NOT ?2')
      .bind(campaignId, importId, json)
      .all<{ id: number }>();
    if (!results.length) continue;
    const ids = JSON.stringify(results.map((r) => r.id));
    const statements = restoreStatements(d1, workspaceId, importId, 'c.lead_id IN (SELECT value FROM json_each(?3))', [ids], now);
    const out = await d1.batch(statements);
    checkFence(workspaceId, out[out.length - 1]!);
  }
  await leadsStore(env, workspaceId, campaignId).remove(importId, phones);
}
