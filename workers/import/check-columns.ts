/** Refuses a header/mapping with file-level problems (no phone column, duplicate columns, too many). */
import { checkMapping } from '../../src/lib/map/columns.ts';
import type { AssistantConfig, ColumnMapping } from '../../src/lib/types.ts';
import { FileReadError } from '../../src/lib/parse/errors.ts';

export function checkColumns(headers: string[], mapping: ColumnMapping, assistant: AssistantConfig) {
  const check = checkMapping(headers, mapping, assistant);
  const first = check.fileErrors[0];
  if (first) throw new FileReadError(first, { fileErrors: check.fileErrors });
  return check;
}
