/**
 * The suppression list at import: after a chunk's rows are validated, its valid numbers (primary
 * and secondary) are looked up against the workspace's list in one batched query. A listed primary
 * makes the row fail with SUPPRESSED, a listed secondary with SECONDARY_SUPPRESSED (the row fails
 * too, like an invalid secondary number). Entries that have expired do not apply.
 */
import type { Env } from '../env.ts';
import type { ImportConfig } from '../coordinator/state.ts';
import type { ValidatedEntry } from './validated-chunk.ts';
import { suppressedAmong } from '../suppression/store.ts';
import { secondarySuppressed, suppressed } from '../../src/lib/validate/messages.ts';
import { phoneColumnLabel } from '../../src/lib/map/phone-column.ts';
import { columnLabel } from '../../src/lib/map/column-label.ts';
import { isValidTarget, secondaryPhoneHeader } from '../../src/lib/map/columns.ts';

/** Marks the entries whose numbers are on the workspace's list (in force at `now`); they lose their lead. */
export async function markSuppressed(env: Env, config: ImportConfig, entries: ValidatedEntry[], now: Date = new Date()): Promise<void> {
  const numbers: string[] = [];
  for (const e of entries) {
    if (!e.lead) continue;
    numbers.push(e.lead.e164);
    for (const s of e.lead.secondary) numbers.push(s.e164);
  }
  if (!numbers.length) return;
  const listed = await suppressedAmong(env, config.workspaceId, numbers, now);
  if (!listed.size) return;
  const primaryColumn = phoneColumnLabel(config.headers, config.mapping);
  const secondaryColumns = secondaryPhoneColumns(config);
  for (const e of entries) {
    const lead = e.lead;
    if (!lead) continue;
    if (listed.has(lead.e164)) e.errors.push(suppressed(primaryColumn));
    if (lead.secondary.some((s) => listed.has(s.e164))) {
      // Contacts are numbered over the filled secondary phone columns, in column-number order.
      const filled = secondaryColumns.filter((c) => (e.cells[c.index] ?? '').trim() !== '');
      for (const s of lead.secondary) {
        if (!listed.has(s.e164)) continue;
        const column = filled[s.position - 1];
        e.errors.push(
          secondarySuppressed(column?.label ?? secondaryPhoneHeader(s.position), column ? (e.cells[column.index] ?? '').trim() : s.e164),
        );
      }
    }
    if (e.errors.length) delete e.lead;
  }
}

/** The secondary phone columns (the first one of each N), in N order, with their labels. */
function secondaryPhoneColumns(config: ImportConfig): { n: number; index: number; label: string }[] {
  const byN = new Map<number, number>();
  config.mapping.columns.forEach((target, i) => {
    if (i >= config.headers.length || target.kind !== 'secondaryPhone' || !isValidTarget(target, config.assistant)) return;
    if (!byN.has(target.index)) byN.set(target.index, i);
  });
  return [...byN]
    .sort((a, b) => a[0] - b[0])
    .map(([n, index]) => ({ n, index, label: columnLabel(config.headers, index) }));
}
