/**
 * Runs SQL against the D1 databases: the deployed ones through wrangler (--remote), the local state
 * either through wrangler or, for scripts that ask several things (openD1), in one local runtime
 * (wrangler's getPlatformProxy over the same files): each wrangler command costs seconds of a core.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

export function runSql(sql: string, remote = false, binding = 'DB'): void {
  const dir = mkdtempSync(join(tmpdir(), 'lead-import-sql-'));
  const file = join(dir, 'run.sql');
  writeFileSync(file, sql);
  try {
    const persist = !remote && process.env.WRANGLER_PERSIST_TO ? ['--persist-to', process.env.WRANGLER_PERSIST_TO] : [];
    execFileSync('npx', ['wrangler', 'd1', 'execute', binding, remote ? '--remote' : '--local', ...persist, '--file', file, '--yes'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of one query (wrangler's --json output). */
export function querySql<T>(sql: string, remote = false, binding = 'DB'): T[] {
  const persist = !remote && process.env.WRANGLER_PERSIST_TO ? ['--persist-to', process.env.WRANGLER_PERSIST_TO] : [];
  const out = execFileSync('npx', ['wrangler', 'd1', 'execute', binding, remote ? '--remote' : '--local', ...persist, '--command', sql, '--json', '--yes'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  });
  return (JSON.parse(out) as { results: T[] }[])[0]?.results ?? [];
}

/** The D1 databases a script reads and writes, by binding (DB unless named). */
export interface D1Access {
  query<T>(sql: string, binding?: string): Promise<T[]>;
  /** Statements run together (one batch locally, one file through wrangler). */
  run(statements: string[], binding?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The deployed databases through wrangler, or the local state (WRANGLER_PERSIST_TO, else wrangler's
 * own `.wrangler/state`) in one local runtime for the whole script.
 */
export async function openD1(remote: boolean): Promise<D1Access> {
  if (remote) {
    return {
      query: async <T>(sql: string, binding = 'DB') => querySql<T>(sql, true, binding),
      run: async (statements: string[], binding = 'DB') => runSql(statements.join('\n'), true, binding),
      close: async () => {},
    };
  }
  const { openLocalD1 } = await import('./local-d1.ts');
  const local = await openLocalD1({ cwd: process.cwd(), config: 'wrangler.toml', persistTo: process.env.WRANGLER_PERSIST_TO ?? '.wrangler/state' });
  const db = (binding: string) => {
    const found = local.env[binding];
    if (!found) throw new Error(`wrangler.toml declares no D1 database ${binding}`);
    return found;
  };
  return {
    query: async <T>(sql: string, binding = 'DB') => (await db(binding).prepare(sql).all<T>()).results,
    run: async (statements: string[], binding = 'DB') => {
      const d = db(binding);
      if (statements.length) await d.batch(statements.map((s) => d.prepare(s)));
    },
    close: () => local.dispose(),
  };
}
