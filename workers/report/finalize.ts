/** Ends an import: writes its error report, marks it finished, sends the email. Safe to repeat. */
import type { Env } from '../env.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { isRunning, type ImportView } from '../../src/lib/import-view.ts';
import { buildErrorReport } from './build-error-report.ts';
import { sendImportEmail } from '../notify/send-email.ts';
import type { ImportConfig } from '../coordinator/state.ts';
import { campaignName } from '../campaigns/campaigns.ts';

export async function finalizeImport(env: Env, workspaceId: string, importId: string): Promise<ImportView> {
  const coord = coordinator(env, importId);
  const { config, status, chunkCount } = await coord.snapshot();
  if (!isRunning(status)) return coord.view();
  const report = await buildErrorReport(env, workspaceId, importId, config.headers, chunkCount ?? 0);
  const view = await coord.complete(report);
  await notifyEnded(env, config, view);
  return view;
}

/** Emails the import's owner once it has ended (completed, failed or cancelled). */
export async function notifyEnded(env: Env, config: ImportConfig, view: ImportView): Promise<void> {
  if (!config.notifyEmail || isRunning(view.status)) return;
  const name = await campaignName(env, config.workspaceId, config.campaignId);
  await sendImportEmail(env, config.notifyEmail, view, name ?? config.campaignId);
}
