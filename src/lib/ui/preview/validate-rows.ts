/**
 * Validates a batch of rows the way the preview needs it: per row its own errors (null when none)
 * and its primary number when valid (and its secondary numbers, for the suppression check), with that number's facts (phone-facts.ts). Duplicates are left to the preview worker, which resolves
 * them in file order. Used by the pool's workers and by the preview worker itself, so both answer
 * alike.
 */
import type { RowValidator } from '../../validate/row.ts';
import type { SourceRow } from '../../types.ts';
import type { PoolResult } from './validation-pool.ts';
import { emptyFacts, setFact } from './phone-facts.ts';

export type RowsVerdicts = Omit<PoolResult, 'id'>;

/** `validator` null (no phone column) leaves every row without errors and without a number. */
export function validateRows(validator: RowValidator | null, count: number, rowAt: (k: number) => SourceRow): RowsVerdicts {
  // Grown by push, never `new Array(count)`: an array with holes is posted element by element with
  // its index (V8 serialises only hole-free arrays densely), at twice the cost to send and receive.
  const errors: PoolResult['errors'] = [];
  const numbers: PoolResult['numbers'] = [];
  const facts = emptyFacts(count);
  const secondaries: Record<number, string[]> = {};
  for (let k = 0; k < count; k++) {
    if (!validator) {
      errors.push(null);
      numbers.push(null);
      continue;
    }
    const result = validator.validate(rowAt(k));
    errors.push(result.errors.length ? result.errors : null);
    numbers.push(result.lead?.e164 ?? null);
    setFact(facts, k, result.lead ?? result.primary, result.lead?.callingProfile);
    const contacts = result.lead?.secondary;
    if (contacts?.length) secondaries[k] = contacts.map((s) => s.e164);
  }
  return { errors, numbers, facts, secondaries };
}
