/** The calling window of a campaign, as listings of callable leads use it (the campaign's stored setting). */
import { and, eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { db } from '../db/client.ts';
import { campaigns } from '../db/schema.ts';
import { DEFAULT_CALLING_WINDOW, type CallingWindow } from '../../src/lib/calling/calling-window.ts';

export async function campaignCallingWindow(env: Env, workspaceId: string, campaignId: string): Promise<Readonly<CallingWindow>> {
  const row = await db(env.DB)
    .select({ callingWindow: campaigns.callingWindow })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)))
    .get();
  return row?.callingWindow ?? DEFAULT_CALLING_WINDOW;
}
