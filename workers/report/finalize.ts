/**
 * Ends an import: writes its error report and marks it finished. Safe to repeat. The end is
 * announced by the lifecycle (workers/lifecycle: D1 row and outbox event in one batch), whose
 * consumers send the email and the webhooks.
 */
import type { Env } from '../env.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { isRunning, type ImportView } from '../../src/lib/import-view.ts';
import { buildErrorReport } from './build-error-report.ts';

export async function finalizeImport(env: Env, workspaceId: string, importId: string): Promise<ImportView> {
  const coord = coordinator(env, importId);
  const { config, status, chunkCount } = await coord.snapshot();
  // Ended already (a redelivery): make sure the end was announced, in case a crash came in between.
  if (!isRunning(status)) return coord.announce();
  const report = await buildErrorReport(env, workspaceId, importId, config.headers, chunkCount ?? 0);
  return coord.complete(report);
}
