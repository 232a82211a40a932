/** PATCH of assistants and campaigns: the fields sent change, the API's validation messages, tenancy. */
import { describe, expect, it } from 'vitest';
import { SELF } from 'cloudflare:test';
import { createWorkspace, seededCampaign } from './helpers.ts';

const patch = (token: string, path: string, body: unknown) =>
  SELF.fetch(`http://example.com/api/v1${path}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('PATCH /campaigns/{id}', () => {
  it('changes the name and the default country, keeps the rest, and removes the country with null', async () => {
    const { token, api, campaign, assistant } = await seededCampaign();
    const res = await patch(token, `/campaigns/${campaign.id}`, { name: '  Autumn ', defaultCountry: 'gb' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: campaign.id, name: 'Autumn', defaultCountry: 'GB', assistantId: assistant.id, leadCount: 0 });
    expect(await api.json(api.get(`/campaigns/${campaign.id}`))).toMatchObject({ name: 'Autumn', defaultCountry: 'GB' });

    expect(await (await patch(token, `/campaigns/${campaign.id}`, { defaultCountry: null })).json()).toMatchObject({ name: 'Autumn', defaultCountry: null });
    expect(await api.json(api.get(`/campaigns/${campaign.id}`))).toMatchObject({ name: 'Autumn', defaultCountry: null });
  });

  it('refuses what the create route refuses, with the same messages, and an empty change', async () => {
    const { token, campaign } = await seededCampaign();
    const cases: [unknown, RegExp][] = [
      [{ name: '   ' }, /name is required/],
      [{ defaultCountry: 'XX' }, /not a country with phone numbers we know/],
      [{ defaultCountry: 'USA' }, /ISO 3166 alpha-2/],
      [{}, /at least one field/],
      ['{not json', /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const res = await patch(token, `/campaigns/${campaign.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = await res.json<{ error: { code: string; message: string } }>();
      expect(answer.error.code).toBe('VALIDATION_FAILED');
      expect(answer.error.message).toMatch(message);
    }
  });

  it("answers 404 for another workspace's campaign and changes nothing", async () => {
    const { api, campaign } = await seededCampaign();
    const other = await createWorkspace('Other');
    const res = await patch(other.token, `/campaigns/${campaign.id}`, { name: 'Stolen' });
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('NOT_FOUND');
    expect((await api.json(api.get(`/campaigns/${campaign.id}`))).name).toBe('Spring');
  });
});

describe('PATCH /assistants/{id}', () => {
  it('replaces the variables; an import created after the change follows them', async () => {
    const { token, api, assistant, campaign } = await seededCampaign();
    const variables = [
      { name: 'customer_name', type: 'text', required: true },
      { name: 'seats', type: 'number', required: true, description: 'Licences wanted' },
    ];
    const res = await patch(token, `/assistants/${assistant.id}`, { name: 'Renewals', variables });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: assistant.id, name: 'Renewals', variables, secondaryVariables: assistant.secondaryVariables });
    expect((await api.json(api.get(`/assistants/${assistant.id}`))).variables).toEqual(variables);

    const csv = 'phone_number,customer_name,seats\r\n+14152000911,Ann,many\r\n';
    const imported = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=s.csv&ignoreErrors=true`, csv, { 'Content-Type': 'text/csv' }));
    expect(imported.errorCounts).toEqual({ VARIABLE_NOT_NUMBER: 1 });
  });

  it('refuses invalid variables with the create route messages', async () => {
    const { token, assistant } = await seededCampaign();
    const cases: [unknown, RegExp][] = [
      [{ variables: [{ name: 'secondary_x', type: 'text' }] }, /may not be phone_number or start with secondary_/],
      [{ variables: [{ name: 'a', type: 'date' }] }, /type must be "text", "number" or "boolean"/],
      [{ variables: [{ name: 'a', type: 'number', default: 'x' }] }, /default value must have the variable's type/],
      [{ variables: [{ name: 'a', type: 'text' }, { name: 'A', type: 'text' }] }, /must be unique/],
      [{ name: '' }, /name is required/],
    ];
    for (const [body, message] of cases) {
      const res = await patch(token, `/assistants/${assistant.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(message);
    }
  });

  it("answers 404 for another workspace's assistant and changes nothing", async () => {
    const { api, assistant } = await seededCampaign();
    const other = await createWorkspace('Other');
    const res = await patch(other.token, `/assistants/${assistant.id}`, { name: 'Stolen', variables: [] });
    expect(res.status).toBe(404);
    expect(await api.json(api.get(`/assistants/${assistant.id}`))).toMatchObject({ name: 'Sales assistant' });
  });
});
