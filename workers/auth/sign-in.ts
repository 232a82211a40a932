/**
 * Signing in with a one-time code. `sendSignInCode`: an address that belongs to a person or has an
 * invitation gets a new code (replacing any earlier one); every address gets the same answer, so
 * the API does not tell who has an account. `verifySignInCode`: the code is spent on the first
 * right answer; each wrong one uses up a try, and after 5 the code is gone (a new one must be sent).
 */
import type { Env } from '../env.ts';
import { authConfig } from './auth-config.ts';
import { AuthRefusal } from './refusal.ts';
import { codeMac, codeMatches, newCode } from './sign-in-code.ts';
import { signInCodeMail, sendAuthMail } from './auth-emails.ts';
import { linkSecret } from '../links/secret.ts';

function secretOf(env: Env): string {
  const secret = linkSecret(env);
  if (!secret) throw new AuthRefusal('AUTH_NOT_CONFIGURED', 'Sign-in is not configured on this server (LINK_SIGNING_KEY is missing). Please tell the administrator.');
  return secret;
}

/** Whether anyone may sign in with this address: a person already, or invited (even if the invitation has expired: they are told so after the code). */
async function knownAddress(env: Env, email: string): Promise<boolean> {
  const row = await env.DB.prepare('SELECT 1 AS known FROM users WHERE email = ?1 UNION ALL SELECT 1 FROM invitations WHERE email = ?1 AND accepted_at IS NULL LIMIT 1')
    .bind(email)
    .first();
  return row !== null;
}

export async function sendSignInCode(env: Env, email: string, now = Date.now()): Promise<void> {
  if (!(await knownAddress(env, email))) return;
  const config = authConfig(env);
  const code = newCode();
  const mac = await codeMac(secretOf(env), email, code);
  await env.DB.prepare(
    `INSERT INTO sign_in_codes (email, code_mac, attempts, created_at, expires_at) VALUES (?1, ?2, 0, ?3, ?4)
     ON CONFLICT (email) DO UPDATE SET code_mac = excluded.code_mac, attempts = 0, created_at = excluded.created_at, expires_at = excluded.expires_at`,
  )
    .bind(email, mac, new Date(now).toISOString(), new Date(now + config.codeTtlMs).toISOString())
    .run();
  await sendAuthMail(env, email, signInCodeMail(code, Math.round(config.codeTtlMs / 60_000)));
}

/** Checks a typed code; resolves when it is right (and spends it), throws a specific refusal otherwise. */
export async function verifySignInCode(env: Env, email: string, typed: string, now = Date.now()): Promise<void> {
  const max = authConfig(env).codeMaxAttempts;
  // The try is counted before the code is compared, in one statement: parallel guesses cannot exceed the limit.
  const row = await env.DB.prepare(
    `UPDATE sign_in_codes SET attempts = attempts + 1 WHERE email = ?1 AND attempts < ?2 RETURNING code_mac, attempts, expires_at`,
  )
    .bind(email, max)
    .first<{ code_mac: string; attempts: number; expires_at: string }>();
  if (!row) {
    const spent = await env.DB.prepare('SELECT attempts FROM sign_in_codes WHERE email = ?1').bind(email).first<{ attempts: number }>();
    if (spent) {
      await env.DB.prepare('DELETE FROM sign_in_codes WHERE email = ?1').bind(email).run();
      throw new AuthRefusal('CODE_EXHAUSTED', `This code was entered wrongly ${max} times and no longer works. Ask for a new code.`);
    }
    throw new AuthRefusal('CODE_INVALID', 'No sign-in code is waiting for this address. Ask for a code first.');
  }
  if (Date.parse(row.expires_at) <= now) {
    await env.DB.prepare('DELETE FROM sign_in_codes WHERE email = ?1').bind(email).run();
    throw new AuthRefusal('CODE_EXPIRED', 'This code has expired. Ask for a new one.');
  }
  if (!(await codeMatches(secretOf(env), email, typed, row.code_mac))) {
    const left = max - row.attempts;
    if (left <= 0) {
      await env.DB.prepare('DELETE FROM sign_in_codes WHERE email = ?1 AND code_mac = ?2').bind(email, row.code_mac).run();
      throw new AuthRefusal('CODE_EXHAUSTED', `That code is wrong, and it was the last of ${max} tries: this code no longer works. Ask for a new code.`);
    }
    throw new AuthRefusal('CODE_INVALID', `That code is wrong. ${left} ${left === 1 ? 'try' : 'tries'} left.`, { attemptsLeft: left });
  }
  // Single use: only the request that deletes the row signs in.
  const spent = await env.DB.prepare('DELETE FROM sign_in_codes WHERE email = ?1 AND code_mac = ?2 RETURNING email').bind(email, row.code_mac).first();
  if (!spent) throw new AuthRefusal('CODE_INVALID', 'This code has already been used. Ask for a new one.');
}
