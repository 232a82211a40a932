/**
 * The emails of sign-in and invitations, through the same send_email binding as completion emails
 * (locally, wrangler keeps each message where it keeps those). The code is in the message only:
 * never logged, never stored in clear.
 */
import type { Env } from '../env.ts';
import { buildMime } from '../notify/mime.ts';
import { escapeHtml } from '../notify/compose-email.ts';
import { AuthRefusal } from './refusal.ts';
import { appUrl as checkedAppUrl } from '../links/app-url.ts';

interface Mail {
  subject: string;
  text: string;
  html: string;
}

/**
 * APP_URL without its trailing slashes (a loop: a regex like /\/+$/ is quadratic on a run of
 * slashes). No default: without it (or with http outside local development) no link is mailed.
 */
function appUrl(env: Env): string {
  const app = checkedAppUrl(env);
  if (!app.ok) {
    console.error(`auth email not sent (${app.problem})`);
    throw new AuthRefusal('EMAIL_NOT_SENT', 'This server cannot send links by email: its APP_URL is not set up. Please tell the administrator.');
  }
  let url = app.url;
  while (url.endsWith('/')) url = url.slice(0, -1);
  return url;
}

export function signInCodeMail(code: string, minutes: number): Mail {
  const spaced = `${code.slice(0, 4)} ${code.slice(4)}`;
  return {
    subject: `Your Lead import sign-in code: ${spaced}`,
    text: `Your sign-in code is ${spaced}\n\nEnter it on the sign-in page within ${minutes} minutes. It works once.\nIf you did not ask to sign in, ignore this email: nobody can sign in without the code.\n`,
    html: `<p>Your sign-in code is</p><p style="font-size:24px;font-weight:700;letter-spacing:2px">${spaced}</p><p>Enter it on the sign-in page within ${minutes} minutes. It works once.</p><p>If you did not ask to sign in, ignore this email: nobody can sign in without the code.</p>`,
  };
}

export function invitationMail(env: Env, workspaceName: string, role: string, email: string, expiresAt: string): Mail {
  const link = `${appUrl(env)}/signin?email=${encodeURIComponent(email)}`;
  const until = expiresAt.slice(0, 10);
  return {
    subject: `You are invited to ${workspaceName.replace(/[\r\n]+/g, ' ').slice(0, 80)} on Lead import`,
    text: `You are invited to the workspace "${workspaceName}" as ${role}.\n\nSign in with this address (${email}) before ${until} to join: ${link}\n`,
    html: `<p>You are invited to the workspace <b>${escapeHtml(workspaceName)}</b> as ${escapeHtml(role)}.</p><p><a href="${escapeHtml(link)}">Sign in with ${escapeHtml(email)}</a> before ${until} to join.</p>`,
  };
}

/** Sends one message; refuses with 503 EMAIL_NOT_SENT when the binding is missing or fails (the address is not logged). */
export async function sendAuthMail(env: Env, to: string, mail: Mail): Promise<void> {
  if (!env.EMAIL) throw new AuthRefusal('EMAIL_NOT_SENT', 'This server cannot send email (no send_email binding), so it cannot send sign-in codes or invitations.');
  const from = env.EMAIL_FROM ?? 'imports@example.com';
  try {
    const raw = buildMime({ from, fromName: 'Lead import', to, ...mail });
    const { EmailMessage } = await import('cloudflare:email');
    await env.EMAIL.send(new EmailMessage(from, to, raw));
  } catch (err) {
    console.error(`auth email not sent (${err instanceof Error ? err.name : 'error'})`);
    throw new AuthRefusal('EMAIL_NOT_SENT', 'The email could not be sent. Try again in a minute.');
  }
}
