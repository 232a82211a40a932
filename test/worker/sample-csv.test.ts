/** GET /campaigns/{id}/sample.csv through the real Worker: safe to open in Excel, and it imports as it is. */
import { describe, expect, it } from 'vitest';
import { client, createWorkspace } from './helpers.ts';

/** A CSV line's cells, with quotes kept (commas inside quotes do not split). */
const rawCells = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);

describe('sample.csv', () => {
  it('neutralises every cell Excel would run as a formula, and re-imports as it is', async () => {
    const { token } = await createWorkspace();
    const api = client(token);
    const assistant = await api.json(
      api.post('/assistants', {
        name: 'Formula assistant',
        variables: [
          { name: 'customer_name', type: 'text', required: true, default: '=HYPERLINK("http://evil.example","click")' },
          { name: 'offset', type: 'number', default: -5 },
          { name: 'vip', type: 'boolean' },
        ],
        secondaryVariables: [{ name: 'name', type: 'text', default: '@SUM(1+1)*cmd' }],
      }),
    );
    expect(assistant.id).toMatch(/^ast_/);
    const campaign = await api.json(api.post('/campaigns', { name: 'Formulas', assistantId: assistant.id, defaultCountry: 'US' }));

    const res = await api.get(`/campaigns/${campaign.id}/sample.csv`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('phone_number,customer_name,offset,vip,secondary_phone_1,secondary_1_name');
    expect(rawCells(lines[1]!)).toEqual(["'+14155551234", 'John Smith', "'-5", 'true', "'+14155551235", 'Jane Smith']);
    for (const cell of [...rawCells(lines[0]!), ...rawCells(lines[1]!)]) expect(cell.replace(/^"/, ''), cell).not.toMatch(/^[=+\-@\t\r]/);

    const imported = await api.post(`/campaigns/${campaign.id}/imports?fileName=sample.csv`, text, { 'Content-Type': 'text/csv' });
    expect(imported.status).toBe(201);
    expect(await imported.json<any>()).toMatchObject({ status: 'completed', totalRows: 1, importedRows: 1, failedRows: 0 });
    const leads = await api.json(api.get(`/campaigns/${campaign.id}/leads`));
    expect(leads.items).toHaveLength(1);
    expect(leads.items[0]).toMatchObject({ phoneNumber: '+14155551234', variables: { customer_name: 'John Smith', offset: -5, vip: true } });
    expect(leads.items[0].secondaryContacts).toEqual([expect.objectContaining({ phoneNumber: '+14155551235', variables: { name: 'Jane Smith' } })]);
  });
});
