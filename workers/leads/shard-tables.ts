/**
 * The registry of leads-shard tables: every table of workers/leads/schema.ts is either carried by a
 * workspace move (copy, checksum, delete: a MovedTable, in the order the move copies them) or
 * named here with the reason a move leaves it. A table in neither list fails
 * test/unit/shard-tables.test.ts. A plain table keyed by workspace is one line:
 * `movedWorkspaceRows(table)`.
 */
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { shardMeta, suppressionListVersions, suppressions, suppressionSources, workspaceFences } from './schema.ts';
import type { MovedTable } from './moved-table.ts';
import { MOVED_LEADS } from './move-leads.ts';
import { MOVED_CHANGES } from './move-changes.ts';
import { movedWorkspaceRows } from './moved-workspace-rows.ts';

/** Sets a fresh random version of the workspace's (?1) suppression list (workers/suppression/packed-list.ts). */
const NEW_LIST_VERSION = `INSERT INTO suppression_list_versions (workspace_id, version) VALUES (?1, lower(hex(randomblob(8))))
  ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version`;

/**
 * The suppression list's entries, in key order (source, generation, phone: the table is WITHOUT
 * ROWID), every generation (a replaced one still waiting for the sweep included); its version is
 * set anew on the new shard and deleted with the list on the old.
 */
export const MOVED_SUPPRESSIONS = movedWorkspaceRows(suppressions, {
  key: ['source', 'generation', 'phone'],
  alongside: [suppressionListVersions],
  // A fresh list version on the new shard: a packed list cached before the move (or during an
  // earlier stay there) never matches the list as copied.
  beforeCopy: ({ to, workspaceId }) => to.prepare(NEW_LIST_VERSION).bind(workspaceId).run().then(() => {}),
  afterDelete: ({ from, workspaceId }) => from.prepare('DELETE FROM suppression_list_versions WHERE workspace_id = ?1').bind(workspaceId).run().then(() => {}),
});

/** The suppression list's sources: which generation of each is in force, its count, its copy's date, a replace under way. */
export const MOVED_SUPPRESSION_SOURCES = movedWorkspaceRows(suppressionSources);

/**
 * What a move carries, in copy order (the leads first: the change records point at their copies;
 * a list's sources before its entries, so no entry is on the new shard without the generation
 * that puts it in force).
 */
export const MOVED_TABLES: readonly MovedTable[] = [MOVED_LEADS, MOVED_SUPPRESSION_SOURCES, MOVED_SUPPRESSIONS, MOVED_CHANGES];

/** Shard tables a move leaves where they are, and why. */
export const NOT_MOVED: readonly { table: SQLiteTable; why: string }[] = [
  { table: workspaceFences, why: "the move's own fence: set on the old shard when the copy starts, and kept there" },
  { table: shardMeta, why: 'facts about the shard itself (zone data version), not about a workspace' },
];

/** The names of `tables` that neither a MovedTable carries nor NOT_MOVED names (the registry test wants none). */
export function unregisteredTables(tables: readonly SQLiteTable[]): string[] {
  const registered = new Set<SQLiteTable>([...MOVED_TABLES.flatMap((t) => t.tables), ...NOT_MOVED.map((t) => t.table)]);
  return tables.filter((t) => !registered.has(t)).map((t) => getTableConfig(t).name);
}
