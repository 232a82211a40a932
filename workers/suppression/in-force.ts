/**
 * When a suppression entry applies, written once as SQL for every query that asks (the list's own
 * lookups and pages, the packed form, and the leads listings that leave listed numbers out): the
 * entry belongs to its source's generation in force (suppression_sources: a replace being written,
 * or a generation replaced and not yet swept, never counts), and it has not expired at the instant
 * asked about. Queries start from the workspace's sources and reach an entry with one primary-key
 * probe per source (the key is workspace, source, generation, number).
 */

/** SQL join condition: entry `s` is of the generation in force of source row `g`. */
export function ofGenerationInForce(g: string, s: string): string {
  return `${s}.workspace_id = ${g}.workspace_id AND ${s}.source = ${g}.source AND ${s}.generation = ${g}.generation`;
}

/** SQL: entry `s` has not expired at the instant bound as `at` (an ISO instant as stored: text order is time order). */
export function notExpired(s: string, at: string): string {
  return `(${s}.expires_at IS NULL OR ${s}.expires_at > ${at})`;
}

/** SQL: the number in expression `phone` is on the list of the workspace bound as `workspace`, in force at `at`. */
export function isListed(phone: string, workspace: string, at: string): string {
  return `EXISTS (SELECT 1 FROM suppression_sources AS g CROSS JOIN suppressions AS s ON ${ofGenerationInForce('g', 's')} AND s.phone = ${phone}
    WHERE g.workspace_id = ${workspace} AND ${notExpired('s', at)})`;
}
