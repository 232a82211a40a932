/** Cancelling a running import: further chunks stop; what was written stays written and counted. */
import type { Env } from '../env.ts';
import { Refusal } from '../refusal.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { isRunning, type ImportView } from '../../src/lib/import-view.ts';
import { findImport } from './imports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';

/** The cancelled import's view; IMPORT_FINISHED when it had already ended. */
export async function cancelImport(env: Env, workspaceId: string, id: string, actor: Actor = SYSTEM_ACTOR): Promise<ImportView> {
  const row = await findImport(env, workspaceId, id);
  if (!isRunning(row.status)) throw new Refusal('IMPORT_FINISHED', `The import has already ended (${row.status}).`);
  const { view, cancelled } = await coordinator(env, row.id).cancel();
  if (!cancelled) throw new Refusal('IMPORT_FINISHED', `The import has already ended (${view.status}).`);
  // The cancel lives in the import's Durable Object: no D1 transaction holds both, so the entry follows it.
  await recordAudit(env, { workspaceId, actor, action: 'import.cancelled', target: { type: 'import', id: row.id }, details: { fileName: row.fileName } });
  return view;
}
