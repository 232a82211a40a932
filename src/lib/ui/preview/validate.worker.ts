/**
 * A validation worker of the preview's pool: validates batches of rows with the shared core and
 * answers, per row, its own errors and its primary number. Duplicates are resolved by the preview
 * worker, in file order, from these answers.
 */
import { createRowValidator, type RowValidator } from '../../validate/row.ts';
import { createPhoneNormalizer, type PhoneNormalizer } from '../../validate/phone.ts';
import type { PoolRequest, PoolResult } from './validation-pool.ts';
import { unpackRow } from './row-store.ts';
import { validateRows } from './validate-rows.ts';

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
    validator = msg.mapping ? createRowValidator({
          assistant: msg.assistant,
          headers: msg.headers,
          mapping: msg.mapping,
          phoneNormalizer: phones,
          blockedPhoneTypes: msg.blockedPhoneTypes,
          consentPolicy: msg.consentPolicy,
          startedAt: msg.startedAt,
        }) : null;
    return;
  }
  const { errors, numbers, facts, secondaries } = validateRows(validator, msg.packed.rowNumbers.length, (k) => unpackRow(msg.packed, k));
  const transfer = [facts.zoneSets.buffer, facts.types.buffer, facts.countries.buffer, facts.profiles.buffer];
  (self as unknown as Worker).postMessage({ id: msg.id, errors, numbers, facts, secondaries } satisfies PoolResult, transfer);
};
