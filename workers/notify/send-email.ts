/** Sends the completion email through the send_email binding; a failure is logged, never fatal. */
import type { Env } from '../env.ts';
import type { ImportView } from '../../src/lib/import-view.ts';
import { composeImportEmail } from './compose-email.ts';

export async function sendImportEmail(env: Env, to: string, view: ImportView, campaignName: string): Promise<boolean> {
  if (!env.EMAIL) return false;
  const base = (env.APP_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
  const { subject, text } = composeImportEmail(view, campaignName, {
    importUrl: `${base}/imports/${view.id}`,
    reportUrl: `${base}/api/v1/imports/${view.id}/errors.csv`,
    leadsUrl: `${base}/api/v1/imports/${view.id}/leads.csv`,
  });
  try {
    await env.EMAIL.send({ from: env.EMAIL_FROM ?? 'imports@example.com', to, subject, text });
    return true;
  } catch (err) {
    console.error(`import ${view.id}: notification email not sent (${err instanceof Error ? err.name : 'error'})`);
    return false;
  }
}
