/**
 * An import's status as a person reads it: a run that only checked the rows ("Ignore errors" off,
 * some rows with problems, nothing written: the report-only pass) is "Checked — nothing imported",
 * not a red failure; the API keeps `failed` with the code ROWS_INVALID.
 */
export type StatusTone = 'neutral' | 'info' | 'success' | 'danger' | 'warning';

export interface StatusOf {
  status: string;
  importedRows?: number;
  failure?: { code: string } | null;
}

const TONES: Record<string, StatusTone> = {
  queued: 'neutral',
  validating: 'info',
  importing: 'info',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
  undoing: 'warning',
  undone: 'neutral',
};

/** Whether the run only produced the error report (nothing was written). */
export const isReportOnly = (i: StatusOf): boolean => i.status === 'failed' && i.failure?.code === 'ROWS_INVALID' && (i.importedRows ?? 0) === 0;

export function importStatus(i: StatusOf): { label: string; tone: StatusTone } {
  if (isReportOnly(i)) return { label: 'Checked — nothing imported', tone: 'warning' };
  return { label: i.status, tone: TONES[i.status] ?? 'neutral' };
}
