/** The public import resource, as the API returns it. */
import type { ImportStatus } from '../db/schema.ts';

export interface ImportView {
  id: string;
  campaignId: string;
  fileName: string;
  status: ImportStatus;
  ignoreErrors: boolean;
  totalRows: number;
  validatedRows: number;
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
