/** The wizard's steps and their URLs (`/import?campaign=…&step=columns`), so Back, Forward and a reload land on the same step. */
import type { WizardStep } from '#lib/ui/preview/draft.ts';

export const STEPS: { id: WizardStep; title: string }[] = [
  { id: 'file', title: 'Campaign and file' },
  { id: 'columns', title: 'Match columns' },
  { id: 'preview', title: 'Preview and import' },
];

export function stepOf(url: { searchParams: { get(name: string): string | null } }): WizardStep {
  const s = url.searchParams.get('step');
  return s === 'columns' || s === 'preview' ? s : 'file';
}

/** The URL of `step` for this campaign (the file step has no `step=`). */
export function stepUrl(step: WizardStep, campaignId: string): string {
  const q = new URLSearchParams();
  if (campaignId) q.set('campaign', campaignId);
  if (step !== 'file') q.set('step', step);
  const query = q.toString();
  return `/import${query ? `?${query}` : ''}`;
}
