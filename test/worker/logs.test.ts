/** Leads are personal data: nothing the pipeline logs, even on failures, carries a phone number or a name. */
import { afterEach, expect, it, vi } from 'vitest';
import { env, createExecutionContext, createMessageBatch } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';

afterEach(() => vi.restoreAllMocks());

it('logs no phone numbers or names through imports, failures and retries', async () => {
  const lines: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
  }
  const { api, campaign, workspaceId } = await seededCampaign();
  const phones = usNumbers(1_500, 800_000);
  const file = csv([['phone_number', 'customer_name'], ...phones.map((p, i) => [p, `Secretname${i}`]), ['not a phone', 'Hiddenperson']]);
  const res = await api.post(`/campaigns/${campaign.id}/imports?fileName=p.csv&ignoreErrors=true`, file, { 'Content-Type': 'text/csv' });
  const view = await waitForEnd(api, (await res.json<any>()).id);
  expect(view.status).toBe('completed');
  // A message whose import does not exist fails in the consumer, and a file without a phone column
  // is refused: both error paths run (and the consumer's logs its failure) while names are around.
  const batch = createMessageBatch('lead-import-chunks', [{ id: 'x', timestamp: new Date(), attempts: 1, body: { kind: 'write', workspaceId, importId: 'imp_missing', chunk: 0 } }]);
  await worker.queue!(batch as any, env, createExecutionContext());
  const refused = await api.post(`/campaigns/${campaign.id}/imports?fileName=q.csv`, 'name\r\nSecretname1\r\n', { 'Content-Type': 'text/csv' });
  expect(refused.status).toBe(422);
  const all = lines.join('\n');
  expect(all).toMatch(/import imp_missing: write failed/);
  expect(all).not.toMatch(/\+?1415\d{7}/);
  expect(all).not.toMatch(/Secretname|Hiddenperson|not a phone/);
});
