/**
 * The suppression list at import: after a chunk's rows are validated, its valid numbers (primary
 * and secondary) are looked up against the workspace's list in one batched query. A listed primary
 * makes the row fail with SUPPRESSED, a listed secondary with SECONDARY_SUPPRESSED (the row fails
 * too, like an invalid secondary number). Entries that have expired do not apply.
 */
import type { Env } from '../env.ts';
import type { ImportConfig } from '../coordinator/state.ts';
import type { RowVerdict } from './verdicts.ts';
import { suppressedAmong } from '../suppression/store.ts';
import { suppressionColumns, suppressionErrors } from '../../src/lib/validate/suppression.ts';

/** Marks the entries whose numbers are on the workspace's list (in force at `now`): refused, if they are their number's first occurrence. */
export async function markSuppressed(env: Env, config: ImportConfig, entries: RowVerdict[], now: Date = new Date()): Promise<void> {
  const numbers: string[] = [];
  for (const e of entries) {
    if (!e.lead) continue;
    numbers.push(e.lead.e164);
    for (const s of e.lead.secondary) numbers.push(s.e164);
  }
  if (!numbers.length) return;
  const listed = await suppressedAmong(env, config.workspaceId, numbers, now);
  if (!listed.size) return;
  // The same verdicts and column names as the preview's (src/lib/validate/suppression.ts).
  const columns = suppressionColumns(config.headers, config.mapping, config.assistant);
  for (const e of entries) {
    const lead = e.lead;
    if (!lead) continue;
    const errors = suppressionErrors(listed, lead.e164, lead.secondary.map((s) => s.e164), () => e.cells, columns);
    if (!errors) continue;
    e.refusal = { suppressed: true, inCampaign: false, errors };
  }
}
