/**
 * When a suppression entry applies, written once as SQL for every query that asks (the list's own
 * lookups and pages, the packed form, and the leads listings that leave listed numbers out): its
 * source's generation is the one in force (suppression_sources; a source without a row is at
 * generation 0), so a replace being written, or a generation replaced and not yet swept, never
 * counts; and it has not expired at the instant asked about.
 */

/** SQL: entry alias `s` belongs to its source's generation in force (expired or not). */
export function currentGeneration(s: string): string {
  return `${s}.generation = coalesce((SELECT g.generation FROM suppression_sources AS g WHERE g.workspace_id = ${s}.workspace_id AND g.source = ${s}.source), 0)`;
}

/** SQL: entry alias `s` applies at the instant bound as `at` (an ISO instant as stored: text order is time order). */
export function inForce(s: string, at: string): string {
  return `(${currentGeneration(s)} AND (${s}.expires_at IS NULL OR ${s}.expires_at > ${at}))`;
}

/** SQL: the number in column `phone` is listed for the workspace bound as `workspace` at `at`. */
export function isListed(phone: string, workspace: string, at: string): string {
  return `EXISTS (SELECT 1 FROM suppressions AS s WHERE s.workspace_id = ${workspace} AND s.phone = ${phone} AND ${inForce('s', at)})`;
}
