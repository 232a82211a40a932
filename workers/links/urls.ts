/** The signed URLs of one import, as the completion email gives them: its page, error report and imported leads. */
import { signedQuery, type LinkKind } from './sign.ts';

export interface ImportLinks {
  importUrl: string;
  reportUrl: string;
  leadsUrl: string;
}

/** API path of a signed resource (relative, so the SPA can use it as is). */
export function linkPath(kind: LinkKind, importId: string, query: string): string {
  const id = encodeURIComponent(importId);
  if (kind === 'page') return `/imports/${id}?${query}`;
  return `/api/v1/links/imports/${id}/${kind === 'errors' ? 'errors' : 'leads'}.csv?${query}`;
}

export async function importLinks(secret: string, appUrl: string, importId: string, opts: { nowMs?: number; exp?: number } = {}): Promise<ImportLinks> {
  const base = withoutTrailingSlashes(appUrl);
  const [page, errors, leads] = await Promise.all(
    (['page', 'errors', 'leads'] as const).map(async (kind) => base + linkPath(kind, importId, await signedQuery(secret, kind, importId, opts))),
  );
  return { importUrl: page!, reportUrl: errors!, leadsUrl: leads! };
}

/** The URL without its trailing slashes (a scan: `/\/+$/` backtracks quadratically on a run of slashes). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end--;
  return url.slice(0, end);
}
