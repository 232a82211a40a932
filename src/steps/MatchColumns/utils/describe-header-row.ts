/** How the wizard names the header row it took. */
import type { HeaderRowInfo } from '#lib/ui/preview/protocol.ts';

export function describeHeaderRow(info: HeaderRowInfo): string {
  const above = info.row - 1;
  const skipped = above === 0 ? '' : ` — the ${above === 1 ? 'line' : `${above} lines`} above it ${above === 1 ? 'is' : 'are'} skipped`;
  const how = info.reason === 'chosen' ? 'Header taken from' : info.reason === 'first-row' ? 'No row names a phone column; header taken from' : 'Header found on';
  return `${how} row ${info.row}${skipped}.`;
}
