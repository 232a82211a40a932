/** Helpers for the duplicate-policy and undo tests: headless imports with a policy, leads by number, lead counts. */
import { expect } from 'vitest';
import { csv } from './csv.ts';
import { campaignLeads } from './leads-api.ts';
import { waitForEnd, type client } from './helpers.ts';

type Api = ReturnType<typeof client>;

export const POLICY_HEADERS = ['phone_number', 'customer_name', 'company', 'budget_range', 'secondary_phone_1', 'secondary_1_name'];

/** A headless import of `rows` (cells under POLICY_HEADERS, or `headers`); waits for its end. */
export async function importRows(api: Api, campaignId: string, rows: string[][], opts: { onExisting?: string; ignoreErrors?: boolean; headers?: string[] } = {}) {
  const q = new URLSearchParams({ fileName: 'p.csv', ignoreErrors: String(opts.ignoreErrors ?? true) });
  if (opts.onExisting) q.set('onExisting', opts.onExisting);
  const res = await api.post(`/campaigns/${campaignId}/imports?${q}`, csv([opts.headers ?? POLICY_HEADERS, ...rows]), { 'Content-Type': 'text/csv' });
  const body = await res.json<any>();
  expect([201, 202], JSON.stringify(body)).toContain(res.status);
  return res.status === 201 ? body : waitForEnd(api, body.id, 150_000);
}

/** The campaign's leads by primary number. */
/**
 * The campaign's leads by number, as stored: `nextCallableAt` is left out because it is computed
 * from the moment of the request (a lead callable now answers "now"), not stored with the lead.
 */
export async function leadsByPhone(api: Api, campaignId: string): Promise<Map<string, any>> {
  return new Map((await campaignLeads(api, campaignId)).map(({ nextCallableAt: _computed, ...l }) => [l.phoneNumber, l]));
}

/** The campaign's lead counter, as GET /campaigns shows it. */
export async function leadCount(api: Api, campaignId: string): Promise<number> {
  const { items } = await api.json(api.get('/campaigns'));
  return items.find((c: any) => c.id === campaignId).leadCount;
}

/** Undoes an import and waits until it is undone. */
export async function undo(api: Api, importId: string, timeoutMs = 120_000) {
  const res = await api.post(`/imports/${importId}/undo`);
  expect([200, 202]).toContain(res.status);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await api.json(api.get(`/imports/${importId}`));
    if (view.status === 'undone') return view;
    if (Date.now() > deadline) throw new Error(`undo of ${importId} still ${view.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
