/**
 * D1 caps a bound value at 2,000,000 bytes. Leads go to D1 as one JSON parameter per group, so
 * groups must be cut by UTF-8 bytes: a CJK name takes three bytes a character.
 */
import { describe, expect, it } from 'vitest';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { MAX_PARAM_BYTES, paramGroups } from '../../workers/leads/param-groups.ts';
import { campaignLeads } from './leads-api.ts';
import { utf8Length } from '../../src/lib/text/utf8-length.ts';

const D1_MAX_VALUE_BYTES = 2_000_000;

function cjkName(i: number): string {
  // 1,000 characters, 3 bytes each in UTF-8, different per row.
  return String.fromCharCode(0x4e00 + (i % 5000)).repeat(1000);
}

describe('lead groups sent to D1', () => {
  it('no group of multi-byte text exceeds the bound-value limit in UTF-8 bytes', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ['+1415' + String(2_000_000 + i), 'US', null, JSON.stringify({ company: cjkName(i) }), '[]', i + 1]);
    const groups = paramGroups(rows, (r) => r);
    expect(groups.length).toBeGreaterThan(1);
    let total = 0;
    for (const g of groups) {
      const bytes = new TextEncoder().encode(g).length;
      expect(bytes).toBeLessThanOrEqual(MAX_PARAM_BYTES);
      expect(bytes).toBeLessThan(D1_MAX_VALUE_BYTES);
      expect(utf8Length(g)).toBe(bytes);
      total += JSON.parse(g).length;
    }
    expect(total).toBe(5_000);
  });

  it('a headless import of 5,000 rows with 1,000-character CJK names imports every row', async () => {
    const { api, campaign } = await seededCampaign();
    const phones = usNumbers(5_000, 300_000);
    const file = csv([['phone_number', 'customer_name', 'company'], ...phones.map((p, i) => [p, `N${i}`, cjkName(i)])]);
    const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=cjk.csv&ignoreErrors=false`, file, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(202);
    const view = await waitForEnd(api, (await res.json<any>()).id, 180_000);
    expect(view).toMatchObject({ status: 'completed', totalRows: 5_000, importedRows: 5_000, failedRows: 0 });
    const leads = await campaignLeads(api, campaign.id);
    for (const lead of leads) expect(lead.variables.company).toHaveLength(1000);
    expect(new Set(leads.map((l) => l.phoneNumber))).toEqual(new Set(phones));
  });
});
