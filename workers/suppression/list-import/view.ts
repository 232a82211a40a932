/**
 * What GET /suppressions/imports/{id} shows of a list import: its state, the rows read so far
 * against the file's total, and the counts, summed over the chunks done (one row each, so a
 * redelivered chunk is never counted twice).
 */
import type { Env } from '../../env.ts';
import type { InvalidSuppression } from '../../../src/lib/suppression/entry.ts';

/** Rows that were not numbers shown in the resource; all of them are in the report. */
export const INVALID_SHOWN = 100;

export type ListImportStatus = 'running' | 'completed' | 'failed';

export interface ListImportView {
  id: string;
  status: ListImportStatus;
  fileName: string;
  defaultCountry: string;
  /** The list source the numbers went to. */
  source: string;
  /** add: joined the source; replace: became the source's, at once, when the import completed. */
  mode: 'add' | 'replace';
  /** The date of the registry copy, when given. */
  asOf: string | null;
  /** table: a spreadsheet with a header row; registry: a registry download, one number a line. */
  layout: 'table' | 'registry';
  /** Data rows in the file (null until the file has been read whole). */
  totalRows: number | null;
  /** Rows checked and listed so far. */
  rows: number;
  added: number;
  alreadyPresent: number;
  invalidCount: number;
  /** The first rows that were not numbers, in file order. */
  invalid: InvalidSuppression[];
  error: { code: string; message: string } | null;
  /** The rows that were not numbers as CSV (the file's columns plus error_row, error_codes, error_messages), once the import has ended. */
  errorReportUrl: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ListImportRow {
  id: string;
  workspace_id: string;
  status: ListImportStatus;
  file_name: string;
  default_country: string;
  source: string;
  mode: 'add' | 'replace';
  as_of: string | null;
  generation: number | null;
  layout: 'table' | 'registry';
  headers: string;
  total_rows: number | null;
  chunk_count: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  finished_at: string | null;
  purged_at: string | null;
}

export async function listImportRow(env: Env, workspaceId: string, id: string): Promise<ListImportRow | null> {
  return env.DB.prepare('SELECT * FROM suppression_imports WHERE id = ?1 AND workspace_id = ?2').bind(id, workspaceId).first<ListImportRow>();
}

export async function listImportView(env: Env, workspaceId: string, id: string): Promise<ListImportView | null> {
  const row = await listImportRow(env, workspaceId, id);
  if (!row) return null;
  const [sums, samples] = await env.DB.batch([
    env.DB.prepare(
      `SELECT coalesce(sum(rows), 0) AS rows, coalesce(sum(added), 0) AS added, coalesce(sum(already_present), 0) AS already,
              coalesce(sum(invalid_count), 0) AS invalid FROM suppression_import_chunks WHERE import_id = ?1`,
    ).bind(id),
    env.DB.prepare('SELECT invalid_sample FROM suppression_import_chunks WHERE import_id = ?1 AND invalid_count > 0 ORDER BY chunk LIMIT ?2').bind(id, INVALID_SHOWN),
  ]);
  const s = sums!.results[0] as { rows: number; added: number; already: number; invalid: number };
  const invalid: InvalidSuppression[] = [];
  for (const r of samples!.results as { invalid_sample: string }[]) {
    for (const item of JSON.parse(r.invalid_sample) as InvalidSuppression[]) {
      if (invalid.length < INVALID_SHOWN) invalid.push(item);
    }
  }
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    defaultCountry: row.default_country,
    source: row.source,
    mode: row.mode,
    asOf: row.as_of,
    layout: row.layout,
    totalRows: row.total_rows,
    rows: s.rows,
    added: s.added,
    alreadyPresent: s.already,
    invalidCount: s.invalid,
    invalid,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    errorReportUrl: row.status !== 'running' && s.invalid > 0 ? `/api/v1/suppressions/imports/${row.id}/errors.csv` : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
