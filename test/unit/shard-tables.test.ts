/** Every table of the leads shards is registered: carried by a workspace move, or named as left behind. */
import { is } from 'drizzle-orm';
import { SQLiteTable, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../workers/leads/schema.ts';
import { MOVED_TABLES, NOT_MOVED, unregisteredTables } from '../../workers/leads/shard-tables.ts';

const shardTables: SQLiteTable[] = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));

describe('the shard-table registry', () => {
  it('registers every table of workers/leads/schema.ts (a new one must say how a move carries it)', () => {
    expect(shardTables.length).toBeGreaterThanOrEqual(8);
    expect(unregisteredTables(shardTables)).toEqual([]);
  });

  it('names a table that is not registered', () => {
    const consent = sqliteTable('consent_evidence', { workspaceId: text('workspace_id').notNull() });
    expect(unregisteredTables([...shardTables, consent])).toEqual(['consent_evidence']);
  });

  it('registers each table once, and every carried step under its own name', () => {
    const all = [...MOVED_TABLES.flatMap((t) => t.tables), ...NOT_MOVED.map((t) => t.table)];
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(MOVED_TABLES.map((t) => t.name)).size).toBe(MOVED_TABLES.length);
  });
});
