/** Runs SQL against the D1 database through wrangler (local state by default, --remote for the deployed one). */
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
