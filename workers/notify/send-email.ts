/**
 * Sends the completion email through the send_email binding as a raw MIME message (text and HTML),
 * which both Email Routing (verified destinations) and Email Service accept. A failure is logged,
 * never fatal to the import.
 */
import type { Env } from '../env.ts';
import type { ImportView } from '../../src/lib/import-view.ts';
import { composeImportEmail } from './compose-email.ts';
import { buildMime } from './mime.ts';
import { importLinks } from '../links/urls.ts';
import { linkSecret, LINK_SECRET_PROBLEM } from '../links/secret.ts';
import { appUrl } from '../links/app-url.ts';

/** A setting the deploy got wrong: its message (no user data) is what the log says. */
export class ConfigProblem extends Error {}

const DEFAULT_FROM = 'imports@example.com';

/** The raw message (headers and body) and its envelope; `nowMs` fixes when the links expire. */
export async function importEmailMessage(env: Env, to: string, view: ImportView, campaignName: string, nowMs = Date.now()) {
  const secret = linkSecret(env);
  if (!secret) throw new Error(LINK_SECRET_PROBLEM);
  const app = appUrl(env);
  if (!app.ok) throw new ConfigProblem(app.problem);
  const from = env.EMAIL_FROM ?? DEFAULT_FROM;
  const links = await importLinks(secret, app.url, view.id, { nowMs });
  const { subject, text, html } = composeImportEmail(view, campaignName, links);
  return { from, to, raw: buildMime({ from, fromName: 'Lead import', to, subject, text, html }) };
}

export async function sendImportEmail(env: Env, to: string, view: ImportView, campaignName: string): Promise<boolean> {
  if (!env.EMAIL) return false;
  try {
    const { from, raw } = await importEmailMessage(env, to, view, campaignName);
    // Loaded when sending: the module exists only in workerd, and the API's route table (read by
    // the OpenAPI test in Node) must load without it.
    const { EmailMessage } = await import('cloudflare:email');
    await env.EMAIL.send(new EmailMessage(from, to, raw));
    return true;
  } catch (err) {
    const why = err instanceof ConfigProblem || (err instanceof Error && err.message === LINK_SECRET_PROBLEM) ? err.message : err instanceof Error ? err.name : 'error';
    console.error(`import ${view.id}: notification email not sent (${why})`);
    return false;
  }
}
