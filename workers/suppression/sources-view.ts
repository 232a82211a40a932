/**
 * GET /suppressions/sources, and what an import is told about them: each source of the workspace's
 * list with its count, the date of its copy, how old a copy may be, and whether it is stale now
 * (src/lib/suppression/sources.ts decides).
 */
import type { Env } from '../env.ts';
import { INTERNAL_SOURCE, isStale, maxAgeDaysOf, staleMessage } from '../../src/lib/suppression/sources.ts';
import { listSources } from './sources-store.ts';

export interface SourceView {
  source: string;
  count: number;
  asOf: string | null;
  maxAgeDays: number | null;
  stale: boolean;
  /** A replace of this source is being written (its list import's id), or null. */
  replacing: string | null;
}

export interface ImportWarning {
  code: string;
  message: string;
}

/**
 * Every source in use: `internal` always, others once they hold numbers or a dated copy (a first
 * replace still being written shows with no count, and is not stale: there is no copy yet).
 */
export async function sourcesView(env: Env, workspaceId: string, at: Date): Promise<SourceView[]> {
  return (await listSources(env, workspaceId))
    .filter((s) => s.source === INTERNAL_SOURCE || s.count > 0 || s.asOf !== null || s.replacing !== null)
    .map((s) => ({
      source: s.source,
      count: s.count,
      asOf: s.asOf,
      maxAgeDays: maxAgeDaysOf(s.source),
      stale: (s.count > 0 || s.asOf !== null) && isStale(s.source, s.asOf, at),
      replacing: s.replacing,
    }));
}

/** One SUPPRESSION_SOURCE_STALE warning per stale source of the workspace's list at `at`. */
export async function staleSourceWarnings(env: Env, workspaceId: string, at: Date): Promise<ImportWarning[]> {
  return (await sourcesView(env, workspaceId, at)).filter((s) => s.stale).map((s) => ({ code: 'SUPPRESSION_SOURCE_STALE', message: staleMessage(s.source, s.asOf, at) }));
}
