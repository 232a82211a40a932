/**
 * The product's public address (APP_URL), which every link in an email starts with. It has no
 * default: a deploy that does not set it must not mail links to localhost. It must be https, except
 * for a loopback address (http://127.0.0.1:8787 under `npm run dev` and the tests).
 */
import type { Env } from '../env.ts';

export type AppUrl = { ok: true; url: string } | { ok: false; problem: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function appUrl(env: Pick<Env, 'APP_URL'>): AppUrl {
  const value = env.APP_URL?.trim();
  if (!value) {
    return { ok: false, problem: 'APP_URL is not set: set it to the app\'s https address when deploying (`wrangler deploy --var APP_URL:https://…`); no email with links is sent without it.' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'APP_URL is not a URL: set it to the app\'s https address; no email with links is sent without it.' };
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return { ok: true, url: value };
  return { ok: false, problem: `APP_URL must be an https address (it is ${url.protocol}//${url.host}); only a local address may use http. No email with links is sent until it is fixed.` };
}
