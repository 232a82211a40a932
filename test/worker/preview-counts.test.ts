/**
 * The preview's counts equal the import's for the same file. The review saw the preview say "14
 * already in the campaign" and the import 16: a number the campaign had that appeared three times
 * in the file was one DUPLICATE_EXISTING and two DUPLICATE_IN_FILE in the preview, three
 * DUPLICATE_EXISTING on the server. Both now come from src/lib/dedupe/duplicate-outcome.ts. Here
 * the preview's own modules (parse, map, validate, PreviewVerdicts with the packed suppression
 * list, the existing-numbers check through the API) run on a file, and the same file is imported.
 */
import { describe, expect, it } from 'vitest';
import { seededCampaign } from './helpers.ts';
import { csv } from './csv.ts';
import { readCsvText } from '../../src/lib/parse/csv.ts';
import { autoMap } from '../../src/lib/map/columns.ts';
import { createRowValidator } from '../../src/lib/validate/row.ts';
import { validateRows } from '../../src/lib/ui/preview/validate-rows.ts';
import { PreviewVerdicts } from '../../src/lib/ui/preview/preview-verdicts.ts';
import { findExisting, countExisting } from '../../src/lib/ui/preview/existing.ts';
import { packedSetFromBuffer } from '../../src/lib/ui/suppression/packed-list-cache.ts';
import { suppressionColumns } from '../../src/lib/validate/suppression.ts';
import { duplicateInFile } from '../../src/lib/validate/messages.ts';
import type { OnExisting } from '../../src/lib/import-view.ts';

const phone = (n: number) => `+1415200${String(n).padStart(4, '0')}`;

/** The preview's counts of a CSV, as the wizard computes them. */
async function previewCounts(api: any, campaign: any, assistant: any, text: string, onExisting: OnExisting) {
  const { headers, rows } = readCsvText(text);
  const config = { variables: assistant.variables, secondaryVariables: assistant.secondaryVariables };
  const mapping = autoMap(headers, config);
  const validator = createRowValidator({ assistant: config, headers, mapping, defaultCountry: campaign.defaultCountry, blockedPhoneTypes: campaign.blockedPhoneTypes });
  const verdicts = new PreviewVerdicts(
    (i) => rows[i]!.cells,
    (earlier) => [duplicateInFile(rows[earlier]!.row, headers[0])],
  );
  verdicts.configure(suppressionColumns(headers, mapping, config));
  const packed = await api.get('/suppressions/packed');
  expect(packed.status).toBe(200);
  verdicts.receiveList(packedSetFromBuffer(await packed.arrayBuffer()));
  const checked = validateRows(validator, rows.length, (k) => rows[k]!);
  for (let i = 0; i < rows.length; i++) verdicts.apply(i, checked.errors[i]!, checked.numbers[i] ?? undefined, checked.secondaries[i]);
  const { errorCounts, invalidRows } = verdicts.counts(rows.length);
  const numbers = verdicts.validNumbers(rows.length);
  const lookup = async (batch: string[]) => (await api.json(api.post(`/campaigns/${campaign.id}/leads/existing`, { phoneNumbers: batch }))).existing as string[];
  const existing = countExisting(numbers, await findExisting(numbers, lookup, new AbortController().signal), onExisting);
  return { errorCounts, invalidRows, existing };
}

describe('the preview counts what the import will count', () => {
  it('a number the campaign has, three times in the file: 1 already in the campaign and 2 earlier in the file, in the preview and in the import', async () => {
    const { api, campaign, assistant } = await seededCampaign();
    // The campaign holds 20 numbers; a suppression list holds 2 others.
    const first = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=a.csv`, csv([['phone_number', 'customer_name'], ...Array.from({ length: 20 }, (_, i) => [phone(i), `Old ${i}`])]), { 'Content-Type': 'text/csv' }));
    expect(first).toMatchObject({ status: 'completed', createdRows: 20 });
    expect((await api.post('/suppressions', { phoneNumbers: [phone(500), phone(501)] })).status).toBe(200);
    // 14 numbers the campaign has (two of them twice more), 10 new ones (one twice more), a listed
    // number twice, a listed number that the campaign has, an invalid row.
    const rows: string[][] = [['phone_number', 'customer_name']];
    for (let i = 0; i < 14; i++) rows.push([phone(i), `Again ${i}`]);
    for (let i = 100; i < 110; i++) rows.push([phone(i), `New ${i}`]);
    rows.push([phone(3), 'Repeat'], [phone(7), 'Repeat'], [phone(3), 'Repeat'], [phone(7), 'Repeat'], [phone(105), 'Repeat'], [phone(105), 'Repeat']);
    rows.push([phone(500), 'Listed'], [phone(500), 'Listed again'], [phone(501), 'Listed']);
    rows.push(['not a number', 'Bad']);
    const text = csv(rows);
    const preview = await previewCounts(api, campaign, assistant, text, 'skip');
    const view = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=b.csv&ignoreErrors=true`, text, { 'Content-Type': 'text/csv' }));
    expect(view.status).toBe('completed');
    // What the review saw: the preview's "already in the campaign" is the import's DUPLICATE_EXISTING.
    expect(preview.existing.skip).toBe(14);
    expect(view.errorCounts.DUPLICATE_EXISTING).toBe(preview.existing.skip);
    // "earlier in the file": 4 repeats of numbers the campaign has, 2 of a new number, 1 of a listed one.
    expect(preview.errorCounts.DUPLICATE_IN_FILE).toBe(7);
    expect(view.errorCounts.DUPLICATE_IN_FILE).toBe(preview.errorCounts.DUPLICATE_IN_FILE);
    expect(view.errorCounts.SUPPRESSED).toBe(preview.errorCounts.SUPPRESSED);
    expect(view.errorCounts.PHONE_INVALID).toBe(preview.errorCounts.PHONE_INVALID);
    expect(view.createdRows).toBe(preview.existing.create);
    expect(view.failedRows).toBe(preview.invalidRows + preview.existing.skip);
    expect(view.importedRows + view.failedRows).toBe(view.totalRows);
  });

  it('under update the same file creates and updates what the preview said', async () => {
    const { api, campaign, assistant } = await seededCampaign();
    await api.post(`/campaigns/${campaign.id}/imports?fileName=a.csv`, csv([['phone_number', 'customer_name'], ...Array.from({ length: 6 }, (_, i) => [phone(i), `Old ${i}`])]), { 'Content-Type': 'text/csv' });
    const text = csv([['phone_number', 'customer_name'], ...Array.from({ length: 10 }, (_, i) => [phone(i), `New ${i}`]), [phone(2), 'Repeat'], [phone(8), 'Repeat']]);
    const preview = await previewCounts(api, campaign, assistant, text, 'update');
    const view = await api.json(api.post(`/campaigns/${campaign.id}/imports?fileName=b.csv&ignoreErrors=true&onExisting=update`, text, { 'Content-Type': 'text/csv' }));
    expect(preview.existing).toMatchObject({ create: 4, update: 6, skip: 0 });
    expect(view).toMatchObject({ status: 'completed', createdRows: preview.existing.create, updatedRows: preview.existing.update });
    expect(view.errorCounts.DUPLICATE_IN_FILE).toBe(preview.errorCounts.DUPLICATE_IN_FILE);
  });
});
