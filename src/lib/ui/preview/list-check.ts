/**
 * The workspace's suppression list arriving in the preview worker: what the summary says of it,
 * and the verdicts of rows already shown that it changes (preview-verdicts.ts checks them).
 */
import type { RowVerdict, SuppressionCheck } from './protocol.ts';
import type { PreviewVerdicts } from './preview-verdicts.ts';
import { packedSetFromBuffer } from '../suppression/packed-list-cache.ts';

/** The list's bytes (null with the page's reason, or none when the campaign checks no list): the check's state and the changed verdicts. */
export function receiveList(verdicts: PreviewVerdicts, bytes: ArrayBuffer | null, error: string | null): { check: SuppressionCheck; changes: { index: number; verdict: RowVerdict }[] } {
  if (!bytes) return { check: error ? { state: 'unavailable', message: error } : { state: 'off' }, changes: [] };
  try {
    const listed = packedSetFromBuffer(bytes);
    return { check: { state: 'checked', listed: listed.size, rows: 0, form: listed.form }, changes: verdicts.receiveList(listed) };
  } catch (e) {
    return { check: { state: 'unavailable', message: e instanceof Error ? e.message : 'The suppression list arrived damaged.' }, changes: [] };
  }
}
