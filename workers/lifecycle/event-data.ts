/**
 * What an import event says (the webhook body's `data`, DESIGN.md "Webhooks"): the import's ids,
 * status and counts, and signed links to its error report and its leads (valid 7 days, no token
 * needed), fixed when the event is written so every retry sends the same bytes.
 */
import type { Env } from '../env.ts';
import type { ImportView } from '../../src/lib/import-view.ts';
import { appUrl } from '../links/app-url.ts';
import { importLinks } from '../links/urls.ts';
import { linkSecret, LINK_SECRET_PROBLEM } from '../links/secret.ts';

export interface ImportEventData {
  importId: string;
  campaignId: string;
  status: ImportView['status'];
  totalRows: number;
  importedRows: number;
  createdRows: number;
  updatedRows: number;
  unchangedRows: number;
  failedRows: number;
  /** Undo only: leads deleted or restored, and left as they were (changed since by a later import). */
  undoneRows?: number;
  undoSkippedRows?: number;
  failure: { code: string; message: string } | null;
  finishedAt: string | null;
  /** Signed; null when the import rejected no row (there is no report). */
  errorReportUrl: string | null;
  leadsUrl: string | null;
  importUrl: string | null;
}

/** The event data of an import in this state; the links are null (and logged) when no link-signing key is configured. */
export async function importEventData(env: Env, view: ImportView, nowMs = Date.now()): Promise<ImportEventData> {
  const secret = linkSecret(env);
  if (!secret) console.error(`import ${view.id}: ${LINK_SECRET_PROBLEM}`);
  // Links start with APP_URL (workers/links/app-url.ts): none without a usable one, and the log says why.
  const app = appUrl(env);
  if (!app.ok) console.error(`import ${view.id}: ${app.problem}`);
  const links = secret && app.ok ? await importLinks(secret, app.url, view.id, { nowMs }) : null;
  const undone = view.status === 'undoing' || view.status === 'undone';
  return {
    importId: view.id,
    campaignId: view.campaignId,
    status: view.status,
    totalRows: view.totalRows,
    importedRows: view.importedRows,
    createdRows: view.createdRows,
    updatedRows: view.updatedRows,
    unchangedRows: view.unchangedRows,
    failedRows: view.failedRows,
    ...(undone ? { undoneRows: view.undoneRows, undoSkippedRows: view.undoSkippedRows } : {}),
    failure: view.failure,
    finishedAt: view.finishedAt,
    errorReportUrl: links && view.failedRows > 0 ? links.reportUrl : null,
    leadsUrl: links?.leadsUrl ?? null,
    importUrl: links?.importUrl ?? null,
  };
}
