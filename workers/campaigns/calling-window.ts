/**
 * The calling window of a campaign, as listings of callable leads use it. The seam where the
 * campaign's stored `callingWindow` setting is read: until campaigns carry that column, every
 * campaign calls in the default window.
 */
import type { Env } from '../env.ts';
import { DEFAULT_CALLING_WINDOW, type CallingWindow } from '../../src/lib/calling/calling-window.ts';

export async function campaignCallingWindow(_env: Env, _workspaceId: string, _campaignId: string): Promise<Readonly<CallingWindow>> {
  return DEFAULT_CALLING_WINDOW;
}
