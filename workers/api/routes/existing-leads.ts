/**
 * `POST /campaigns/{id}/leads/existing`: which of up to 10,000 E.164 numbers the campaign already
 * has, so the browser's preview can count the rows that will create, update or fill, in batches,
 * without downloading the campaign.
 */
import { Hono } from 'hono';
import { ExistingLeadsSchema } from '../../../src/lib/schemas/api.ts';
import { jsonBody } from '../validate.ts';
import { requireCampaign } from '../../campaigns/campaigns.ts';
import { existingNumbers } from '../../leads/update.ts';
import { can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const existingLeadsRoutes = new Hono<AppEnv>().post('/:id/leads/existing', can('campaigns.read'), jsonBody(ExistingLeadsSchema), async (c) => {
  const workspaceId = c.get('workspaceId');
  const campaign = await requireCampaign(c.env, workspaceId, c.req.param('id'));
  const existing = await existingNumbers(c.env, workspaceId, campaign.id, c.req.valid('json').phoneNumbers);
  return c.json({ existing });
});
