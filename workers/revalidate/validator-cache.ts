/** Row validators per import, kept per isolate so a phone number is parsed once per import, not once per chunk. */
import { createRowValidator } from '../../src/lib/validate/row.ts';
import type { ImportConfig } from '../progress/import-coordinator.ts';

type RowValidator = ReturnType<typeof createRowValidator>;
const cache = new Map<string, RowValidator>();
const MAX_IMPORTS = 8;

export function validatorFor(config: ImportConfig): RowValidator {
  let v = cache.get(config.importId);
  if (!v) {
    if (cache.size >= MAX_IMPORTS) cache.delete(cache.keys().next().value!);
    v = createRowValidator({
      assistant: config.assistant,
      headers: config.headers,
      mapping: config.mapping,
      defaultCountry: config.defaultCountry ?? undefined,
    });
    cache.set(config.importId, v);
  }
  return v;
}
