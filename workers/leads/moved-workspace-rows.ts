/**
 * The move of a plain workspace table: every row with the workspace's `workspace_id`, all columns
 * as the schema declares them (so a new column moves without an edit). The copy walks the old
 * shard in rowid order, or in the order of `key` for a WITHOUT ROWID table (it is fenced, so
 * nothing is added meanwhile) and inserts with ON CONFLICT DO NOTHING (the table's own keys make a
 * re-copied batch insert nothing twice); the checksum covers every column; the delete takes slices
 * by rowid (by key). A shard table keyed by workspace needs only `movedWorkspaceRows(table)` in
 * shard-tables.ts.
 */
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { paramGroups } from './param-groups.ts';
import { digestPages, sameDigest, type Digest } from './checksum.ts';
import { copyDiffers, type MoveContext, type MovedTable } from './moved-table.ts';

/** Rows deleted from the old shard per statement. */
const DELETE_SLICE = 5_000;

export interface WorkspaceRowsOptions {
  /**
   * The columns (after workspace_id) that order the rows and resume the copy, for a WITHOUT ROWID
   * table (its primary key after workspace_id); without it, rowid.
   */
  key?: readonly string[];
  /** Tables carried alongside (their rows are set by the hooks, not copied). */
  alongside?: readonly SQLiteTable[];
  /** Runs once on the new shard before the first batch is copied. */
  beforeCopy?: (ctx: MoveContext) => Promise<void>;
  /** Runs on the old shard once its last row is deleted. */
  afterDelete?: (ctx: MoveContext) => Promise<void>;
}

/** A key's values, as the cursor (JSON) holds them; the first page starts below every key. */
type KeyValues = unknown[];

/** A MovedTable for `table`, and its digest of one workspace's rows on a shard. */
export function movedWorkspaceRows(table: SQLiteTable, opts: WorkspaceRowsOptions = {}): MovedTable & { digest: (d1: D1Database, workspaceId: string) => Promise<Digest> } {
  const config = getTableConfig(table);
  const name = config.name;
  const columns = config.columns.map((c) => c.name);
  if (!columns.includes('workspace_id')) throw new Error(`${name} has no workspace_id: declare how a move carries it in shard-tables.ts`);
  const list = columns.join(', ');
  const values = columns.map((_, i) => `j.value->>${i}`).join(', ');

  // The order rows are walked in, and the condition that starts a page after `KeyValues` bound from ?2.
  const key = opts.key ?? ['rowid'];
  const keyed = opts.key !== undefined;
  const keyList = key.join(', ');
  const after = `(${keyList}) > (${key.map((_, i) => `?${i + 2}`).join(', ')})`;
  const limit = `?${key.length + 2}`;
  const keySelect = key.map((k, i) => `${k} AS _k${i}`).join(', ');
  const keyOf = (r: Record<string, unknown>): KeyValues => key.map((_, i) => r[`_k${i}`]);
  /** Below every key: rowids start at 1; a WITHOUT ROWID key starts below any text or number (NULL sorts first, but never matches >). */
  const first: KeyValues = keyed ? key.map(() => -Number.MAX_SAFE_INTEGER) : [0];

  const page = (d1: D1Database, workspaceId: string, from: KeyValues, rows: number, select: string) =>
    d1
      .prepare(`SELECT ${keySelect}, ${select} FROM ${name} WHERE workspace_id = ?1 AND ${after} ORDER BY ${keyList} LIMIT ${limit}`)
      .bind(workspaceId, ...from, rows)
      .all<Record<string, unknown>>();

  const digest = (d1: D1Database, workspaceId: string) =>
    digestPages(async (from: KeyValues, rows) => {
      const { results } = await page(d1, workspaceId, from, rows, `json_array(${list}) AS content`);
      return results.map((r) => ({ key: keyOf(r), content: r.content as string }));
    }, first);

  return {
    name,
    tables: [table, ...(opts.alongside ?? [])],
    digest,

    async copy(ctx, cursor) {
      if (cursor === null) await opts.beforeCopy?.(ctx);
      const from = cursor === null ? first : (JSON.parse(cursor) as KeyValues);
      const { results } = await page(ctx.from, ctx.workspaceId, from, ctx.batchRows, list);
      const statements = paramGroups(results, (r) => columns.map((c) => r[c])).map((json) =>
        ctx.to.prepare(`INSERT INTO ${name} (${list}) SELECT ${values} FROM json_each(?1) AS j WHERE true ON CONFLICT DO NOTHING`).bind(json),
      );
      if (statements.length) await ctx.to.batch(statements);
      const done = results.length < ctx.batchRows;
      return { rows: results.length, cursor: done ? null : JSON.stringify(keyOf(results[results.length - 1]!)) };
    },

    async verify({ from, to, workspaceId }) {
      const [a, b] = await Promise.all([digest(from, workspaceId), digest(to, workspaceId)]);
      if (!sameDigest(a, b)) throw copyDiffers(`Table ${name}`, a, b);
      return [{ table: name, ...b }];
    },

    async deleteOld(ctx) {
      const slice = keyed
        ? `DELETE FROM ${name} WHERE (workspace_id, ${keyList}) IN (SELECT workspace_id, ${keyList} FROM ${name} WHERE workspace_id = ?1 LIMIT ?2)`
        : `DELETE FROM ${name} WHERE rowid IN (SELECT rowid FROM ${name} WHERE workspace_id = ?1 LIMIT ?2)`;
      while (Date.now() < ctx.deadline) {
        const result = await ctx.from.prepare(slice).bind(ctx.workspaceId, DELETE_SLICE).run();
        if ((result.meta.changes ?? 0) < DELETE_SLICE) {
          await opts.afterDelete?.(ctx);
          return true;
        }
      }
      return false;
    },
  };
}
