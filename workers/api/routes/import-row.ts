/** An import's D1 row, found within the workspace, and the import resource made from it. */
import { and, eq } from 'drizzle-orm';
import { db } from '../../db/client.ts';
import { imports } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { coordinator } from '../../coordinator/coordinator.ts';
import { isRunning, type ImportView } from '../../../src/lib/import-view.ts';
import type { Env } from '../../env.ts';

export type ImportRow = typeof imports.$inferSelect;

export function rowToView(r: ImportRow): ImportView {
  return {
    id: r.id,
    campaignId: r.campaignId,
    fileName: r.fileName,
    status: r.status,
    ignoreErrors: r.ignoreErrors,
    onExisting: r.onExisting,
    totalRows: r.totalRows,
    validatedRows: r.processedRows,
    processedRows: r.processedRows,
    importedRows: r.importedRows,
    createdRows: r.createdRows,
    updatedRows: r.updatedRows,
    failedRows: r.failedRows,
    undoneRows: r.undoneRows,
    undoSkippedRows: r.undoSkippedRows,
    errorCounts: r.errorCounts,
    failure: r.failureCode ? { code: r.failureCode, message: r.failureMessage ?? '' } : null,
    warnings: r.warnings,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

export async function findImport(env: Env, workspaceId: string, id: string): Promise<ImportRow> {
  const row = await db(env.DB)
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.workspaceId, workspaceId)))
    .get();
  if (!row) throw notFound('Import');
  return row;
}

/** The live view for a running import (from its coordinator), the stored one otherwise. */
export async function currentView(env: Env, row: ImportRow): Promise<ImportView> {
  return isRunning(row.status) ? coordinator(env, row.id).view() : rowToView(row);
}
