/**
 * Item 9 of issue 21: a phone cell with words in it ("call after 5") is reported as not a phone
 * number because it contains letters, not as having too few digits: in a lead import's error
 * report (headless route) and in a do-not-call list file's report. The browser's preview builds
 * its messages with the same row validator (src/lib/validate/messages.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { csv, readReport } from './csv.ts';

describe('a phone cell with words in it', () => {
  it('is "not a phone number: it contains letters" in the import report, for the main and a secondary phone', async () => {
    const { api, campaign } = await seededCampaign();
    const file = csv([
      ['phone_number', 'customer_name', 'secondary_phone_1'],
      ['call after 5', 'Ann', ''],
      ['+14152000301', 'Bo', 'ask for Bob'],
      ['415 200 03 x12', 'Cy', ''],
    ]);
    const res = await api.post(`/campaigns/${campaign.id}/imports?ignoreErrors=true&fileName=notes.csv`, file, { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(201);
    const view = await res.json<any>();
    expect(view.errorCounts).toEqual({ PHONE_INVALID: 2, SECONDARY_PHONE_INVALID: 1 });
    const report = readReport(await (await api.get(`/imports/${view.id}/errors.csv`)).text());
    const byName = Object.fromEntries(report.rows.map((r) => [r.customer_name, r.error_messages]));
    expect(byName.Ann).toMatch(/^The phone number "call after 5" in column "phone_number" is not a phone number: it contains letters\. Reason code: NOT_A_NUMBER\. — Put only the number in this column/);
    expect(byName.Bo).toMatch(/^The secondary phone number "ask for Bob" in column "secondary_phone_1" is not a phone number: it contains letters\./);
    // A number with an extension is still judged by its digits.
    expect(byName.Cy).toMatch(/"415 200 03 x12" in column "phone_number" has too few digits \(country: United States\)/);
  });

  it('is "not a phone number: it contains letters" in a list file report', async () => {
    const { api } = await seededCampaign();
    const res = await api.post('/suppressions/import?fileName=dnc.csv&defaultCountry=US', csv([['phone'], ['+14152000311'], ['call after 5']]), { 'Content-Type': 'text/csv' });
    expect(res.status).toBe(200);
    const result = await res.json<any>();
    expect(result.invalid).toEqual([
      {
        input: 'call after 5',
        code: 'PHONE_INVALID',
        row: 2,
        message: 'The phone number "call after 5" in column "phone" is not a phone number: it contains letters. Reason code: NOT_A_NUMBER.',
      },
    ]);
  });
});
