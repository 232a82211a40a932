/**
 * Prepares wrangler's local D1 state for a dev server in one Node process: every D1 database of a
 * wrangler config gets its migrations, recorded in `d1_migrations` as `wrangler d1 migrations
 * apply` records them, then `statements` run on DB. The bindings come from wrangler's
 * getPlatformProxy over the config's D1 databases (the same ids) and the state folder `wrangler dev
 * --persist-to` uses, so the server finds the data; one process instead of a wrangler command per
 * database (each costs seconds of a core to start).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { readD1Migrations } from '@cloudflare/vitest-plugin';
import { getPlatformProxy } from 'wrangler';
import { d1Blocks, d1Databases } from './shards.ts';

export interface LocalD1Options {
  /** The project folder (the config and the state folder are relative to it). */
  cwd: string;
  /** The wrangler config, e.g. wrangler.toml. */
  config: string;
  /** The folder given to `wrangler dev --persist-to`. */
  persistTo: string;
  /** SQL statements, one an element, run on DB after the migrations. */
  statements: string[];
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`;

/** Applies the migrations not yet recorded in `d1_migrations`, each in one batch with its record. */
async function migrate(db: D1Database, dir: string): Promise<void> {
  await db.prepare(MIGRATIONS_TABLE).run();
  const applied = new Set((await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()).results.map((r) => r.name));
  for (const migration of await readD1Migrations(dir)) {
    if (applied.has(migration.name)) continue;
    await db.batch([...migration.queries.map((q) => db.prepare(q)), db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').bind(migration.name)]);
  }
}

/** The D1 databases of a wrangler config, local, by binding, over the state folder `wrangler dev --persist-to` uses. */
export interface LocalD1 {
  env: Record<string, D1Database>;
  /** The databases' declared migrations folders, by binding (absolute). */
  migrationsDirs: { binding: string; dir: string }[];
  dispose(): Promise<void>;
}

/** Opens the config's D1 databases in one local runtime (wrangler's getPlatformProxy). */
export async function openLocalD1(opts: { cwd: string; config: string; persistTo: string }): Promise<LocalD1> {
  const configPath = resolve(opts.cwd, opts.config);
  const text = readFileSync(configPath, 'utf8');
  // A config of the D1 databases alone (the same ids, so the same local files): the Worker's other
  // bindings (its Durable Objects, which a proxy without the Worker cannot run) would only warn.
  const dir = mkdtempSync(join(tmpdir(), 'lead-import-d1-'));
  const d1Config = join(dir, 'wrangler.toml');
  writeFileSync(d1Config, [`name = "local-d1"`, /^compatibility_date = .*$/m.exec(text)?.[0] ?? '', ...d1Blocks(text)].join('\n'));
  try {
    const proxy = await getPlatformProxy<Record<string, D1Database>>({ configPath: d1Config, persist: { path: join(resolve(opts.cwd, opts.persistTo), 'v3') } });
    return {
      env: proxy.env,
      migrationsDirs: d1Databases(text).map(({ binding, migrationsDir }) => ({ binding, dir: resolve(dirname(configPath), migrationsDir) })),
      async dispose() {
        await proxy.dispose();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export async function prepareLocalD1(opts: LocalD1Options): Promise<void> {
  const local = await openLocalD1(opts);
  try {
    for (const { binding, dir } of local.migrationsDirs) await migrate(local.env[binding]!, dir);
    const db = local.env.DB!;
    if (opts.statements.length) await db.batch(opts.statements.map((s) => db.prepare(s)));
  } finally {
    await local.dispose();
  }
}
