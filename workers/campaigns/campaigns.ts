/**
 * The campaign aggregate: a campaign's assistant, default country and calling settings, created,
 * listed, found and changed within a workspace, with its lead count. Routes parse and answer;
 * this module is the only one that reads or writes the `campaigns` table.
 */
import { auditQuery } from '../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';
import { and, desc, eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { db } from '../db/client.ts';
import { campaigns } from '../db/schema.ts';
import { newId, nowIso } from '../db/ids.ts';
import { notFoundRefusal } from '../refusal.ts';
import { DEFAULT_CALLING_WINDOW } from '../../src/lib/calling/calling-window.ts';
import { DEFAULT_BLOCKED_PHONE_TYPES } from '../../src/lib/calling/blocked-phone-types.ts';
import { DEFAULT_CONSENT_POLICY, type ConsentPolicy } from '../../src/lib/consent/consent-policy.ts';
import { sampleCsv } from '../../src/lib/sample/sample-csv.ts';
import { CONSENT_FIELD_NAMES } from '../../src/lib/fields/lead-fields.ts';
import { DEFAULT_CALL_PURPOSE } from '../../src/lib/calling/call-purpose.ts';
import type { CreateCampaignInput } from '../../src/lib/schemas/api.ts';
import type { Campaign } from '../../src/lib/schemas/resources.ts';
import type { UpdateCampaignInput } from '../../src/lib/schemas/update.ts';
import { leadCounts, leadsStore } from '../leads/leads-store.ts';
import { assistantConfig, findAssistant, requireAssistant, type AssistantRow } from '../assistants/assistants.ts';

export type CampaignRow = typeof campaigns.$inferSelect;

/** The campaign resource (its schema: CampaignSchema, src/lib/schemas/resources.ts). */
export const toCampaign = (c: CampaignRow, leadCount: number): Campaign => ({
  id: c.id,
  name: c.name,
  assistantId: c.assistantId,
  defaultCountry: c.defaultCountry,
  callingWindow: c.callingWindow,
  blockedPhoneTypes: c.blockedPhoneTypes,
  consentPolicy: c.consentPolicy,
  requireFreshLists: c.requireFreshLists,
  callPurpose: c.callPurpose,
  leadCount,
  createdAt: c.createdAt,
});

export async function findCampaign(d1: D1Database, workspaceId: string, id: string): Promise<CampaignRow | undefined> {
  return db(d1)
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)))
    .get();
}

/** The campaign, or a NOT_FOUND refusal. */
export async function requireCampaign(env: Env, workspaceId: string, id: string): Promise<CampaignRow> {
  const row = await findCampaign(env.DB, workspaceId, id);
  if (!row) throw notFoundRefusal('Campaign');
  return row;
}

/** The campaign and its assistant, or NOT_FOUND when either is not the workspace's. */
export async function campaignWithAssistant(d1: D1Database, workspaceId: string, id: string): Promise<{ campaign: CampaignRow; assistant: AssistantRow }> {
  const campaign = await findCampaign(d1, workspaceId, id);
  if (!campaign) throw notFoundRefusal('Campaign');
  const assistant = await findAssistant(d1, workspaceId, campaign.assistantId);
  if (!assistant) throw notFoundRefusal('Campaign');
  return { campaign, assistant };
}

/** The campaign's name (for emails and the import page), or null when it is gone. */
export async function campaignName(env: Env, workspaceId: string, id: string): Promise<string | null> {
  const row = await db(env.DB)
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)))
    .get();
  return row?.name ?? null;
}

/**
 * The campaign's settings an import is created with: its blocked phone types and consent policy
 * (both kept for the whole run) and whether it requires fresh do-not-call lists.
 */
export async function importSettingsOf(env: Env, workspaceId: string, id: string): Promise<{ blockedPhoneTypes: string[]; consentPolicy: ConsentPolicy; requireFreshLists: boolean }> {
  const row = await db(env.DB)
    .select({ blockedPhoneTypes: campaigns.blockedPhoneTypes, consentPolicy: campaigns.consentPolicy, requireFreshLists: campaigns.requireFreshLists })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)))
    .get();
  return {
    blockedPhoneTypes: row ? [...row.blockedPhoneTypes] : [...DEFAULT_BLOCKED_PHONE_TYPES],
    consentPolicy: row?.consentPolicy ?? { ...DEFAULT_CONSENT_POLICY },
    requireFreshLists: row?.requireFreshLists ?? false,
  };
}

export async function createCampaign(env: Env, workspaceId: string, input: CreateCampaignInput, actor: Actor = SYSTEM_ACTOR): Promise<Campaign> {
  const assistant = await requireAssistant(env, workspaceId, input.assistantId);
  const row: CampaignRow = {
    id: newId('cmp'),
    workspaceId,
    name: input.name,
    assistantId: assistant.id,
    defaultCountry: input.defaultCountry ?? null,
    callingWindow: input.callingWindow ?? { ...DEFAULT_CALLING_WINDOW, days: [...DEFAULT_CALLING_WINDOW.days] },
    blockedPhoneTypes: input.blockedPhoneTypes ?? [...DEFAULT_BLOCKED_PHONE_TYPES],
    consentPolicy: input.consentPolicy ?? { ...DEFAULT_CONSENT_POLICY },
    requireFreshLists: input.requireFreshLists ?? false,
    callPurpose: input.callPurpose ?? DEFAULT_CALL_PURPOSE,
    createdAt: nowIso(),
  };
  const d = db(env.DB);
  await d.batch([d.insert(campaigns).values(row), auditQuery(d, { workspaceId, actor, action: 'campaign.created', target: { type: 'campaign', id: row.id }, details: { name: row.name } })]);
  return toCampaign(row, 0);
}

/** The workspace's campaigns, newest first, with their lead counts (kept with each write, not counted). */
export async function listCampaigns(env: Env, workspaceId: string): Promise<Campaign[]> {
  const rows = await db(env.DB).select().from(campaigns).where(eq(campaigns.workspaceId, workspaceId)).orderBy(desc(campaigns.createdAt)).all();
  const counts = await leadCounts(env, workspaceId, rows.map((r) => r.id));
  return rows.map((r) => toCampaign(r, counts.get(r.id) ?? 0));
}

export async function getCampaign(env: Env, workspaceId: string, id: string): Promise<Campaign> {
  const row = await requireCampaign(env, workspaceId, id);
  return toCampaign(row, await leadsStore(env, workspaceId, row.id).count());
}

/** Changes a campaign's name, default country, calling window, blocked phone types or calling purpose; imports already created keep theirs. */
export async function updateCampaign(env: Env, workspaceId: string, id: string, input: UpdateCampaignInput, actor: Actor = SYSTEM_ACTOR): Promise<Campaign> {
  const row = await requireCampaign(env, workspaceId, id);
  const changes: Partial<CampaignRow> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.defaultCountry !== undefined) changes.defaultCountry = input.defaultCountry;
  if (input.callingWindow !== undefined) changes.callingWindow = input.callingWindow;
  if (input.blockedPhoneTypes !== undefined) changes.blockedPhoneTypes = input.blockedPhoneTypes;
  if (input.requireFreshLists !== undefined) changes.requireFreshLists = input.requireFreshLists;
  if (input.consentPolicy !== undefined) changes.consentPolicy = input.consentPolicy;
  if (input.callPurpose !== undefined) changes.callPurpose = input.callPurpose;
  const d = db(env.DB);
  await d.batch([
    d.update(campaigns).set(changes).where(and(eq(campaigns.id, row.id), eq(campaigns.workspaceId, workspaceId))),
    auditQuery(d, { workspaceId, actor, action: 'campaign.updated', target: { type: 'campaign', id: row.id }, details: { fields: Object.keys(changes) } }),
  ]);
  return toCampaign({ ...row, ...changes }, await leadsStore(env, workspaceId, row.id).count());
}

/**
 * The campaign's sample file (with the registry fields asked for, and the consent columns when the
 * campaign requires consent) and a file name made from the campaign's name.
 */
export async function campaignSample(env: Env, workspaceId: string, id: string, fields: readonly string[] = []): Promise<{ fileName: string; csv: string }> {
  const { campaign, assistant } = await campaignWithAssistant(env.DB, workspaceId, id);
  const name = campaign.name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'campaign';
  if (campaign.consentPolicy.require !== 'none') fields = [...new Set([...fields, ...CONSENT_FIELD_NAMES])];
  return { fileName: `${name}-sample.csv`, csv: sampleCsv(assistantConfig(assistant), fields) };
}
