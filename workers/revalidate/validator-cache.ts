/** Row validators per import, kept per isolate so a phone number is parsed once per import, not once per chunk. */
import { createRowValidator } from '../../src/lib/validate/row.ts';
import type { ImportConfig } from '../coordinator/state.ts';

type RowValidator = ReturnType<typeof createRowValidator>;
const cache = new Map<string, RowValidator>();
/** A cached phone verdict costs ~135 bytes: 3 imports × 60k entries stay near 25 MB of the isolate's 128 MB. */
const MAX_IMPORTS = 3;
const PHONE_CACHE_MAX = 60_000;

export function validatorFor(config: ImportConfig): RowValidator {
  let v = cache.get(config.importId);
  if (!v) {
    if (cache.size >= MAX_IMPORTS) cache.delete(cache.keys().next().value!);
    v = createRowValidator({
      assistant: config.assistant,
      headers: config.headers,
      mapping: config.mapping,
      defaultCountry: config.defaultCountry ?? undefined,
      phoneCacheMax: PHONE_CACHE_MAX,
      blockedPhoneTypes: config.blockedPhoneTypes,
      // Consent is judged against the import's start in every chunk, whenever the chunk runs.
      consentPolicy: config.consentPolicy,
      startedAt: Date.parse(config.createdAt),
    });
    cache.set(config.importId, v);
  }
  return v;
}
