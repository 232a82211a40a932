/** POST /suppressions: numbers typed in a JSON request (at most 10,000), normalised like leads, then listed. */
import type { Env } from '../env.ts';
import { createEntryReader, type InvalidSuppression, type SuppressionEntryInput } from '../../src/lib/suppression/entry.ts';
import type { AddSuppressionsInput } from '../../src/lib/suppression/schemas.ts';
import { suppressionStore } from './store.ts';
import { assertSourceRoom } from './sources-store.ts';

/**
 * What an add did. Every input is counted once: `added` (newly listed, or an expired entry put back
 * in force), `alreadyPresent` (listed before, or repeated earlier in the same request/file), or
 * one of `invalidCount` refused inputs, the first of which are in `invalid`.
 */
export interface AddResult {
  added: number;
  alreadyPresent: number;
  invalid: (InvalidSuppression & { index?: number })[];
  invalidCount: number;
}

export async function addNumbers(env: Env, workspaceId: string, input: AddSuppressionsInput, now = new Date()): Promise<AddResult> {
  const reader = createEntryReader(input.defaultCountry);
  const entries: SuppressionEntryInput[] = [];
  const invalid: AddResult['invalid'] = [];
  input.phoneNumbers.forEach((text, index) => {
    const result = reader.fromRequest(text, input.reason, input.expiresAt);
    if (result.ok) entries.push(result.entry);
    else invalid.push({ ...result.invalid, index });
  });
  await assertSourceRoom(env, workspaceId, input.source);
  const { added } = await suppressionStore(env, workspaceId).add(entries, now, input.source);
  return { added, alreadyPresent: entries.length - added, invalid, invalidCount: invalid.length };
}
