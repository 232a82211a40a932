/**
 * A validation worker of the preview's pool: validates batches of rows with the shared core and
 * answers, per row, its own errors and its primary number. Duplicates are resolved by the preview
 * worker, in file order, from these answers.
 */
import { createRowValidator, type RowValidator } from '../../validate/row.ts';
import { createPhoneNormalizer, type PhoneNormalizer } from '../../validate/phone.ts';
import type { PoolRequest, PoolResult } from './validation-pool.ts';

let validator: RowValidator | null = null;
let phones: PhoneNormalizer | null = null;
let country: string | undefined;

self.onmessage = (event: MessageEvent<PoolRequest>) => {
  const msg = event.data;
  if (msg.type === 'config') {
    if (!phones || country !== msg.defaultCountry) {
      phones = createPhoneNormalizer(msg.defaultCountry);
      country = msg.defaultCountry;
    }
    validator = msg.mapping ? createRowValidator({ assistant: msg.assistant, headers: msg.headers, mapping: msg.mapping, phoneNormalizer: phones }) : null;
    return;
  }
  const errors: PoolResult['errors'] = new Array(msg.rows.length);
  const numbers: PoolResult['numbers'] = new Array(msg.rows.length);
  for (let i = 0; i < msg.rows.length; i++) {
    if (!validator) {
      errors[i] = null;
      numbers[i] = null;
      continue;
    }
    const result = validator.validate(msg.rows[i]!);
    errors[i] = result.errors.length ? result.errors : null;
    numbers[i] = result.lead?.e164 ?? null;
  }
  (self as unknown as Worker).postMessage({ id: msg.id, errors, numbers } satisfies PoolResult);
};
