/** Campaigns: an assistant, a default country for national numbers, and the leads imported into it (workers/campaigns). */
import { Hono } from 'hono';
import { CreateCampaignSchema, ListLeadsQuerySchema, SampleQuerySchema } from '../../../src/lib/schemas/api.ts';
import { UpdateCampaignSchema } from '../../../src/lib/schemas/update.ts';
import { campaignSample, createCampaign, getCampaign, listCampaigns, requireCampaign, updateCampaign } from '../../campaigns/campaigns.ts';
import { listCampaignLeads } from '../../campaigns/list-leads.ts';
import { campaignProfiles } from '../../campaigns/campaign-profiles.ts';
import { jsonBody, query } from '../validate.ts';
import { ApiError } from '../errors.ts';
import { actor, can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const campaignRoutes = new Hono<AppEnv>()
  .post('/', can('campaigns.write'), jsonBody(CreateCampaignSchema), async (c) => c.json(await createCampaign(c.env, c.get('workspaceId'), c.req.valid('json'), actor(c)), 201))
  .get('/', can('campaigns.read'), async (c) => c.json({ items: await listCampaigns(c.env, c.get('workspaceId')) }))
  .get('/:id', can('campaigns.read'), async (c) => c.json(await getCampaign(c.env, c.get('workspaceId'), c.req.param('id'))))
  /** Changes a campaign's name, default country, calling window or blocked phone types; imports already created keep theirs. */
  .patch('/:id', can('campaigns.write'), jsonBody(UpdateCampaignSchema), async (c) => c.json(await updateCampaign(c.env, c.get('workspaceId'), c.req.param('id'), c.req.valid('json'), actor(c))))
  .get('/:id/sample.csv', can('campaigns.read'), query(SampleQuerySchema), async (c) => {
    const { fileName, csv } = await campaignSample(c.env, c.get('workspaceId'), c.req.param('id'), c.req.valid('query').fields ?? []);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
  })
  // The leads per calling profile (counters kept with each write) with the rules binding each: the campaign page's chart and rule counts.
  .get('/:id/leads/calling-profiles', can('campaigns.read'), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await requireCampaign(c.env, workspaceId, c.req.param('id'));
    return c.json(await campaignProfiles(c.env, workspaceId, row.id, row.callPurpose));
  })
  .get('/:id/leads', can('campaigns.read'), query(ListLeadsQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await requireCampaign(c.env, workspaceId, c.req.param('id'));
    const q = c.req.valid('query');
    if (q.callableAt !== undefined && q.suppressed === 'true') {
      throw new ApiError(400, 'VALIDATION_FAILED', 'callableAt lists the leads that may be called, and a suppressed lead never may: ask for one or the other.');
    }
    return c.json(
      await listCampaignLeads(
        c.env,
        workspaceId,
        row.id,
        {
          limit: q.limit,
          ...(q.cursor ? { cursor: Number(q.cursor) } : {}),
          ...(q.callableAt !== undefined ? { callableAt: q.callableAt } : {}),
          ...(q.suppressed === 'true' ? { suppressed: true } : {}),
        },
        { window: row.callingWindow, purpose: row.callPurpose },
      ),
    );
  });
