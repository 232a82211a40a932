/** The mapping remembered for a file's headers in a campaign (POST /campaigns/{id}/mappings/match), and how its origin is named. */
import type { RememberedAnswer } from '#lib/ui/preview/session.svelte.ts';

export async function fetchRemembered(campaignId: string, headers: string[]): Promise<RememberedAnswer | null> {
  const res = await fetch(new URL(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/mappings/match`, location.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ headers }),
  });
  // Without an answer the file keeps automatic matching: remembering is a convenience, not a step.
  return res.ok ? ((await res.json()) as RememberedAnswer) : null;
}

/** "as in leads-nov.csv, 2 Dec" (and "in another campaign" when it was saved elsewhere in the workspace). */
export function describeSource(source: NonNullable<RememberedAnswer['source']>): string {
  const date = new Date(source.savedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  return `as in ${source.fileName}, ${date}${source.scope === 'workspace' ? ' (another campaign)' : ''}`;
}
