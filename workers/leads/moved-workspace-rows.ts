/**
 * The move of a plain workspace table: every row with the workspace's `workspace_id`, all columns
 * as the schema declares them (so a new column moves without an edit). The copy walks the old
 * shard in rowid order (it is fenced, so nothing is added meanwhile) and inserts with ON CONFLICT
 * DO NOTHING (the table's own keys make a re-copied batch insert nothing twice); the checksum
 * covers every column; the delete takes slices by rowid. A shard table keyed by workspace needs
 * only `movedWorkspaceRows(table)` in shard-tables.ts.
 */
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { paramGroups } from './param-groups.ts';
import { digestPages, sameDigest, type Digest } from './checksum.ts';
import { copyDiffers, type MoveContext, type MovedTable } from './moved-table.ts';

/** Rows deleted from the old shard per statement. */
const DELETE_SLICE = 5_000;

export interface WorkspaceRowsOptions {
  /** Tables carried alongside (their rows are set by the hooks, not copied). */
  alongside?: readonly SQLiteTable[];
  /** Runs once on the new shard before the first batch is copied. */
  beforeCopy?: (ctx: MoveContext) => Promise<void>;
  /** Runs on the old shard once its last row is deleted. */
  afterDelete?: (ctx: MoveContext) => Promise<void>;
}

/** A MovedTable for `table`, and its digest of one workspace's rows on a shard. */
export function movedWorkspaceRows(table: SQLiteTable, opts: WorkspaceRowsOptions = {}): MovedTable & { digest: (d1: D1Database, workspaceId: string) => Promise<Digest> } {
  const config = getTableConfig(table);
  const name = config.name;
  const columns = config.columns.map((c) => c.name);
  if (!columns.includes('workspace_id')) throw new Error(`${name} has no workspace_id: declare how a move carries it in shard-tables.ts`);
  const list = columns.join(', ');
  const values = columns.map((_, i) => `j.value->>${i}`).join(', ');

  const digest = (d1: D1Database, workspaceId: string) =>
    digestPages(async (after: number, limit) => {
      const { results } = await d1
        .prepare(`SELECT rowid AS key, json_array(${list}) AS content FROM ${name} WHERE workspace_id = ?1 AND rowid > ?2 ORDER BY rowid LIMIT ?3`)
        .bind(workspaceId, after, limit)
        .all<{ key: number; content: string }>();
      return results;
    }, 0);

  return {
    name,
    tables: [table, ...(opts.alongside ?? [])],
    digest,

    async copy(ctx, cursor) {
      if (cursor === null) await opts.beforeCopy?.(ctx);
      const after = cursor === null ? 0 : Number(cursor);
      const { results } = await ctx.from
        .prepare(`SELECT rowid AS _rowid, ${list} FROM ${name} WHERE workspace_id = ?1 AND rowid > ?2 ORDER BY rowid LIMIT ?3`)
        .bind(ctx.workspaceId, after, ctx.batchRows)
        .all<Record<string, unknown> & { _rowid: number }>();
      const statements = paramGroups(results, (r) => columns.map((c) => r[c])).map((json) =>
        ctx.to.prepare(`INSERT INTO ${name} (${list}) SELECT ${values} FROM json_each(?1) AS j WHERE true ON CONFLICT DO NOTHING`).bind(json),
      );
      if (statements.length) await ctx.to.batch(statements);
      const done = results.length < ctx.batchRows;
      return { rows: results.length, cursor: done ? null : String(results[results.length - 1]!._rowid) };
    },

    async verify({ from, to, workspaceId }) {
      const [a, b] = await Promise.all([digest(from, workspaceId), digest(to, workspaceId)]);
      if (!sameDigest(a, b)) throw copyDiffers(`Table ${name}`, a, b);
      return [{ table: name, ...b }];
    },

    async deleteOld(ctx) {
      while (Date.now() < ctx.deadline) {
        const result = await ctx.from
          .prepare(`DELETE FROM ${name} WHERE rowid IN (SELECT rowid FROM ${name} WHERE workspace_id = ?1 LIMIT ?2)`)
          .bind(ctx.workspaceId, DELETE_SLICE)
          .run();
        if ((result.meta.changes ?? 0) < DELETE_SLICE) {
          await opts.afterDelete?.(ctx);
          return true;
        }
      }
      return false;
    },
  };
}
