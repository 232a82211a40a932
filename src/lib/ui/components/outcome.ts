/** The parts of an import's outcome bar: created, updated and unchanged rows, failed rows by reason, rows not imported or not done. */
import { errorName } from '../../validate/error-names.ts';

export interface OutcomeInput {
  status: string;
  totalRows: number;
  importedRows: number;
  /** New leads and leads updated (or filled) among the imported rows; without them the bar shows "Imported". */
  createdRows?: number;
  updatedRows?: number;
  /** Rows that matched a lead and changed none of its values. */
  unchangedRows?: number;
  failedRows: number;
  errorCounts: Record<string, number>;
}

export interface OutcomePart {
  key: string;
  label: string;
  /** Rows this part stands for (for a failure reason: rows with that problem). */
  rows: number;
  /** Share of the bar, 0..1. */
  share: number;
  tone: string;
}

const RUNNING = new Set(['queued', 'validating', 'importing']);

/**
 * A row can have several problems, so the failed rows' width is shared among the reasons in
 * proportion to their counts; the legend gives each reason's exact count.
 */
export function outcomeParts(o: OutcomeInput): OutcomePart[] {
  const total = Math.max(1, o.totalRows, o.importedRows + o.failedRows);
  const parts: OutcomePart[] = [];
  const updated = o.updatedRows ?? 0;
  const unchanged = o.unchangedRows ?? 0;
  if (updated > 0 || unchanged > 0) {
    const created = Math.max(0, o.importedRows - updated - unchanged);
    if (created > 0) parts.push({ key: 'created', label: 'Created', rows: created, share: created / total, tone: 'var(--chart-ok)' });
    if (updated > 0) parts.push({ key: 'updated', label: 'Updated', rows: updated, share: updated / total, tone: 'var(--chart-updated)' });
    if (unchanged > 0) parts.push({ key: 'unchanged', label: 'Unchanged', rows: unchanged, share: unchanged / total, tone: 'var(--chart-6)' });
  } else if (o.importedRows > 0) {
    parts.push({ key: 'imported', label: o.createdRows === undefined ? 'Imported' : 'Created', rows: o.importedRows, share: o.importedRows / total, tone: 'var(--chart-ok)' });
  }
  const reasons = Object.entries(o.errorCounts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const sum = reasons.reduce((s, [, n]) => s + n, 0);
  reasons.forEach(([code, n], i) => {
    parts.push({ key: code, label: errorName(code).name, rows: n, share: sum ? (o.failedRows * (n / sum)) / total : 0, tone: `var(--chart-${(i % 6) + 1})` });
  });
  if (reasons.length === 0 && o.failedRows > 0) parts.push({ key: 'failed', label: 'Failed', rows: o.failedRows, share: o.failedRows / total, tone: 'var(--chart-1)' });
  const rest = total - o.importedRows - o.failedRows;
  if (rest > 0 && o.totalRows > 0) {
    parts.push({ key: 'rest', label: RUNNING.has(o.status) ? 'Not done yet' : 'Not imported', rows: rest, share: rest / total, tone: 'var(--neutral-bg)' });
  }
  return parts;
}
