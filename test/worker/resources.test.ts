/**
 * The resources the API answers with match their one definition (src/lib/schemas/resources.ts),
 * from which the OpenAPI components are generated and the Worker's mappers take their types: every
 * answer here, through the routes a client calls, is parsed by the schema, strictly.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { seededCampaign } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { AssistantSchema, CampaignSchema, ImportViewSchema } from '../../src/lib/schemas/resources.ts';

/** The schema as it is, but refusing keys it does not declare (a field the definition lacks fails). */
function strictly<S extends v.ObjectSchema<v.ObjectEntries, undefined>>(schema: S, value: unknown) {
  const result = v.safeParse(v.strictObject(schema.entries), value);
  return result.success ? [] : result.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`);
}

describe('API resources against their one definition', () => {
  it('campaigns, assistants and imports, as created, listed and read', async () => {
    const { api, assistant, campaign } = await seededCampaign();
    expect(strictly(AssistantSchema, assistant)).toEqual([]);
    expect(strictly(CampaignSchema, campaign)).toEqual([]);
    expect(strictly(AssistantSchema, await api.json(api.get(`/assistants/${assistant.id}`)))).toEqual([]);
    expect(strictly(CampaignSchema, await api.json(api.get(`/campaigns/${campaign.id}`)))).toEqual([]);
    for (const c of (await api.json(api.get('/campaigns'))).items) expect(strictly(CampaignSchema, c)).toEqual([]);
    for (const a of (await api.json(api.get('/assistants'))).items) expect(strictly(AssistantSchema, a)).toEqual([]);

    const body = csv([['phone_number', 'customer_name'], ...usNumbers(3).map((p) => [p, 'Ann']), ['not a number', 'Bo']]);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=r.csv&ignoreErrors=true`, body, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(201);
    const created = await res.json<Record<string, unknown>>();
    const view = await api.json(api.get(`/imports/${created.id}`));
    expect(view).toMatchObject({ status: 'completed', importedRows: 3, failedRows: 1 });
    expect(strictly(ImportViewSchema, view)).toEqual([]);
    for (const i of (await api.json(api.get('/imports'))).items) expect(strictly(ImportViewSchema, i)).toEqual([]);
  });

  it('a field the definition lacks is found', () => {
    expect(strictly(CampaignSchema, { ...validCampaign(), extra: 1 })).not.toEqual([]);
    expect(strictly(CampaignSchema, validCampaign())).toEqual([]);
  });
});

function validCampaign() {
  return {
    id: 'cmp_1',
    name: 'A',
    assistantId: 'ast_1',
    defaultCountry: null,
    callingWindow: { start: '08:00', end: '21:00', days: [1, 2, 3, 4, 5] },
    blockedPhoneTypes: ['PREMIUM_RATE'],
    callPurpose: 'telemarketing',
    consentPolicy: { require: 'none', maxAgeDays: null },
    requireFreshLists: false,
    leadCount: 0,
    createdAt: '2026-12-07T10:00:00.000Z',
  };
}
