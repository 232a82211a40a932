/** Campaigns: an assistant, a default country for national numbers, and the leads imported into it. */
import { Hono } from 'hono';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../../db/client.ts';
import { campaigns } from '../../db/schema.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { CreateCampaignSchema, ListLeadsQuerySchema } from '../../../src/lib/schemas/api.ts';
import { UpdateCampaignSchema } from '../../../src/lib/schemas/update.ts';
import { DEFAULT_CALLING_WINDOW } from '../../../src/lib/calling/calling-window.ts';
import { DEFAULT_BLOCKED_PHONE_TYPES } from '../../../src/lib/calling/blocked-phone-types.ts';
import { sampleCsv } from '../../../src/lib/sample/sample-csv.ts';
import { leadCounts, leadsStore } from '../../leads/store.ts';
import { listCampaignLeads } from '../../campaigns/list-leads.ts';
import { jsonBody, query } from '../validate.ts';
import { ApiError, notFound } from '../errors.ts';
import { findAssistant } from './assistants.ts';
import type { AppEnv } from '../app-env.ts';

type CampaignRow = typeof campaigns.$inferSelect;

const toCampaign = (c: CampaignRow, leadCount: number) => ({
  id: c.id,
  name: c.name,
  assistantId: c.assistantId,
  defaultCountry: c.defaultCountry,
  callingWindow: c.callingWindow,
  blockedPhoneTypes: c.blockedPhoneTypes,
  requireFreshLists: c.requireFreshLists,
  leadCount,
  createdAt: c.createdAt,
});

export async function findCampaign(d1: D1Database, workspaceId: string, id: string) {
  return db(d1)
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)))
    .get();
}

/** The campaign and its assistant, or 404 when either is not the workspace's. */
export async function campaignWithAssistant(d1: D1Database, workspaceId: string, id: string) {
  const campaign = await findCampaign(d1, workspaceId, id);
  if (!campaign) throw notFound('Campaign');
  const assistant = await findAssistant(d1, workspaceId, campaign.assistantId);
  if (!assistant) throw notFound('Campaign');
  return { campaign, assistant };
}

export const campaignRoutes = new Hono<AppEnv>()
  .post('/', jsonBody(CreateCampaignSchema), async (c) => {
    const body = c.req.valid('json');
    const workspaceId = c.get('workspaceId');
    const assistant = await findAssistant(c.env.DB, workspaceId, body.assistantId);
    if (!assistant) throw new ApiError(404, 'NOT_FOUND', 'Assistant not found.');
    const row: CampaignRow = {
      id: newId('cmp'),
      workspaceId,
      name: body.name,
      assistantId: assistant.id,
      defaultCountry: body.defaultCountry ?? null,
      callingWindow: body.callingWindow ?? { ...DEFAULT_CALLING_WINDOW, days: [...DEFAULT_CALLING_WINDOW.days] },
      blockedPhoneTypes: body.blockedPhoneTypes ?? [...DEFAULT_BLOCKED_PHONE_TYPES],
      requireFreshLists: body.requireFreshLists ?? false,
      createdAt: nowIso(),
    };
    await db(c.env.DB).insert(campaigns).values(row);
    return c.json(toCampaign(row, 0), 201);
  })
  .get('/', async (c) => {
    const workspaceId = c.get('workspaceId');
    const rows = await db(c.env.DB)
      .select()
      .from(campaigns)
      .where(eq(campaigns.workspaceId, workspaceId))
      .orderBy(desc(campaigns.createdAt))
      .all();
    const counts = await leadCounts(c.env, workspaceId, rows.map((r) => r.id));
    return c.json({ items: rows.map((r) => toCampaign(r, counts.get(r.id) ?? 0)) });
  })
  .get('/:id', async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findCampaign(c.env.DB, workspaceId, c.req.param('id'));
    if (!row) throw notFound('Campaign');
    return c.json(toCampaign(row, await leadsStore(c.env, workspaceId, row.id).count()));
  })
  /** Changes a campaign's name, default country, calling window or blocked phone types; imports already created keep theirs. */
  .patch('/:id', jsonBody(UpdateCampaignSchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const body = c.req.valid('json');
    const row = await findCampaign(c.env.DB, workspaceId, c.req.param('id'));
    if (!row) throw notFound('Campaign');
    const changes: Partial<CampaignRow> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.defaultCountry !== undefined) changes.defaultCountry = body.defaultCountry;
    if (body.callingWindow !== undefined) changes.callingWindow = body.callingWindow;
    if (body.blockedPhoneTypes !== undefined) changes.blockedPhoneTypes = body.blockedPhoneTypes;
    if (body.requireFreshLists !== undefined) changes.requireFreshLists = body.requireFreshLists;
    await db(c.env.DB)
      .update(campaigns)
      .set(changes)
      .where(and(eq(campaigns.id, row.id), eq(campaigns.workspaceId, workspaceId)))
      .run();
    const updated = { ...row, ...changes };
    return c.json(toCampaign(updated, await leadsStore(c.env, workspaceId, row.id).count()));
  })
  .get('/:id/sample.csv', async (c) => {
    const { campaign, assistant } = await campaignWithAssistant(c.env.DB, c.get('workspaceId'), c.req.param('id'));
    const name = campaign.name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'campaign';
    return c.body(sampleCsv({ variables: assistant.variables, secondaryVariables: assistant.secondaryVariables }), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-sample.csv"`,
    });
  })
  // The leads' time-zone sets with their counts (one GROUP BY on the shard): the campaign page's callable-by-hour chart.
  .get('/:id/leads/zone-sets', async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findCampaign(c.env.DB, workspaceId, c.req.param('id'));
    if (!row) throw notFound('Campaign');
    return c.json({ items: await leadsStore(c.env, workspaceId, row.id).zoneSetCounts() });
  })
  .get('/:id/leads', query(ListLeadsQuerySchema), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findCampaign(c.env.DB, workspaceId, c.req.param('id'));
    if (!row) throw notFound('Campaign');
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
        { window: row.callingWindow },
      ),
    );
  });
