/** The D1 databases of a wrangler config, as the local-state preparation reads them (scripts/shards.ts, scripts/local-d1.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { d1Blocks, d1Databases, d1Bindings } from '../../scripts/shards.ts';

describe('the D1 databases of a wrangler config', () => {
  it("reads the project's: DB with the main migrations, each leads shard with the leads migrations", () => {
    const text = readFileSync('wrangler.toml', 'utf8');
    expect(d1Databases(text)).toEqual([
      { binding: 'DB', migrationsDir: 'drizzle' },
      { binding: 'LEADS_0', migrationsDir: 'drizzle-leads' },
      { binding: 'LEADS_1', migrationsDir: 'drizzle-leads' },
    ]);
    expect(d1Bindings(text)).toEqual(['DB', 'LEADS_0', 'LEADS_1']);
  });

  it('keeps each block whole (ids included) and stops at the next table', () => {
    const text = [
      'name = "x"',
      '[[d1_databases]]',
      'binding = "DB"',
      'database_id = "00000000-0000-4000-8000-000000000000"',
      '',
      '[[r2_buckets]]',
      'binding = "UPLOADS"',
      '[[d1_databases]]',
      'binding = "OTHER"',
    ].join('\n');
    expect(d1Blocks(text)).toEqual(['[[d1_databases]]\nbinding = "DB"\ndatabase_id = "00000000-0000-4000-8000-000000000000"\n', '[[d1_databases]]\nbinding = "OTHER"\n']);
    // Without migrations_dir, wrangler's default folder.
    expect(d1Databases(text)).toEqual([
      { binding: 'DB', migrationsDir: 'migrations' },
      { binding: 'OTHER', migrationsDir: 'migrations' },
    ]);
  });
});
