/**
 * The imports read model: an import's D1 row (options, file metadata, the counters its Durable
 * Object mirrors, its undo and retention marks) and the import resource made from it. Reads of the
 * `imports` table go through here; its status changes go through workers/lifecycle.
 */
import { auditQuery, type AuditEntry } from '../audit/record-audit.ts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { db } from '../db/client.ts';
import { imports } from '../db/schema.ts';
import { notFoundRefusal } from '../refusal.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { isRunning, RUNNING, type ImportStatus, type ImportView, type ImportWarning } from '../../src/lib/import-view.ts';

export type ImportRow = typeof imports.$inferSelect;
export type NewImportRow = typeof imports.$inferInsert;

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
    unchangedRows: r.unchangedRows,
    failedRows: r.failedRows,
    undoneRows: r.undoneRows,
    undoDeletedRows: r.undoDeletedRows,
    undoRestoredRows: r.undoneRows - r.undoDeletedRows,
    undoSkippedRows: r.undoSkippedRows,
    errorCounts: r.errorCounts,
    mappingSource: r.mappingSource,
    failure: r.failureCode ? { code: r.failureCode, message: r.failureMessage ?? '' } : null,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    encoding: r.encoding,
    warnings: r.warnings ?? [],
  };
}

/**
 * Records the encoding a file was read in once its reader settled it after the import was created
 * (a file whose first 64 KB were plain ASCII), with its ENCODING_UNCERTAIN warning; other warnings stay.
 */
export async function setImportEncoding(env: Env, importId: string, encoding: string | null, encodingWarnings: ImportWarning[]): Promise<void> {
  const row = await db(env.DB).select({ warnings: imports.warnings }).from(imports).where(eq(imports.id, importId)).get();
  const warnings = [...(row?.warnings ?? []).filter((w) => w.code !== 'ENCODING_UNCERTAIN'), ...encodingWarnings];
  await db(env.DB).update(imports).set({ encoding, warnings: warnings.length ? warnings : null }).where(eq(imports.id, importId));
}

/** Inserts an import's row, with its audit entry in the same batch (one transaction) when given (workers/lifecycle creates every import through recordImportCreated). */
export async function insertImport(env: Env, row: NewImportRow, audit?: AuditEntry): Promise<void> {
  const d = db(env.DB);
  if (!audit) return void (await d.insert(imports).values(row));
  await d.batch([d.insert(imports).values(row), auditQuery(d, audit, row.createdAt)]);
}

/** The import, within the workspace, or a NOT_FOUND refusal. */
export async function findImport(env: Env, workspaceId: string, id: string): Promise<ImportRow> {
  const row = await db(env.DB)
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.workspaceId, workspaceId)))
    .get();
  if (!row) throw notFoundRefusal('Import');
  return row;
}

/** The import, within the workspace, or null. */
export async function findImportIfAny(env: Env, workspaceId: string, id: string): Promise<ImportRow | null> {
  const row = await db(env.DB)
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.workspaceId, workspaceId)))
    .get();
  return row ?? null;
}

/** The import a signed link names (the signature is the authority, not a workspace), or NOT_FOUND. */
export async function findLinkedImport(env: Env, id: string): Promise<ImportRow> {
  const row = await db(env.DB).select().from(imports).where(eq(imports.id, id)).get();
  if (!row) throw notFoundRefusal('Import');
  return row;
}

/** The workspace's imports (of one campaign, when given), newest first. */
export async function listImports(env: Env, workspaceId: string, q: { campaignId?: string | undefined; limit: number }): Promise<ImportView[]> {
  const where = q.campaignId ? and(eq(imports.workspaceId, workspaceId), eq(imports.campaignId, q.campaignId)) : eq(imports.workspaceId, workspaceId);
  const rows = await db(env.DB).select().from(imports).where(where).orderBy(desc(imports.createdAt)).limit(q.limit).all();
  return rows.map(rowToView);
}

/** The live view for a running import (from its coordinator), the stored one otherwise. */
export async function currentView(env: Env, row: ImportRow): Promise<ImportView> {
  return isRunning(row.status) ? coordinator(env, row.id).view() : rowToView(row);
}

/** An import as retention and the workspace move read it. */
export interface ImportRef {
  id: string;
  workspaceId: string;
  campaignId: string;
}

/** Retention's steps: which mark an ended import still lacks. */
export type RetentionMark = 'purgedAt' | 'reportDeletedAt' | 'changesDeletedAt';

const MARK_COLUMN = { purgedAt: imports.purgedAt, reportDeletedAt: imports.reportDeletedAt, changesDeletedAt: imports.changesDeletedAt } as const;

/**
 * Ended imports ended before `cutoff` that still lack `mark`, oldest first, paged (rows whose
 * handling failed stay selected and are skipped with `offset`). `changesDeletedAt` also skips
 * imports being undone and workspaces being moved, which still need their change records.
 */
export async function endedImportsLacking(env: Env, mark: RetentionMark, cutoff: string, limit: number, offset: number): Promise<ImportRef[]> {
  const conditions = [sql`${imports.finishedAt} IS NOT NULL`, sql`${imports.finishedAt} < ${cutoff}`, sql`${MARK_COLUMN[mark]} IS NULL`];
  if (mark === 'changesDeletedAt') {
    conditions.push(sql`${imports.status} <> 'undoing'`, sql`${imports.workspaceId} NOT IN (SELECT workspace_id FROM workspace_moves)`);
  }
  return db(env.DB)
    .select({ id: imports.id, workspaceId: imports.workspaceId, campaignId: imports.campaignId })
    .from(imports)
    .where(and(...conditions))
    .orderBy(imports.finishedAt, imports.id)
    .limit(limit)
    .offset(offset)
    .all();
}

/** Records a retention step done for an import (deleting its report also counts as purging its chunks). */
export async function markImport(env: Env, id: string, mark: RetentionMark, at: string): Promise<void> {
  const set: Partial<ImportRow> = { [mark]: at };
  if (mark === 'reportDeletedAt') {
    await db(env.DB)
      .update(imports)
      .set({ reportDeletedAt: at, purgedAt: sql`coalesce(${imports.purgedAt}, ${at})` })
      .where(eq(imports.id, id))
      .run();
    return;
  }
  await db(env.DB).update(imports).set(set).where(eq(imports.id, id)).run();
}

/** For a workspace move: the next import (by id) after `afterId` whose change records are kept. */
export async function nextImportWithChanges(env: Env, workspaceId: string, afterId: string): Promise<ImportRef | undefined> {
  return db(env.DB)
    .select({ id: imports.id, workspaceId: imports.workspaceId, campaignId: imports.campaignId })
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), sql`${imports.id} > ${afterId}`, sql`${imports.changesDeletedAt} IS NULL`))
    .orderBy(imports.id)
    .limit(1)
    .get();
}

/** An import by id alone (the workspace move's cursor names one). */
export async function importRef(env: Env, id: string): Promise<ImportRef | undefined> {
  return db(env.DB).select({ id: imports.id, workspaceId: imports.workspaceId, campaignId: imports.campaignId }).from(imports).where(eq(imports.id, id)).get();
}

/** How many of the workspace's imports are running now. */
export async function runningImportCount(env: Env, workspaceId: string): Promise<number> {
  const row = await db(env.DB)
    .select({ n: sql<number>`count(*)` })
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), sql`${imports.status} IN (SELECT value FROM json_each(${JSON.stringify(RUNNING)}))`))
    .get();
  return row?.n ?? 0;
}

/** Ids of the workspace's imports with one of these statuses. */
export async function importIdsWithStatus(env: Env, workspaceId: string, statuses: readonly ImportStatus[]): Promise<string[]> {
  const rows = await db(env.DB)
    .select({ id: imports.id })
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), sql`${imports.status} IN (SELECT value FROM json_each(${JSON.stringify(statuses)}))`))
    .orderBy(imports.id)
    .all();
  return rows.map((r) => r.id);
}
