/** Leads are personal data: nothing the pipeline logs, even on failures, carries a phone number or a name. */
import { afterEach, expect, it, vi } from 'vitest';
import { env, createExecutionContext, createMessageBatch } from 'cloudflare:test';
import worker from '../../workers/index.ts';
import { seededCampaign, waitForEnd } from './helpers.ts';
import { csv, usNumbers } from './csv.ts';
import { keys } from '../../workers/chunk/keys.ts';

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
  // A failing message (its verdict deleted) and a bad request, to make the error paths log.
  await env.UPLOADS.delete(keys.validated(workspaceId, view.id, 0));
  const batch = createMessageBatch('lead-import-chunks', [{ id: 'x', timestamp: new Date(), attempts: 1, body: { kind: 'write', workspaceId, importId: 'imp_missing', chunk: 0 } }]);
  await worker.queue!(batch as any, env, createExecutionContext());
  await api.post(`/campaigns/${campaign.id}/imports?fileName=q.csv`, 'name\r\nSecretname1\r\n', { 'Content-Type': 'text/csv' });
  const all = lines.join('\n');
  expect(lines.length).toBeGreaterThan(0);
  expect(all).not.toMatch(/\+?1415\d{7}/);
  expect(all).not.toMatch(/Secretname|Hiddenperson|not a phone/);
});
