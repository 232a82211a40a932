/**
 * An import's downloads, as the token routes and the signed links serve them: its error report
 * (404 REPORT_NOT_READY until it ends, 410 REPORT_EXPIRED once retention deleted it) and the leads
 * it wrote, in the sample file's columns.
 */
import { envNumber, type Env } from '../env.ts';
import { Refusal } from '../refusal.ts';
import { keys } from '../chunk/keys.ts';
import { leadsCsv } from '../export/leads-csv.ts';
import { campaignWithAssistant } from '../campaigns/campaigns.ts';
import { assistantConfig } from '../assistants/assistants.ts';
import { isRunning } from '../../src/lib/import-view.ts';
import type { ImportRow } from './imports.ts';

/** Refuses (REPORT_EXPIRED) once retention has deleted the import's error report. */
export function assertReportKept(env: Env, row: Pick<ImportRow, 'reportDeletedAt'>): void {
  if (!row.reportDeletedAt) return;
  const kept = envNumber(env, 'REPORT_RETENTION_DAYS');
  throw new Refusal(
    'REPORT_EXPIRED',
    `This import's error report was deleted on ${row.reportDeletedAt.slice(0, 10)}: error reports are kept ${kept} days after the import ends. ` +
      "The import's counts are still shown; import the file again to get a new report.",
  );
}

/** The import's error report (errors.csv) as stored in R2. */
export async function errorReport(env: Env, row: ImportRow): Promise<ReadableStream<Uint8Array>> {
  assertReportKept(env, row);
  const object = await env.UPLOADS.get(keys.report(row.workspaceId, row.id));
  if (!object) throw new Refusal('REPORT_NOT_READY', isRunning(row.status) ? 'The error report is written when the import ends.' : 'This import has no error report.');
  return object.body;
}

/** The leads the import wrote (leads.csv), streamed. */
export async function importedLeads(env: Env, row: ImportRow): Promise<ReadableStream<Uint8Array>> {
  const { assistant } = await campaignWithAssistant(env.DB, row.workspaceId, row.campaignId);
  return leadsCsv(env, row.workspaceId, row.campaignId, row.id, assistantConfig(assistant));
}
