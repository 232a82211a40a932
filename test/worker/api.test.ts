/** Every v1 route of the skeleton through the real Worker: auth, validation, tenancy, shapes. */
import { describe, expect, it } from 'vitest';
import { SELF } from 'cloudflare:test';
import { client, createWorkspace, seededCampaign, SEED_VARIABLES } from './helpers.ts';

describe('health and OpenAPI', () => {
  it('answers health without a token when bindings answer', async () => {
    const res = await SELF.fetch('http://example.com/api/v1/health');
    expect(res.status).toBe(200);
    const body = await res.json<any>();
    expect(body.status).toBe('ok');
    expect(body.checks).toMatchObject({ db: true, uploads: true });
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const res = await SELF.fetch('http://example.com/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json<any>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/assistants', '/campaigns/{id}/sample.csv', '/campaigns/{id}/imports', '/imports/{id}/errors.csv']));
    expect(doc.components.schemas.CreateAssistant.properties.variables.type).toBe('array');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { token } = await createWorkspace();
    const res = await client(token).get('/nope');
    expect(res.status).toBe(404);
    expect((await res.json<any>()).error.code).toBe('NOT_FOUND');
  });
});

describe('auth', () => {
  it('refuses a missing, malformed or unknown token with 401 JSON', async () => {
    for (const headers of [{}, { Authorization: 'Token abc' }, { Authorization: 'Bearer lit_unknown' }] as Record<string, string>[]) {
      const res = await SELF.fetch('http://example.com/api/v1/campaigns', { headers });
      expect(res.status).toBe(401);
      const body = await res.json<any>();
      expect(body.error.code).toBe('UNAUTHORIZED');
      expect(JSON.stringify(body)).not.toMatch(/at \w+ \(/);
    }
  });
});

describe('assistants', () => {
  it('creates, lists and reads an assistant', async () => {
    const { token } = await createWorkspace();
    const api = client(token);
    const res = await api.post('/assistants', { name: 'A', variables: SEED_VARIABLES, secondaryVariables: [{ name: 'name', type: 'text' }] });
    expect(res.status).toBe(201);
    const created = await res.json<any>();
    expect(created.id).toMatch(/^ast_/);
    expect(created.variables).toHaveLength(3);
    expect((await api.json(api.get('/assistants'))).items.map((a: any) => a.id)).toEqual([created.id]);
    expect((await api.json(api.get(`/assistants/${created.id}`))).name).toBe('A');
  });

  it('rejects invalid bodies with a field-level message', async () => {
    const api = client((await createWorkspace()).token);
    const cases: [unknown, RegExp][] = [
      [{ variables: [] }, /name/],
      [{ name: 'A', variables: [{ name: 'x', type: 'date' }] }, /type/],
      [{ name: 'A', variables: [{ name: 'bad name', type: 'text' }] }, /variable name/i],
      [{ name: 'A', variables: [{ name: 'n', type: 'number', default: 'ten' }] }, /default/],
      [{ name: 'A', variables: [{ name: 'a', type: 'text' }, { name: 'A', type: 'text' }] }, /unique/],
      [{ name: 'A', variables: [{ name: 'phone_number', type: 'text' }] }, /phone_number/],
    ];
    for (const [body, message] of cases) {
      const res = await api.post('/assistants', body);
      expect(res.status).toBe(400);
      const err = (await res.json<any>()).error;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.message).toMatch(message);
    }
    const notJson = await api.post('/assistants', 'not json', { 'Content-Type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json<any>()).error.code).toBeTruthy();
  });
});

describe('campaigns', () => {
  it('creates a campaign, lists it with a lead count, serves the sample file', async () => {
    const { api, campaign, assistant } = await seededCampaign();
    expect(campaign.id).toMatch(/^cmp_/);
    expect(campaign).toMatchObject({ assistantId: assistant.id, defaultCountry: 'US', leadCount: 0 });
    const list = await api.json(api.get('/campaigns'));
    expect(list.items).toEqual([expect.objectContaining({ id: campaign.id, leadCount: 0 })]);
    const sample = await api.get(`/campaigns/${campaign.id}/sample.csv`);
    expect(sample.status).toBe(200);
    expect(sample.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await sample.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('phone_number,customer_name,company,budget_range,secondary_phone_1,secondary_1_name,secondary_1_role');
    expect(lines).toHaveLength(2);
  });

  it('validates the body and the assistant', async () => {
    const { api, assistant } = await seededCampaign();
    const bad = await api.post('/campaigns', { name: 'X', assistantId: assistant.id, defaultCountry: 'USA' });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.message).toMatch(/defaultCountry/);
    const unknown = await api.post('/campaigns', { name: 'X', assistantId: 'ast_nope' });
    expect(unknown.status).toBe(404);
    const lower = await api.json(api.post('/campaigns', { name: 'X', assistantId: assistant.id, defaultCountry: 'gb' }));
    expect(lower.defaultCountry).toBe('GB');
  });

  it('lists leads with cursor paging and validates the query', async () => {
    const { api, campaign } = await seededCampaign();
    const page = await api.json(api.get(`/campaigns/${campaign.id}/leads?limit=10`));
    expect(page).toEqual({ items: [], nextCursor: null });
    const bad = await api.get(`/campaigns/${campaign.id}/leads?limit=abc`);
    expect(bad.status).toBe(400);
    const tooMany = await api.get(`/campaigns/${campaign.id}/leads?limit=100000`);
    expect(tooMany.status).toBe(400);
  });
});

describe('tenancy', () => {
  it("answers 404 for another workspace's assistants, campaigns, samples and leads", async () => {
    const a = await seededCampaign();
    const b = client((await createWorkspace('other')).token);
    for (const path of [
      `/assistants/${a.assistant.id}`,
      `/campaigns/${a.campaign.id}`,
      `/campaigns/${a.campaign.id}/sample.csv`,
      `/campaigns/${a.campaign.id}/leads`,
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(404);
      expect((await res.json<any>()).error.code).toBe('NOT_FOUND');
    }
    expect((await b.json(b.get('/campaigns'))).items).toEqual([]);
    expect((await b.json(b.get('/assistants'))).items).toEqual([]);
    const steal = await b.post('/campaigns', { name: 'X', assistantId: a.assistant.id });
    expect(steal.status).toBe(404);
  });
});
