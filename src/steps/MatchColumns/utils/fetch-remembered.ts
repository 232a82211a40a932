/** The mapping remembered for a file's headers in a campaign (POST /campaigns/{id}/mappings/match), and how its origin is named. */
import { api } from '#lib/ui/api.ts';
import type { RememberedAnswer } from '#lib/ui/wire-types.ts';

export async function fetchRemembered(campaignId: string, headers: string[]): Promise<RememberedAnswer | null> {
  const res = await api().campaigns[':id'].mappings.match.$post({ param: { id: campaignId }, json: { headers } });
  // Without an answer the file keeps automatic matching: remembering is a convenience, not a step.
  return res.ok ? await res.json() : null;
}

/** "as in leads-nov.csv, 2 Dec" (and "in another campaign" when it was saved elsewhere in the workspace). */
export function describeSource(source: NonNullable<RememberedAnswer['source']>): string {
  const date = new Date(source.savedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  return `as in ${source.fileName}, ${date}${source.scope === 'workspace' ? ' (another campaign)' : ''}`;
}
