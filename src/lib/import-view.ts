/** The public import resource, as the API returns it and the UI shows it. */
export const IMPORT_STATUSES = ['queued', 'validating', 'importing', 'completed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportView {
  id: string;
  campaignId: string;
  fileName: string;
  status: ImportStatus;
  ignoreErrors: boolean;
  totalRows: number;
  /** Rows whose validation pass is done (the first of the two passes). */
  validatedRows: number;
  /** Rows with a final verdict: imported or failed. */
  processedRows: number;
  importedRows: number;
  failedRows: number;
  errorCounts: Record<string, number>;
  failure: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

export const RUNNING: readonly ImportStatus[] = ['queued', 'validating', 'importing'];
export const isRunning = (s: ImportStatus) => RUNNING.includes(s);
